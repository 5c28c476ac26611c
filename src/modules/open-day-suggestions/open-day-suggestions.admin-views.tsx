import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateText, DateTimeText, ErrorSummary, Field, Notice, Pagination, Select, TextArea, emptyForm, label, type FormState } from '../../views/components.js';
import { departmentName } from '../departments/index.js';
import { CATEGORIES, REJECT_KINDS, SPLIT_MAX_PARTS, STAFF_QUEUES, splitPartFields, type StaffQueue } from './open-day-suggestions.schema.js';
import { OUTCOMES, dueState } from './open-day-suggestions.status.js';
import { DueBadge, MeasureProgress, Paragraphs, PathList, StatusBadge, categoryLabel, excerpt, unitName } from './open-day-suggestions.parts.js';
import type { StaffListData, StaffSuggestionData } from './open-day-suggestions.staff.js';

/** The staff pages' breadcrumbs. */
export const staffCrumbs = (ctx: ViewContext, last?: { label: string; href?: string }) => [
  { href: '/admin', label: ctx.t('nav.admin') },
  ...(last ? [{ href: '/admin/open-days/suggestions', label: ctx.t('suggestions.manage') }, last] : [{ label: ctx.t('suggestions.manage') }]),
];

/** The staff list: queues, the deadline figures of the units in view, and the suggestions. */
export function StaffListPage({ ctx, data, today, campaign, department }: { ctx: ViewContext; data: StaffListData; today: string; campaign: number | undefined; department: number | undefined }) {
  const { t } = ctx;
  const queues = data.coordinator ? STAFF_QUEUES : STAFF_QUEUES.filter((q) => q !== 'moderation' && q !== 'unrouted');
  const href = (queue: StaffQueue, page = 1) => {
    const q = new URLSearchParams({ queue });
    if (campaign !== undefined) {
      q.set('campaign', String(campaign));
    }
    if (department !== undefined) {
      q.set('department', String(department));
    }
    if (page > 1) {
      q.set('page', String(page));
    }
    return `/admin/open-days/suggestions?${q.toString()}`;
  };
  const units = data.unitIds ?? [...data.departments.keys()];
  return (
    <Layout ctx={ctx} title={t('suggestions.manage')} crumbs={staffCrumbs(ctx)}>
      <h1>{t('suggestions.manage')}</h1>
      <p>
        <a href="/admin/open-days/measures">{t('suggestions.measures_manage')}</a>
      </p>
      <nav aria-label={t('suggestions.queues')}>
        <ul class="tag-list">
          {queues.map((q) => (
            <li key={q}>
              <a class="tag" href={href(q)} aria-current={q === data.queue ? 'page' : undefined}>
                {label(ctx, `suggestions.queue.${q}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/admin/open-days/suggestions" class="filters">
        <input type="hidden" name="queue" value={data.queue} />
        <div class="field">
          <label for="f-campaign">{t('suggestions.campaign')}</label>
          <select id="f-campaign" name="campaign">
            <option value="">{t('suggestions.filter_any')}</option>
            {data.campaigns.map((c) => (
              <option key={c.id} value={String(c.id)} selected={c.id === campaign}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-department">{t('suggestions.unit')}</label>
          <select id="f-department" name="department">
            <option value="">{t('suggestions.filter_any')}</option>
            {units.map((id) => (
              <option key={id} value={String(id)} selected={id === department}>
                {unitName(ctx, data.departments, id)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('form.filter')}
        </button>
      </form>
      <section aria-labelledby="due-h">
        <h2 id="due-h">{t('suggestions.deadlines')}</h2>
        {data.deadlines.length === 0 ? (
          <p class="meta">{t('suggestions.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('suggestions.unit')}</th>
                <th scope="col">{t('suggestions.due_soon_count')}</th>
                <th scope="col">{t('suggestions.overdue_count')}</th>
                <th scope="col">{t('suggestions.answered_late_count')}</th>
                <th scope="col">{t('suggestions.routed_count')}</th>
              </tr>
            </thead>
            <tbody>
              {data.deadlines.map((d) => (
                <tr key={d.departmentId}>
                  <th scope="row">{unitName(ctx, data.departments, d.departmentId)}</th>
                  <td>{d.dueSoon}</td>
                  <td>{d.overdue}</td>
                  <td>{d.answeredLate}</td>
                  <td>{d.routed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="queue-h">
        <h2 id="queue-h">
          {label(ctx, `suggestions.queue.${data.queue}`)}（{data.total}）
        </h2>
        {data.rows.length === 0 ? (
          <p class="meta">{t('suggestions.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('suggestions.tracking_code')}</th>
                <th scope="col">{t('suggestions.content')}</th>
                <th scope="col">{t('suggestions.status_label')}</th>
                <th scope="col">{t('suggestions.unit')}</th>
                <th scope="col">{t('suggestions.due_on')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((s) => (
                <tr key={s.id} class="suggestion-row">
                  <th scope="row">
                    <a href={`/admin/open-days/suggestions/${s.id}`}>#{s.trackingCode}</a>
                  </th>
                  <td>
                    <span class="meta">
                      {categoryLabel(ctx, s.category)} · {s.pointId === null ? label(ctx, `suggestions.source.${s.source}`) : (data.points.get(s.pointId)?.topic ?? '')} · <DateText iso={s.createdAt} />
                    </span>
                    <br />
                    {excerpt(s.content, 60)}
                  </td>
                  <td>
                    <StatusBadge ctx={ctx} status={s.status} />
                  </td>
                  <td>{unitName(ctx, data.departments, s.departmentId)}</td>
                  <td>
                    {s.dueOn ? <DateText iso={s.dueOn} /> : '-'} <DueBadge ctx={ctx} state={dueState(s, today)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pagination ctx={ctx} page={data.page} pageCount={data.pageCount} hrefFor={(p) => href(data.queue, p)} />
      </section>
    </Layout>
  );
}

/** Which action form failed, with its values and problems. */
export interface ActionError {
  action: 'reject' | 'merge' | 'split' | 'route' | 'answer' | 'outcome';
  form: FormState;
}

const actionLabels = (ctx: ViewContext) => ({
  kind: ctx.t('suggestions.reject_kind'),
  reason: ctx.t('suggestions.reason'),
  target: ctx.t('suggestions.merge_target'),
  departmentId: ctx.t('suggestions.unit'),
  answer: ctx.t('suggestions.answer'),
  outcome: ctx.t('suggestions.outcome'),
  measureId: ctx.t('suggestions.measure_existing'),
  measureTitle: ctx.t('suggestions.measure_new_title'),
  measureDescription: ctx.t('suggestions.measure_new_description'),
  measureDueOn: ctx.t('suggestions.measure_new_due'),
  ...Object.fromEntries(
    splitParts().flatMap(({ n, category, content }) => [
      [category, `${ctx.t('suggestions.split_part', { n })} · ${ctx.t('suggestions.category')}`],
      [content, `${ctx.t('suggestions.split_part', { n })} · ${ctx.t('suggestions.content')}`],
    ]),
  ),
});

/** The numbered parts of the split form. */
const splitParts = () => Array.from({ length: SPLIT_MAX_PARTS }, (_, i) => ({ n: i + 1, ...splitPartFields(i + 1) }));

/** The staff page of one suggestion: everything about it (with the contact), its path, and the forms of the next steps. */
export function StaffSuggestionPage({ ctx, data, today, notice, error }: { ctx: ViewContext; data: StaffSuggestionData; today: string; notice?: string | undefined; error?: ActionError | undefined }) {
  const { t } = ctx;
  const s = data.suggestion;
  const formOf = (a: ActionError['action']) => (error?.action === a ? error.form : emptyForm());
  const title = t('suggestions.tracking_title', { code: s.trackingCode });
  const post = (a: string) => `/admin/open-days/suggestions/${s.id}/${a}`;
  const depts = [...data.departments.values()].map((d) => ({ value: String(d.id), label: departmentName(d, ctx.locale) }));
  return (
    <Layout ctx={ctx} title={title} crumbs={staffCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {error && <ErrorSummary ctx={ctx} form={error.form} labels={actionLabels(ctx)} />}
      <p>
        <StatusBadge ctx={ctx} status={s.status} /> {!data.published && s.status === 'received' && <span class="status-badge status-draft">{t('suggestions.unpublished')}</span>} <DueBadge ctx={ctx} state={dueState(s, today)} />
      </p>
      <dl class="facts">
        <dt>{t('suggestions.campaign')}</dt>
        <dd>{data.campaign?.title ?? '-'}</dd>
        <dt>{t('suggestions.category')}</dt>
        <dd>{categoryLabel(ctx, s.category)}</dd>
        <dt>{t('suggestions.source')}</dt>
        <dd>
          {label(ctx, `suggestions.source.${s.source}`)}
          {data.point && ` · ${data.point.topic}（${data.point.organiser}）`}
          {s.registrationId !== null && ` · ${t('suggestions.with_registration')}`}
        </dd>
        <dt>{t('suggestions.submitted_at')}</dt>
        <dd>
          <DateTimeText iso={s.createdAt} />
        </dd>
        <dt>{t('suggestions.submitter_name')}</dt>
        <dd>{s.submitterName || '-'}</dd>
        <dt>{t('suggestions.contact_staff')}</dt>
        <dd>{s.contact || '-'}</dd>
        <dt>{t('suggestions.unit')}</dt>
        <dd>{unitName(ctx, data.departments, s.departmentId)}</dd>
        <dt>{t('suggestions.due_on')}</dt>
        <dd>{s.dueOn ? <DateText iso={s.dueOn} /> : '-'}</dd>
      </dl>
      <section aria-labelledby="content-h">
        <h2 id="content-h">{t('suggestions.content')}</h2>
        <Paragraphs text={s.content} />
        {s.answer && (
          <>
            <h3>{t('suggestions.answer')}</h3>
            <Paragraphs text={s.answer} />
          </>
        )}
        {s.outcomeReason && <p class="meta">{t('suggestions.reason_line', { reason: s.outcomeReason })}</p>}
        {data.target && (
          <p>
            {t('suggestions.merged_into')} <a href={`/admin/open-days/suggestions/${data.target.id}`}>#{data.target.trackingCode}</a>
          </p>
        )}
        {data.splitFrom && (
          <p>
            {t('suggestions.split_from')} <a href={`/admin/open-days/suggestions/${data.splitFrom.id}`}>#{data.splitFrom.trackingCode}</a>
          </p>
        )}
        {data.parts.length > 0 && (
          <p>
            {t('suggestions.split_into', { count: data.parts.length })}{' '}
            {data.parts.map((p, i) => (
              <span key={p.id}>
                {i > 0 && '、'}
                <a href={`/admin/open-days/suggestions/${p.id}`}>#{p.trackingCode}</a>
              </span>
            ))}
          </p>
        )}
        {data.followers.length > 0 && (
          <p>
            {t('suggestions.followers')} {data.followers.map((f) => `#${f.trackingCode}`).join('、')}
          </p>
        )}
        {data.measure && (
          <p>
            {t('suggestions.measure')}: <a href={`/admin/open-days/measures/${data.measure.id}`}>{data.measure.title}</a> <MeasureProgress ctx={ctx} progress={data.measure.progress} dueOn={data.measure.dueOn} />
          </p>
        )}
        <p>
          <a href={`/open-days/suggestions/${s.trackingCode}`}>{t('suggestions.view_public')}</a>
        </p>
      </section>
      {data.actions.includes('publish') && (
        <section aria-labelledby="publish-h">
          <h2 id="publish-h">{t('suggestions.moderation')}</h2>
          <form method="post" action={post('publish')} class="actions">
            <Csrf ctx={ctx} />
            <p class="hint">{t('suggestions.publish_hint')}</p>
            <button type="submit" class="button primary">
              {t('suggestions.publish')}
            </button>
          </form>
        </section>
      )}
      {data.actions.includes('reject') && (
        <section aria-labelledby="reject-h">
          <h2 id="reject-h">{t('suggestions.reject')}</h2>
          <form method="post" action={post('reject')} class="form">
            <Csrf ctx={ctx} />
            <Select ctx={ctx} form={formOf('reject')} name="kind" label={t('suggestions.reject_kind')} required options={REJECT_KINDS.map((k) => ({ value: k, label: label(ctx, `suggestions.reject_kind.${k}`) }))} />
            <Field ctx={ctx} form={formOf('reject')} name="reason" label={t('suggestions.reason')} hint={t('suggestions.reject_reason_hint')} required maxLength={500} />
            <button type="submit" class="button danger">
              {t('suggestions.reject')}
            </button>
          </form>
        </section>
      )}
      {data.actions.includes('route') && (
        <section aria-labelledby="route-h">
          <h2 id="route-h">{s.status === 'routed' ? t('suggestions.reroute') : t('suggestions.route')}</h2>
          <form method="post" action={post('route')} class="form">
            <Csrf ctx={ctx} />
            <Select ctx={ctx} form={formOf('route')} name="departmentId" label={t('suggestions.unit')} hint={t('suggestions.route_hint', { days: data.campaign?.answerDays ?? 15 })} required options={depts} />
            <button type="submit" class="button primary">
              {t('suggestions.route')}
            </button>
          </form>
        </section>
      )}
      {data.actions.includes('merge') && (
        <section aria-labelledby="merge-h">
          <h2 id="merge-h">{t('suggestions.merge')}</h2>
          <form method="post" action={post('merge')} class="form">
            <Csrf ctx={ctx} />
            <Field ctx={ctx} form={formOf('merge')} name="target" label={t('suggestions.merge_target')} hint={t('suggestions.merge_hint')} required maxLength={16} />
            <button type="submit" class="button">
              {t('suggestions.merge')}
            </button>
          </form>
        </section>
      )}
      {data.actions.includes('split') && (
        <section aria-labelledby="split-h">
          <h2 id="split-h">{t('suggestions.split')}</h2>
          <form method="post" action={post('split')} class="form">
            <Csrf ctx={ctx} />
            <p class="hint">{t('suggestions.split_hint')}</p>
            {splitParts().map(({ n, category, content }) => {
              // The first two parts start in the whole's category; staff change what differs.
              const form = error?.action === 'split' ? error.form : emptyForm(n <= 2 ? { [category]: s.category } : {});
              return (
                <fieldset key={n}>
                  <legend>{t('suggestions.split_part', { n })}</legend>
                  <Select ctx={ctx} form={form} name={category} label={t('suggestions.category')} options={CATEGORIES.map((c) => ({ value: c, label: categoryLabel(ctx, c) }))} />
                  <TextArea ctx={ctx} form={form} name={content} label={t('suggestions.content')} rows={3} />
                </fieldset>
              );
            })}
            <button type="submit" class="button">
              {t('suggestions.split_send')}
            </button>
          </form>
        </section>
      )}
      {data.actions.includes('answer') && (
        <section aria-labelledby="answer-h">
          <h2 id="answer-h">{t('suggestions.answer')}</h2>
          <form method="post" action={post('answer')} class="form">
            <Csrf ctx={ctx} />
            <TextArea ctx={ctx} form={formOf('answer')} name="answer" label={t('suggestions.answer')} hint={t('suggestions.answer_hint')} required rows={6} />
            <button type="submit" class="button primary">
              {t('suggestions.answer_send')}
            </button>
          </form>
        </section>
      )}
      {data.actions.includes('outcome') && (
        <section aria-labelledby="outcome-h">
          <h2 id="outcome-h">{t('suggestions.outcome')}</h2>
          <form method="post" action={post('outcome')} class="form">
            <Csrf ctx={ctx} />
            <Select ctx={ctx} form={formOf('outcome')} name="outcome" label={t('suggestions.outcome')} required options={OUTCOMES.map((o) => ({ value: o, label: label(ctx, `suggestions.status.${o}`) }))} />
            <TextArea ctx={ctx} form={formOf('outcome')} name="reason" label={t('suggestions.reason')} hint={t('suggestions.outcome_reason_hint')} rows={3} />
            <fieldset>
              <legend>{t('suggestions.measure')}</legend>
              <p class="hint">{t('suggestions.measure_choice_hint')}</p>
              <Select ctx={ctx} form={formOf('outcome')} name="measureId" label={t('suggestions.measure_existing')} options={data.measures.map((m) => ({ value: String(m.id), label: `${m.title}（${Number(m.suggestions ?? 0)}）` }))} />
              <Field ctx={ctx} form={formOf('outcome')} name="measureTitle" label={t('suggestions.measure_new_title')} maxLength={200} />
              <TextArea ctx={ctx} form={formOf('outcome')} name="measureDescription" label={t('suggestions.measure_new_description')} rows={3} />
              <Field ctx={ctx} form={formOf('outcome')} name="measureDueOn" type="date" label={t('suggestions.measure_new_due')} />
            </fieldset>
            <button type="submit" class="button primary">
              {t('suggestions.outcome_send')}
            </button>
          </form>
        </section>
      )}
      <section aria-labelledby="path-h">
        <h2 id="path-h">{t('suggestions.path')}</h2>
        <PathList ctx={ctx} events={data.events} departments={data.departments} />
      </section>
    </Layout>
  );
}

/** The label of a staff notice after an action (?done=…). */
export function doneNotice(ctx: ViewContext, done: unknown): string | undefined {
  const known = ['published', 'rejected', 'merged', 'split', 'routed', 'answered', 'decided', 'saved'];
  return typeof done === 'string' && known.includes(done) ? label(ctx, `suggestions.done.${done}`) : undefined;
}
