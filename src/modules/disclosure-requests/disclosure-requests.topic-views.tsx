import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf } from '../../views/components.js';
import { trendChart } from './disclosure-requests.charts.js';
import type { topicOverview } from './disclosure-requests.topics.js';

type Overview = Awaited<ReturnType<typeof topicOverview>>;

function TrendTable({ ctx, months, counts, caption }: { ctx: ViewContext; months: readonly string[]; counts: readonly number[]; caption: string }) {
  return (
    <div class="table-scroll">
      <table class="table compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="row">{ctx.t('disclosureRequests.topics.month')}</th>
            {months.map((m) => (
              <th scope="col">{m.slice(2)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{ctx.t('disclosureRequests.topics.requests')}</th>
            {counts.map((n) => (
              <td>{n}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** Frequent requests per agency with their trend, a one-step publish form, and published topics before/after. */
export function TopicsPage({ ctx, data, agencyName, columns }: { ctx: ViewContext; data: Overview; agencyName: (id: number) => string; columns: Array<{ id: number; slug: string; name: string }> }) {
  const { t } = ctx;
  const title = t('disclosureRequests.staff.topics');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/admin', label: t('nav.admin') }, { href: '/admin/disclosure-requests', label: t('disclosureRequests.staff_title') }, { label: title }]}>
      <h1>{title}</h1>
      <p>{t('disclosureRequests.topics.intro')}</p>
      {data.topics.length > 0 && <h2>{t('disclosureRequests.topics.before_after')}</h2>}
      {data.topics.map(({ topic, count, perMonth, before, after }) => (
        <section class="panel" aria-labelledby={`topic-${topic.id}`}>
          <h3 id={`topic-${topic.id}`}>{topic.title}</h3>
          <p class="meta">
            {agencyName(topic.departmentId)} · {t('disclosureRequests.topics.requests')} {count} ·{' '}
            {topic.publishedOn ? <a href={`/articles/${topic.articleId ?? ''}`}>{t('disclosureRequests.topics.published', { date: topic.publishedOn })}</a> : null}
          </p>
          {topic.publishedOn && (
            <p id={`topic-${topic.id}-effect`}>
              {t('disclosureRequests.topics.before')}：{before} · {t('disclosureRequests.topics.after')}：{after}
            </p>
          )}
          {!topic.publishedOn && topic.articleId !== null && (
            <form method="post" action={`/admin/disclosure-requests/topics/${topic.id}/notify`} class="form inline">
              <Csrf ctx={ctx} />
              <button type="submit" class="button">
                {t('disclosureRequests.topics.publish')}
              </button>
            </form>
          )}
          <figure aria-hidden="true" dangerouslySetInnerHTML={{ __html: trendChart(data.months, perMonth, topic.publishedOn?.slice(0, 7) ?? null, topic.title) }} />
          <TrendTable ctx={ctx} months={data.months} counts={perMonth} caption={t('disclosureRequests.topics.trend')} />
        </section>
      ))}
      <h2>{t('disclosureRequests.topics.trend')}</h2>
      {data.groups.length === 0 && <p>{t('disclosureRequests.none')}</p>}
      {data.groups.map((g, i) => (
        <section class="panel" aria-labelledby={`group-${i}`}>
          <h3 id={`group-${i}`}>
            {g.sample}（{g.count}）
          </h3>
          <p class="meta">
            {agencyName(g.departmentId)} · {t('disclosureRequests.topics.keywords')}：{g.keywords.join('、')}
          </p>
          <figure aria-hidden="true" dangerouslySetInnerHTML={{ __html: trendChart(data.months, g.perMonth, null, g.sample) }} />
          <TrendTable ctx={ctx} months={data.months} counts={g.perMonth} caption={t('disclosureRequests.topics.trend')} />
          {g.topicId === null && (
            <details>
              <summary>{t('disclosureRequests.topics.publish')}</summary>
              <form method="post" action="/admin/disclosure-requests/topics" class="form">
                <Csrf ctx={ctx} />
                <input type="hidden" name="departmentId" value={String(g.departmentId)} />
                {g.requestIds.map((id) => (
                  <input type="hidden" name="requestIds" value={String(id)} />
                ))}
                <div class="field">
                  <label for={`title-${i}`}>{t('disclosureRequests.topics.title_field')}</label>
                  <input id={`title-${i}`} name="title" type="text" required maxLength={300} value={g.sample} />
                </div>
                <div class="field">
                  <label for={`body-${i}`}>{t('disclosureRequests.topics.body')}</label>
                  <textarea id={`body-${i}`} name="body" rows={6} required></textarea>
                </div>
                <div class="field">
                  <label for={`column-${i}`}>{t('disclosureRequests.topics.column')}</label>
                  <select id={`column-${i}`} name="columnId" required>
                    {columns.map((c) => (
                      <option value={String(c.id)}>{c.name}</option>
                    ))}
                  </select>
                </div>
                <button type="submit" class="button primary">
                  {t('disclosureRequests.topics.publish')}
                </button>
              </form>
            </details>
          )}
        </section>
      ))}
    </Layout>
  );
}
