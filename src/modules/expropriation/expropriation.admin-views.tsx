import type { ViewContext } from '../../views/context.js';
import { Csrf, ErrorSummary, Field, Select, TextArea, type FormState } from '../../views/components.js';
import { Layout } from '../../views/layout.js';
import { EVENT_KINDS, PHASES } from './expropriation.directory.js';
import { PAYMENT_STATUSES, RIGHTS_STATUSES, SCHEMES, SIGNING_STATUSES, SURVEY_STATUSES } from './expropriation.households.js';
import type { ImportResult } from './expropriation.households.service.js';
import type { StaffHousehold } from './expropriation.presenter.js';
import type { ItemRow, ProjectRow } from './expropriation.repository.js';
import type { directoryStatus } from './expropriation.service.js';
import { Corrected, enumLabel } from './expropriation.components.js';
import { Checklist, CommentCheck } from './expropriation.views.js';

type Status = Awaited<ReturnType<typeof directoryStatus>>;
const crumbs = (ctx: ViewContext, extra: Array<{ href?: string; label: string }>) => [{ href: '/admin', label: ctx.t('nav.admin') }, { href: '/admin/expropriation', label: ctx.t('expropriation.manage') }, ...extra];
const options = (ctx: ViewContext, group: string, values: readonly string[]) => values.map((v) => ({ value: v, label: enumLabel(ctx, group, v) }));

/** The staff list of projects with the new-project form. */
export function AdminProjectsPage({ ctx, projects, departments, form }: { ctx: ViewContext; projects: ProjectRow[]; departments: Array<{ id: number; name: string }>; form: FormState }) {
  const { t } = ctx;
  const labels: Record<string, string> = { code: t('expropriation.field.code_key'), name: t('expropriation.field.name'), departmentId: t('expropriation.field.department'), commentOpensOn: t('expropriation.field.commentOpensOn'), commentClosesOn: t('expropriation.field.commentClosesOn') };
  return (
    <Layout ctx={ctx} title={t('expropriation.manage')} crumbs={crumbs(ctx, []).slice(0, 1).concat([{ label: t('expropriation.manage') }])}>
      <h1>{t('expropriation.manage')}</h1>
      <ul>
        {projects.map((p) => (
          <li key={p.id}>
            <a href={`/admin/expropriation/projects/${p.id}`}>{p.name}</a> · {enumLabel(ctx, 'phase', p.phase)}
          </li>
        ))}
      </ul>
      <h2>{t('expropriation.new_project')}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action="/admin/expropriation/projects" class="form" novalidate>
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={form} name="code" label={labels.code!} required hint={t('expropriation.code_hint')} maxLength={40} />
        <Field ctx={ctx} form={form} name="name" label={labels.name!} required maxLength={200} />
        <Select ctx={ctx} form={form} name="departmentId" label={labels.departmentId!} required options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />
        <Field ctx={ctx} form={form} name="decisionNumber" label={t('expropriation.field.decisionNumber')} maxLength={100} />
        <Select ctx={ctx} form={form} name="phase" label={t('expropriation.field.phase')} options={options(ctx, 'phase', PHASES)} />
        <Field ctx={ctx} form={form} name="commentOpensOn" label={labels.commentOpensOn!} type="date" />
        <Field ctx={ctx} form={form} name="commentClosesOn" label={labels.commentClosesOn!} type="date" hint={t('expropriation.comment_hint')} />
        <Field ctx={ctx} form={form} name="valuerDays" label={t('expropriation.field.valuerDays')} type="number" />
        <TextArea ctx={ctx} form={form} name="summary" label={t('expropriation.field.summary')} rows={3} />
        <button type="submit" class="button">{t('expropriation.create')}</button>
      </form>
    </Layout>
  );
}

/** A project's staff page: checklist with publish links, key dates, phase, import, household lookup. */
export function AdminProjectPage({ ctx, status, form, report }: { ctx: ViewContext; status: Status; form: FormState; report?: ImportResult }) {
  const { t } = ctx;
  const p = status.project;
  const base = `/admin/expropriation/projects/${p.id}`;
  const csrfQuery = `_csrf=${encodeURIComponent(ctx.csrfToken)}`;
  return (
    <Layout ctx={ctx} title={p.name} crumbs={crumbs(ctx, [{ label: p.name }])}>
      <h1>{p.name}</h1>
      <p>
        <a href={`/expropriation/projects/${p.id}`}>{t('expropriation.public_page')}</a> · <a href={`${base}/edit`}>{t('expropriation.edit_project')}</a> · <a href={`${base}/agency-cases`}>{t('expropriation.agency_cases_heading')}</a> · <a href={`${base}/agency`}>{t('expropriation.agency_report_link')}</a>
      </p>
      {report && <ImportReport ctx={ctx} report={report} />}
      <h2>{t('expropriation.import_heading')}</h2>
      <form method="post" action={`${base}/import?${csrfQuery}`} encType="multipart/form-data" class="form" novalidate>
        <div class={form.errors.file ? 'field has-error' : 'field'}>
          <label for="file">{t('expropriation.field.file')}</label>
          <p class="hint" id="file-hint">{t('expropriation.import_hint')}</p>
          {form.errors.file && <p class="error" id="file-error">{t(form.errors.file.key, form.errors.file.params)}</p>}
          <input type="file" id="file" name="file" accept=".csv,.xlsx" aria-describedby={form.errors.file ? 'file-hint file-error' : 'file-hint'} />
        </div>
        <button type="submit" class="button">{t('expropriation.import')}</button>
      </form>
      <h2>{t('expropriation.find_household')}</h2>
      <form method="get" action={`${base}/households`} class="filters">
        <Field ctx={ctx} form={{ values: {}, errors: {} }} name="number" label={t('expropriation.field.number')} maxLength={30} />
        <button type="submit" class="button">{t('expropriation.search')}</button>
      </form>
      <h2>{t('expropriation.events_heading')}</h2>
      <ul>{status.events.map((e) => <li key={e.id}>{e.occurredOn} · {enumLabel(ctx, 'event', e.kind)}{e.note && <> · {e.note}</>}</li>)}</ul>
      <form method="post" action={`${base}/events`} class="form" novalidate>
        <Csrf ctx={ctx} />
        <Select ctx={ctx} form={form} name="kind" label={t('expropriation.field.kind')} options={options(ctx, 'event', EVENT_KINDS)} />
        <Field ctx={ctx} form={form} name="occurredOn" label={t('expropriation.field.occurredOn')} type="date" required />
        <Field ctx={ctx} form={form} name="note" label={t('expropriation.field.note')} maxLength={500} />
        <button type="submit" class="button">{t('expropriation.record_event')}</button>
      </form>
      <form method="post" action={`${base}/phase`} class="form" novalidate>
        <Csrf ctx={ctx} />
        <Select ctx={ctx} form={{ values: { phase: p.phase }, errors: {} }} name="phase" label={t('expropriation.field.phase')} options={options(ctx, 'phase', PHASES)} />
        <button type="submit" class="button">{t('expropriation.set_phase')}</button>
      </form>
      <h2>{t('expropriation.comment_heading')}</h2>
      <CommentCheck ctx={ctx} comment={status.comment} />
      <h2 id="directory">{t('expropriation.directory_heading')}</h2>
      <p><a href={`${base}/items/new`}>{t('expropriation.add_item')}</a></p>
      <Checklist ctx={ctx} status={status} staffLinks />
    </Layout>
  );
}

/** The per-row report of an import: every bad row with its problems, or the new access codes once. */
export function ImportReport({ ctx, report }: { ctx: ViewContext; report: ImportResult }) {
  const { t } = ctx;
  if (report.ok) {
    return (
      <section class="notice notice-success" aria-labelledby="import-done">
        <h2 id="import-done">{t('expropriation.import_done', { n: report.created })}</h2>
        <p>{t('expropriation.codes_once')}</p>
        <table class="exp-table">
          <thead><tr><th scope="col">{t('expropriation.field.number')}</th><th scope="col">{t('expropriation.field.code')}</th></tr></thead>
          <tbody>{report.codes.map((c) => <tr key={c.number}><td>{c.number}</td><td><code>{c.code}</code></td></tr>)}</tbody>
        </table>
      </section>
    );
  }
  const bad = report.rows.filter((r) => r.problems.length > 0);
  return (
    <section class="error-summary" role="alert" aria-labelledby="import-failed">
      <h2 id="import-failed">{t('expropriation.import_failed', { bad: bad.length, total: report.rows.length })}</h2>
      <table class="exp-table">
        <thead><tr><th scope="col">{t('expropriation.col.line')}</th><th scope="col">{t('expropriation.field.number')}</th><th scope="col">{t('expropriation.col.problems')}</th></tr></thead>
        <tbody>
          {bad.map((r) => (
            <tr key={r.line}>
              <td>{r.line}</td>
              <td>{r.number}</td>
              <td>{r.problems.map((p) => `${t(`expropriation.field.${p.field}` as Parameters<typeof t>[0])}: ${t(p.key, p.params)}`).join('；')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The publish form of one directory row. */
export function PublishItemPage({ ctx, project, item, form }: { ctx: ViewContext; project: ProjectRow; item: ItemRow; form: FormState }) {
  const { t } = ctx;
  const labels = { publishedOn: t('expropriation.field.publishedOn'), link: t('expropriation.field.link') };
  return (
    <Layout ctx={ctx} title={item.level2} crumbs={crumbs(ctx, [{ href: `/admin/expropriation/projects/${project.id}`, label: project.name }, { label: item.level2 }])}>
      <h1>{t('expropriation.publish_title', { seq: item.seq, item: item.level2 })}</h1>
      <p>{item.content}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={`/admin/expropriation/projects/${project.id}/items/${item.seq}`} class="form" novalidate>
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={form} name="publishedOn" label={labels.publishedOn} type="date" required />
        <Field ctx={ctx} form={form} name="link" label={labels.link} required hint={t('expropriation.link_hint')} maxLength={500} />
        <button type="submit" class="button">{t('expropriation.publish_item')}</button>
      </form>
    </Layout>
  );
}

/** A household's full record for staff, the correction form, earlier versions and the access code. */
export function StaffHouseholdPage({ ctx, project, h, versions, form, newCode }: { ctx: ViewContext; project: ProjectRow; h: StaffHousehold; versions: Array<{ version: number; reason: string; changedAt: string }>; form: FormState; newCode?: string }) {
  const { t } = ctx;
  const base = `/admin/expropriation/projects/${project.id}/households/${h.id}`;
  const f = (name: string) => t(`expropriation.field.${name}` as Parameters<typeof t>[0]);
  const labels = Object.fromEntries(['ownerName', 'idNumber', 'building', 'unit', 'room', 'area', 'valuation', 'compensation', 'subsidy', 'signedOn', 'selectionOrder', 'paidOn', 'reason', 'scheme', 'version'].map((k) => [k, f(k)]));
  return (
    <Layout ctx={ctx} title={t('expropriation.own_title', { number: h.number })} crumbs={crumbs(ctx, [{ href: `/admin/expropriation/projects/${project.id}`, label: project.name }, { label: h.number }])}>
      <h1>{t('expropriation.own_title', { number: h.number })}</h1>
      <Corrected ctx={ctx} on={h.correctedOn} />
      {newCode && (
        <div class="notice notice-success" role="status">
          <p>{t('expropriation.new_code', { code: newCode })}</p>
        </div>
      )}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={base} class="form" novalidate>
        <Csrf ctx={ctx} />
        <input type="hidden" name="version" value={String(h.version)} />
        <Field ctx={ctx} form={form} name="ownerName" label={f('ownerName')} required maxLength={60} />
        <Field ctx={ctx} form={form} name="idNumber" label={f('idNumber')} required maxLength={18} autoComplete="off" />
        <Field ctx={ctx} form={form} name="building" label={f('building')} required maxLength={30} />
        <Field ctx={ctx} form={form} name="unit" label={f('unit')} maxLength={20} />
        <Field ctx={ctx} form={form} name="room" label={f('room')} maxLength={20} />
        <Field ctx={ctx} form={form} name="area" label={f('area')} required />
        <Select ctx={ctx} form={form} name="surveyStatus" label={f('surveyStatus')} options={options(ctx, 'survey', SURVEY_STATUSES)} />
        <Field ctx={ctx} form={form} name="surveyNote" label={f('surveyNote')} maxLength={500} />
        <Select ctx={ctx} form={form} name="rightsStatus" label={f('rightsStatus')} options={options(ctx, 'rights', RIGHTS_STATUSES)} />
        <Field ctx={ctx} form={form} name="valuation" label={f('valuation')} type="number" />
        <Select ctx={ctx} form={form} name="scheme" label={f('scheme')} options={[{ value: '', label: '-' }, ...options(ctx, 'scheme', SCHEMES)]} />
        <Field ctx={ctx} form={form} name="compensation" label={f('compensation')} type="number" />
        <Field ctx={ctx} form={form} name="subsidy" label={f('subsidy')} type="number" />
        <Select ctx={ctx} form={form} name="signingStatus" label={f('signingStatus')} options={options(ctx, 'signing', SIGNING_STATUSES)} />
        <Field ctx={ctx} form={form} name="signedOn" label={f('signedOn')} type="date" />
        <Field ctx={ctx} form={form} name="selectionOrder" label={f('selectionOrder')} type="number" />
        <Select ctx={ctx} form={form} name="paymentStatus" label={f('paymentStatus')} options={options(ctx, 'payment', PAYMENT_STATUSES)} />
        <Field ctx={ctx} form={form} name="paidOn" label={f('paidOn')} type="date" />
        <Field ctx={ctx} form={form} name="reason" label={f('reason')} required maxLength={500} />
        <button type="submit" class="button">{t('expropriation.save_correction')}</button>
      </form>
      <form method="post" action={`${base}/code`} class="form">
        <Csrf ctx={ctx} />
        <button type="submit" class="button">{t('expropriation.reissue_code')}</button>
      </form>
      <h2>{t('expropriation.versions')}</h2>
      <ul>{versions.map((v) => <li key={v.version}>{t('expropriation.version_line', { version: v.version, at: v.changedAt.slice(0, 10), reason: v.reason })}</li>)}</ul>
    </Layout>
  );
}
