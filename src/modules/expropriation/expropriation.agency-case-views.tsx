import type { ViewContext } from '../../views/context.js';
import { Checkboxes, Csrf, ErrorSummary, Field, Select, type FormState } from '../../views/components.js';
import { Layout } from '../../views/layout.js';
import { AGENCY_DOCUMENT_KINDS } from './expropriation.agency.js';
import type { agencyCase, agencyCases } from './expropriation.agency.service.js';
import { enumLabel } from './expropriation.components.js';
import type { ProjectRow } from './expropriation.repository.js';

// Staff pages of agency service (代办): a project's cases with the form that opens one, and a case
// with one form per step. Step forms prefix their fields with the step ("callback_on") so that every
// input on the page has its own id and label.

type Case = Awaited<ReturnType<typeof agencyCase>>;
/** The steps of a case, in the order they happen. */
export const STEP_FORMS = ['document', 'home_visit', 'complete', 'callback'] as const;
export type StepForm = (typeof STEP_FORMS)[number];

const crumbs = (ctx: ViewContext, project: ProjectRow, extra: Array<{ href?: string; label: string }>) => [
  { href: '/admin', label: ctx.t('nav.admin') },
  { href: '/admin/expropriation', label: ctx.t('expropriation.manage') },
  { href: `/admin/expropriation/projects/${project.id}`, label: project.name },
  ...extra,
];
const f = (ctx: ViewContext, name: string) => ctx.t(`expropriation.field.${name}` as Parameters<ViewContext['t']>[0]);

/** A project's agency cases and the form that opens one for a household. */
export function AgencyCasesPage({ ctx, data, form }: { ctx: ViewContext; data: Awaited<ReturnType<typeof agencyCases>>; form: FormState }) {
  const { t } = ctx;
  const { project, cases } = data;
  const base = `/admin/expropriation/projects/${project.id}/agency-cases`;
  const labels = Object.fromEntries(['householdNumber', 'submittedOn', 'specialGroup', 'documents'].map((k) => [k, f(ctx, k)]));
  return (
    <Layout ctx={ctx} title={t('expropriation.agency_cases_heading')} crumbs={crumbs(ctx, project, [{ label: t('expropriation.agency_cases_heading') }])}>
      <h1>{t('expropriation.agency_title', { name: project.name })}</h1>
      <p><a href={`/admin/expropriation/projects/${project.id}/agency`}>{t('expropriation.agency_report_link')}</a></p>
      <h2>{t('expropriation.agency_open_heading')}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={base} class="form" novalidate>
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={form} name="householdNumber" label={labels.householdNumber!} required maxLength={30} />
        <Field ctx={ctx} form={form} name="submittedOn" label={labels.submittedOn!} type="date" required />
        <Select ctx={ctx} form={form} name="specialGroup" label={labels.specialGroup!} options={['', 'elderly', 'disabled'].map((v) => ({ value: v, label: enumLabel(ctx, 'special', v || 'none') }))} />
        <Checkboxes ctx={ctx} form={form} name="documents" legend={labels.documents!} required options={AGENCY_DOCUMENT_KINDS.map((k) => ({ value: k, label: enumLabel(ctx, 'doc', k) }))} />
        <button type="submit" class="button">{t('expropriation.agency_open')}</button>
      </form>
      <h2>{t('expropriation.agency_cases_heading')}</h2>
      {cases.length === 0 ? (
        <p>{t('expropriation.agency_none')}</p>
      ) : (
        <ul>
          {cases.map((c) => (
            <li key={c.id}>
              <a href={`${base}/${c.id}`}>{t('expropriation.agency_case_link', { number: c.number, submitted: c.submittedOn })}</a>
              {' · '}
              {c.completedOn ? t('expropriation.agency_done_on', { date: c.completedOn }) : t('expropriation.agency_in_progress')}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** One agency case: its documents and steps, and a form for each step still open. */
export function AgencyCasePage({ ctx, project, c, form }: { ctx: ViewContext; project: ProjectRow; c: Case; form: FormState }) {
  const { t } = ctx;
  const action = (step: StepForm) => `/admin/expropriation/projects/${project.id}/agency-cases/${c.id}/steps/${step}`;
  const title = t('expropriation.agency_case_title', { id: c.id, number: c.householdNumber });
  const waiting = c.documents.filter((d) => d.receivedOn === null);
  const labels: Record<string, string> = {};
  for (const s of STEP_FORMS) {
    labels[`${s}_on`] = f(ctx, 'on');
  }
  Object.assign(labels, { document_documentId: f(ctx, 'documentId'), callback_satisfaction: f(ctx, 'satisfaction'), callback_note: f(ctx, 'note') });
  const on = (step: StepForm) => <Field ctx={ctx} form={form} name={`${step}_on`} label={f(ctx, 'on')} type="date" required />;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, project, [{ href: `/admin/expropriation/projects/${project.id}/agency-cases`, label: t('expropriation.agency_cases_heading') }, { label: title }])}>
      <h1>{title}</h1>
      <p>
        {t('expropriation.field.submittedOn')}: {c.submittedOn}
        {c.specialGroup && <> · {enumLabel(ctx, 'special', c.specialGroup)}</>}
        {' · '}
        {c.completedOn ? t('expropriation.agency_done_on', { date: c.completedOn }) : t('expropriation.agency_in_progress')}
      </p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <h2>{t('expropriation.agency_documents')}</h2>
      <ul>
        {c.documents.map((d) => (
          <li key={d.id}>
            {enumLabel(ctx, 'doc', d.kind)}（{d.department}）· {t('expropriation.agency_requested', { date: d.requestedOn })}
            {d.receivedOn && <> · {t('expropriation.agency_received', { date: d.receivedOn })}</>}
          </li>
        ))}
      </ul>
      {waiting.length > 0 && (
        <form method="post" action={action('document')} class="form" novalidate>
          <Csrf ctx={ctx} />
          <Select ctx={ctx} form={form} name="document_documentId" label={f(ctx, 'documentId')} required options={waiting.map((d) => ({ value: String(d.id), label: enumLabel(ctx, 'doc', d.kind) }))} />
          {on('document')}
          <button type="submit" class="button">{t('expropriation.agency_receive')}</button>
        </form>
      )}
      {c.specialGroup && (
        <>
          <h2>{t('expropriation.agency_visit_heading')}</h2>
          {c.homeVisitOn && <p>{t('expropriation.agency_visit_on', { date: c.homeVisitOn })}</p>}
          <form method="post" action={action('home_visit')} class="form" novalidate>
            <Csrf ctx={ctx} />
            {on('home_visit')}
            <button type="submit" class="button">{t('expropriation.agency_visit')}</button>
          </form>
        </>
      )}
      <h2>{t('expropriation.agency_complete_heading')}</h2>
      {c.completedOn ? (
        <p>{t('expropriation.agency_done_on', { date: c.completedOn })}</p>
      ) : (
        <form method="post" action={action('complete')} class="form" novalidate>
          <Csrf ctx={ctx} />
          {on('complete')}
          <button type="submit" class="button">{t('expropriation.agency_complete')}</button>
        </form>
      )}
      <h2>{t('expropriation.agency_callback_heading')}</h2>
      {c.callbackOn && <p>{t('expropriation.agency_callback_done', { date: c.callbackOn, level: c.satisfaction ?? '-', note: c.callbackNote })}</p>}
      {c.completedOn && (
        <form method="post" action={action('callback')} class="form" novalidate>
          <Csrf ctx={ctx} />
          {on('callback')}
          <Select ctx={ctx} form={form} name="callback_satisfaction" label={f(ctx, 'satisfaction')} required options={['', '5', '4', '3', '2', '1'].map((v) => ({ value: v, label: v || '-' }))} />
          <Field ctx={ctx} form={form} name="callback_note" label={f(ctx, 'note')} maxLength={500} />
          <button type="submit" class="button">{t('expropriation.agency_callback')}</button>
        </form>
      )}
    </Layout>
  );
}
