import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateTimeText, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../views/components.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { PLAN_CHANNELS, PLAN_FORMS, type TimetableFilter } from './interpretation-plans.schema.js';
import { PLAN_STATUSES, type PlanStatus } from './interpretation-plans.status.js';
import type { ReminderRow, PlanEntryRow } from './interpretation-plans.repository.js';
import type { TimetableLine } from './interpretation-plans.service.js';

type Options = Array<{ id: number; name: string }>;
const BASE = '/admin/interpretation-plans';
const crumbs = (ctx: ViewContext, last?: string) => [{ href: '/admin', label: ctx.t('nav.admin') }, ...(last ? [{ href: BASE, label: ctx.t('plans.title') }, { label: last }] : [{ label: ctx.t('plans.title') }])];
const k = (s: string) => s as MessageKey;

/** A status shown as a badge with its words (never colour alone). */
export function PlanStatusBadge({ ctx, status }: { ctx: ViewContext; status: PlanStatus }) {
  return <span class={`status-badge plan-${status}`}>{ctx.t(k(`plans.status.${status}`))}</span>;
}

function reminderText(ctx: ViewContext, r: ReminderRow | undefined): string {
  return r ? `${ctx.t(k(`plans.outcome.${r.outcome}`))} (${r.dueOn})` : ctx.t('plans.no_reminder');
}

/** The citywide timetable: filters, counts per status, entries by month. */
export function TimetablePage({ ctx, filter, data, departments }: { ctx: ViewContext; filter: TimetableFilter; data: { year: number; counts: Record<PlanStatus, number>; lines: TimetableLine[]; months: Array<{ month: string; lines: TimetableLine[] }>; allowed: number }; departments: Options }) {
  const { t } = ctx;
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const q = new URLSearchParams({ year: String(data.year), ...(filter.departmentId ? { departmentId: String(filter.departmentId) } : {}), ...(filter.status ? { status: filter.status } : {}) });
  const done = filter.done && /^[a-z]+$/.test(filter.done) ? filter.done : undefined;
  return (
    <Layout ctx={ctx} title={t('plans.title')} crumbs={crumbs(ctx)}>
      <h1>{t('plans.title')}</h1>
      {done && <Notice kind="success">{t(k(`plans.done.${done}`), { outcome: '' })}</Notice>}
      <p class="lead">{t('plans.intro', { days: data.allowed })}</p>
      <div class="toolbar">
        {ctx.user?.role !== 'reviewer' && (
          <a class="button primary" href={`${BASE}/new`}>
            {t('plans.new')}
          </a>
        )}
        <a class="button" href={`${BASE}.csv?${q.toString()}`}>
          {t('plans.export_csv')}
        </a>
      </div>
      <form method="get" action={BASE} class="filters">
        <Field ctx={ctx} form={{ values: { year: String(data.year) }, errors: {} }} name="year" label={t('plans.year')} type="number" />
        <Select ctx={ctx} form={{ values: { departmentId: filter.departmentId ? String(filter.departmentId) : '' }, errors: {} }} name="departmentId" label={t('plans.department')} options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />
        <Select ctx={ctx} form={{ values: { status: filter.status ?? '' }, errors: {} }} name="status" label={t('plans.status')} options={PLAN_STATUSES.map((s) => ({ value: s, label: t(k(`plans.status.${s}`)) }))} />
        <button class="button" type="submit">
          {t('form.filter')}
        </button>
      </form>
      <h2>{t('plans.counts')}</h2>
      <ul class="plan-counts">
        {PLAN_STATUSES.map((s) => (
          <li key={s}>
            <a href={`${BASE}?year=${data.year}${filter.departmentId ? `&departmentId=${filter.departmentId}` : ''}&status=${s}`}>
              <PlanStatusBadge ctx={ctx} status={s} /> <strong>{data.counts[s]}</strong>
            </a>
          </li>
        ))}
      </ul>
      <p class="meta">{t('plans.count', { count: data.lines.length })}</p>
      {data.lines.length === 0 && <p>{t('plans.none')}</p>}
      {data.months.map((m) => (
        <section key={m.month} aria-labelledby={`m-${m.month}`}>
          <h2 id={`m-${m.month}`}>{m.month}</h2>
          <table class="plan-table">
            <thead>
              <tr>
                <th scope="col">{t('plans.due')}</th>
                <th scope="col">{t('plans.policy')}</th>
                <th scope="col">{t('plans.department')}</th>
                <th scope="col">{t('plans.status')}</th>
                <th scope="col">{t('plans.state')}</th>
                <th scope="col">{t('plans.reminder')}</th>
              </tr>
            </thead>
            <tbody>
              {m.lines.map((l) => (
                <tr key={l.entry.id}>
                  <td>{l.due}</td>
                  <td>
                    <a href={`${BASE}/${l.entry.id}`}>{l.title}</a>
                    {l.policy ? '' : t('plans.planned_marker')}
                  </td>
                  <td>{names.get(l.entry.departmentId) ?? l.entry.departmentId}</td>
                  <td>
                    <PlanStatusBadge ctx={ctx} status={l.status} />
                  </td>
                  <td>{t(k(`plans.state.${l.entry.state}`))}</td>
                  <td>{reminderText(ctx, l.reminder)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Layout>
  );
}

function Choices({ ctx, form, name, legend, values, prefix }: { ctx: ViewContext; form: FormState; name: string; legend: string; values: readonly string[]; prefix: string }) {
  const err = form.errors[name];
  const raw = form.values[name];
  const selected = new Set(Array.isArray(raw) ? raw : raw ? raw.split(',') : []);
  return (
    <fieldset class={err ? 'field has-error' : 'field'} id={name} aria-describedby={err ? `${name}-error` : undefined}>
      <legend>
        {legend} <span class="req">({ctx.t('form.required')})</span>
      </legend>
      {err && (
        <p class="error" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
          {ctx.t(err.key, err.params)}
        </p>
      )}
      <div class="checkbox-grid">
        {values.map((v) => (
          <label class="choice" key={v}>
            <input type="checkbox" name={name} value={v} checked={selected.has(v)} /> {ctx.t(k(`${prefix}.${v}`))}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Labels of the entry form's fields (error summary and field labels). */
export function entryLabels(ctx: ViewContext): Record<string, string> {
  const { t } = ctx;
  return { year: t('plans.year'), departmentId: t('plans.department'), policyId: t('plans.policy_id'), plannedTitle: t('plans.planned_title'), expectedOn: t('plans.expected_on'), forms: t('plans.forms'), channels: t('plans.channels'), interpreterName: t('plans.interpreter_name'), interpreterPost: t('plans.interpreter_post'), outline: t('plans.outline') };
}

/** The fields of a plan entry. */
function EntryForm({ ctx, form, departments, action }: { ctx: ViewContext; form: FormState; departments: Options; action: string }) {
  const l = entryLabels(ctx);
  return (
    <form method="post" action={action} class="form" novalidate>
      <Csrf ctx={ctx} />
      <ErrorSummary ctx={ctx} form={form} labels={l} />
      <Field ctx={ctx} form={form} name="year" label={l.year!} type="number" required />
      <Select ctx={ctx} form={form} name="departmentId" label={l.departmentId!} required options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />
      <Field ctx={ctx} form={form} name="policyId" label={l.policyId!} hint={ctx.t('plans.policy_id_hint')} type="number" />
      <Field ctx={ctx} form={form} name="plannedTitle" label={l.plannedTitle!} maxLength={300} />
      <Field ctx={ctx} form={form} name="expectedOn" label={l.expectedOn!} type="date" required />
      <Choices ctx={ctx} form={form} name="forms" legend={l.forms!} values={PLAN_FORMS} prefix="plans.form" />
      <Choices ctx={ctx} form={form} name="channels" legend={l.channels!} values={PLAN_CHANNELS} prefix="plans.channel" />
      <Field ctx={ctx} form={form} name="interpreterName" label={l.interpreterName!} required maxLength={60} />
      <Field ctx={ctx} form={form} name="interpreterPost" label={l.interpreterPost!} required maxLength={120} />
      <TextArea ctx={ctx} form={form} name="outline" label={l.outline!} rows={5} />
      <button class="button primary" type="submit">
        {ctx.t('form.save')}
      </button>
    </form>
  );
}

/** A new plan entry. */
export function NewEntryPage({ ctx, form, departments }: { ctx: ViewContext; form: FormState; departments: Options }) {
  return (
    <Layout ctx={ctx} title={ctx.t('plans.new')} crumbs={crumbs(ctx, ctx.t('plans.new'))}>
      <h1>{ctx.t('plans.new')}</h1>
      <EntryForm ctx={ctx} form={form} departments={departments} action={`${BASE}/new`} />
    </Layout>
  );
}

/** An entry's page: its status, the editor (for the department), filing, sending back, linking, reminders. */
export function EntryPage({ ctx, form, departments, entry, line, reminders, notice, canEdit }: { ctx: ViewContext; form: FormState; departments: Options; entry: PlanEntryRow; line: TimetableLine; reminders: ReminderRow[]; notice?: string | undefined; canEdit: boolean }) {
  const { t } = ctx;
  const base = `${BASE}/${entry.id}`;
  const isAdmin = ctx.user?.role === 'admin';
  return (
    <Layout ctx={ctx} title={line.title} crumbs={crumbs(ctx, line.title)}>
      <h1>{line.title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <dl class="facts">
        <dt>{t('plans.status')}</dt>
        <dd>
          <PlanStatusBadge ctx={ctx} status={line.status} />
        </dd>
        <dt>{t('plans.due')}</dt>
        <dd>{line.due}</dd>
        <dt>{t('plans.state')}</dt>
        <dd>
          {t(k(`plans.state.${entry.state}`))}
          {entry.filedOn ? ` · ${t('plans.filed_on')} ${entry.filedOn}` : ''}
        </dd>
        {entry.state === 'returned' && (
          <>
            <dt>{t('plans.return_note')}</dt>
            <dd>{entry.returnNote}</dd>
          </>
        )}
      </dl>
      <div class="actions">
        {canEdit && entry.state !== 'filed' && (
          <form method="post" action={`${base}/file`}>
            <Csrf ctx={ctx} />
            <button class="button primary" type="submit">
              {t('plans.file')}
            </button>
          </form>
        )}
        {isAdmin && (
          <form method="post" action={`${base}/remind`}>
            <Csrf ctx={ctx} />
            <button class="button" type="submit">
              {t('plans.remind_now')}
            </button>
          </form>
        )}
      </div>
      {isAdmin && entry.state === 'filed' && (
        <form method="post" action={`${base}/return`} class="form" novalidate>
          <Csrf ctx={ctx} />
          <h2>{t('plans.return')}</h2>
          <TextArea ctx={ctx} form={form} name="note" label={t('plans.return_note')} required rows={3} />
          <button class="button" type="submit">
            {t('plans.return_submit')}
          </button>
        </form>
      )}
      {canEdit && !entry.policyId && (
        <form method="post" action={`${base}/link`} class="form" novalidate>
          <Csrf ctx={ctx} />
          <h2>{t('plans.link')}</h2>
          <Field ctx={ctx} form={form} name="linkPolicyId" label={t('plans.policy_id')} type="number" required />
          <button class="button" type="submit">
            {t('plans.link_submit')}
          </button>
        </form>
      )}
      {canEdit && (
        <section aria-labelledby="edit-h">
          <h2 id="edit-h">{t('plans.edit')}</h2>
          <EntryForm ctx={ctx} form={form} departments={departments} action={base} />
        </section>
      )}
      <h2>{t('plans.reminders')}</h2>
      {reminders.length === 0 ? (
        <p>{t('plans.no_reminder')}</p>
      ) : (
        <ul>
          {reminders.map((r) => (
            <li key={r.id}>
              <DateTimeText iso={r.createdAt} /> · {reminderText(ctx, r)} {r.recipients && `· ${r.recipients}`}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
