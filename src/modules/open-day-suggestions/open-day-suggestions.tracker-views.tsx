import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { DateText, Pagination, label } from '../../views/components.js';
import { CATEGORIES, type TrackerFilter } from './open-day-suggestions.schema.js';
import { SUGGESTION_STATUSES } from './open-day-suggestions.status.js';
import { publicName } from './open-day-suggestions.presenter.js';
import { MeasureProgress, PathList, StatusBadge, categoryLabel, excerpt, unitName } from './open-day-suggestions.parts.js';
import type { TrackerData } from './open-day-suggestions.tracker.js';

function percent(rate: number | null): string {
  return rate === null ? '-' : `${(rate * 100).toFixed(1)}%`;
}

function trackerHref(slug: string, f: TrackerFilter, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of [
    ['status', f.status],
    ['category', f.category],
    ['department', f.department === undefined ? undefined : String(f.department)],
    ['point', f.point],
  ] as const) {
    if (v) {
      q.set(k, v);
    }
  }
  if (page > 1) {
    q.set('page', String(page));
  }
  const s = q.toString();
  return `/open-days/${slug}/suggestions${s ? `?${s}` : ''}#list-h`;
}

function SelectFilter({ id, name, text, value, options, anyLabel }: { id: string; name: string; text: string; value: string | undefined; options: Array<{ value: string; label: string }>; anyLabel: string }) {
  return (
    <div class="field">
      <label for={id}>{text}</label>
      <select id={id} name={name}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The public tracker of a campaign: figures, the formula, deadlines per unit, the list with each path, and the measures. */
export function TrackerPage({ ctx, data, filter }: { ctx: ViewContext; data: TrackerData; filter: TrackerFilter }) {
  const { t } = ctx;
  const c = data.campaign;
  const title = t('suggestions.tracker_title');
  const any = t('suggestions.filter_any');
  return (
    <Layout ctx={ctx} title={`${c.title} ${title}`} crumbs={[{ label: c.title }, { label: title }]}>
      <h1>
        {c.title} {title}
      </h1>
      <p class="lead">{t('suggestions.tracker_intro')}</p>
      <p>
        <a class="button primary" href={`/open-days/suggest?campaign=${encodeURIComponent(c.slug)}`}>
          {t('suggestions.suggest_online')}
        </a>
      </p>
      <section aria-labelledby="figures-h">
        <h2 id="figures-h">{t('suggestions.figures')}</h2>
        <p>
          {t('suggestions.figures_total', { total: data.totalSuggestions, visit: data.sources.visit ?? 0, online: data.sources.online ?? 0 })}
          {data.split.parts > 0 && t('suggestions.figures_split', data.split)}
        </p>
        <table class="facts-table">
          <caption class="visually-hidden">{t('suggestions.by_status')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('suggestions.status_label')}</th>
              <th scope="col">{t('suggestions.count')}</th>
            </tr>
          </thead>
          <tbody>
            {SUGGESTION_STATUSES.map((s) => (
              <tr key={s}>
                <th scope="row">{label(ctx, `suggestions.status.${s}`)}</th>
                <td>{data.counts[s] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <strong>
            {t('suggestions.conversion_rate')}：{percent(data.conversion.rate)}
          </strong>{' '}
          ({data.conversion.adopted} / {data.conversion.answered})
        </p>
        <p class="hint">{t('suggestions.conversion_formula')}</p>
      </section>
      <section aria-labelledby="deadlines-h">
        <h2 id="deadlines-h">{t('suggestions.deadlines')}</h2>
        <p class="hint">{t('suggestions.deadlines_hint', { days: c.answerDays })}</p>
        {data.deadlines.length === 0 ? (
          <p class="meta">{t('suggestions.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('suggestions.unit')}</th>
                <th scope="col">{t('suggestions.routed_count')}</th>
                <th scope="col">{t('suggestions.overdue_count')}</th>
                <th scope="col">{t('suggestions.answered_late_count')}</th>
                <th scope="col">{t('suggestions.answered_in_time_count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.deadlines.map((d) => (
                <tr key={d.departmentId}>
                  <th scope="row">{unitName(ctx, data.departments, d.departmentId)}</th>
                  <td>{d.routed}</td>
                  <td>{d.overdue}</td>
                  <td>{d.answeredLate}</td>
                  <td>{d.answeredInTime}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="list-h">
        <h2 id="list-h">{t('suggestions.list')}</h2>
        <form method="get" action={`/open-days/${c.slug}/suggestions`} class="filters" role="search" aria-label={t('suggestions.filter')}>
          <SelectFilter id="f-status" name="status" text={t('suggestions.status_label')} value={filter.status} anyLabel={any} options={SUGGESTION_STATUSES.filter((s) => s !== 'rejected').map((s) => ({ value: s, label: label(ctx, `suggestions.status.${s}`) }))} />
          <SelectFilter id="f-category" name="category" text={t('suggestions.category')} value={filter.category} anyLabel={any} options={CATEGORIES.map((x) => ({ value: x, label: categoryLabel(ctx, x) }))} />
          <SelectFilter id="f-unit" name="department" text={t('suggestions.unit')} value={filter.department === undefined ? undefined : String(filter.department)} anyLabel={any} options={data.unitOptions.map((id) => ({ value: String(id), label: unitName(ctx, data.departments, id) })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))} />
          <SelectFilter id="f-point" name="point" text={t('suggestions.point')} value={filter.point} anyLabel={any} options={[...data.points.values()].map((p) => ({ value: p.code, label: p.topic })).sort((a, b) => a.value.localeCompare(b.value))} />
          <button type="submit" class="button">
            {t('form.filter')}
          </button>
        </form>
        <p class="meta" role="status">
          {t('suggestions.found', { count: data.total })}
        </p>
        <ol class="dialogue-questions suggestion-list">
          {data.rows.map((s) => {
            const point = s.pointId === null ? undefined : data.points.get(s.pointId);
            const into = s.mergedIntoId === null ? undefined : data.mergedCodes.get(s.mergedIntoId);
            return (
              <li key={s.id} class="dialogue-question">
                <p>
                  <a href={`/open-days/suggestions/${s.trackingCode}`}>#{s.trackingCode}</a> <StatusBadge ctx={ctx} status={s.status} />
                </p>
                <p class="meta">
                  {categoryLabel(ctx, s.category)} · {point ? point.topic : label(ctx, `suggestions.source.${s.source}`)} · <DateText iso={s.createdAt} />
                  {publicName(s.submitterName) && <> · {publicName(s.submitterName)}</>}
                  {s.departmentId !== null && <> · {unitName(ctx, data.departments, s.departmentId)}</>}
                </p>
                <p>{excerpt(s.content, 160)}</p>
                {into && (
                  <p class="meta">
                    {t('suggestions.merged_into')} <a href={`/open-days/suggestions/${into}`}>#{into}</a>
                  </p>
                )}
                <details>
                  <summary>{t('suggestions.path')}</summary>
                  <PathList ctx={ctx} events={data.events.get(s.id) ?? []} departments={data.departments} />
                </details>
              </li>
            );
          })}
        </ol>
        <Pagination ctx={ctx} page={data.page} pageCount={data.pageCount} hrefFor={(p) => trackerHref(c.slug, filter, p)} />
      </section>
      <section aria-labelledby="measures-h">
        <h2 id="measures-h">{t('suggestions.measures', { count: data.measures.length })}</h2>
        {data.measures.length === 0 ? (
          <p class="meta">{t('suggestions.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('suggestions.measure')}</th>
                <th scope="col">{t('suggestions.measure_owner')}</th>
                <th scope="col">{t('suggestions.measure_progress')}</th>
                <th scope="col">{t('suggestions.answers_count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.measures.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <a href={`/open-days/measures/${m.id}`}>{m.title}</a>
                  </th>
                  <td>{m.owner || unitName(ctx, data.departments, m.ownerDepartmentId)}</td>
                  <td>
                    <MeasureProgress ctx={ctx} progress={m.progress} dueOn={m.dueOn} />
                  </td>
                  <td>{m.suggestions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Layout>
  );
}
