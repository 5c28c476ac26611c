import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, ErrorSummary, Field, Pagination, Select, TextArea, emptyForm, type FormState } from '../../views/components.js';
import { CHANNELS, OUTCOME_REASONS, OUTCOMES, REPLY_TYPES, DISPUTE_KINDS } from './disclosure-requests.codes.js';
import { CASE_STATES } from './disclosure-requests.status.js';
import { ClockPanel, Paragraphs, StateBadge, Timeline, code, fieldLabel, labelsOf, options } from './disclosure-requests.parts.js';
import { APPLICATION_FIELDS, ApplicationFields } from './disclosure-requests.views.js';
import type { CaseDetail } from './disclosure-requests.service.js';
import type { RequestRow } from './disclosure-requests.repository.js';
import type { StepField, StepForm } from './disclosure-requests.staff-forms.js';

const crumbsBase = (ctx: ViewContext) => [{ href: '/admin', label: ctx.t('nav.admin') }, { href: '/admin/disclosure-requests', label: ctx.t('disclosureRequests.staff_title') }];

/** The staff overview's data. */
export interface StaffHome {
  workload: Array<{ agency: string; counts: Record<string, number> }>;
  dueSoon: RequestRow[];
  overdue: RequestRow[];
  rows: RequestRow[];
  page: number;
  pageCount: number;
  agencyName: (id: number) => string;
}

function CaseTable({ ctx, rows, agencyName }: { ctx: ViewContext; rows: RequestRow[]; agencyName: (id: number) => string }) {
  const { t } = ctx;
  if (rows.length === 0) {
    return <p>{t('disclosureRequests.none')}</p>;
  }
  return (
    <table class="table">
      <thead>
        <tr>
          <th scope="col">{fieldLabel(ctx, 'trackingNumber')}</th>
          <th scope="col">{t('disclosureRequests.staff.agency')}</th>
          <th scope="col">{fieldLabel(ctx, 'infoName')}</th>
          <th scope="col">{fieldLabel(ctx, 'state')}</th>
          <th scope="col">{fieldLabel(ctx, 'dueOn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td>
              <a href={`/admin/disclosure-requests/${r.id}`}>{r.trackingNumber}</a>
            </td>
            <td>{agencyName(r.departmentId)}</td>
            <td>{r.infoName}</td>
            <td>
              <StateBadge ctx={ctx} state={r.state} />
            </td>
            <td>{r.dueOn ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The staff overview: workload per agency by state, what is about to be late and overdue, all cases. */
export function StaffHomePage({ ctx, data, state }: { ctx: ViewContext; data: StaffHome; state: string | undefined }) {
  const { t } = ctx;
  const open = ['pending', 'awaiting_correction', 'third_party', 'co_handling', 'extended'];
  return (
    <Layout ctx={ctx} title={t('disclosureRequests.staff_title')} crumbs={crumbsBase(ctx)}>
      <h1>{t('disclosureRequests.staff_title')}</h1>
      <p>
        <a href="/admin/disclosure-requests/register">{t('disclosureRequests.staff.register')}</a> · <a href="/admin/disclosure-requests/topics">{t('disclosureRequests.staff.topics')}</a>
      </p>
      <h2>{t('disclosureRequests.staff.workload')}</h2>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('disclosureRequests.staff.agency')}</th>
            {open.map((s) => (
              <th scope="col">{code(ctx, 'state', s)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.workload.map((w) => (
            <tr>
              <th scope="row">{w.agency}</th>
              {open.map((s) => (
                <td>{w.counts[s] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('disclosureRequests.staff.overdue')}</h2>
      <CaseTable ctx={ctx} rows={data.overdue} agencyName={data.agencyName} />
      <h2>{t('disclosureRequests.staff.due_soon')}</h2>
      <CaseTable ctx={ctx} rows={data.dueSoon} agencyName={data.agencyName} />
      <h2>{t('disclosureRequests.staff.cases')}</h2>
      <form method="get" action="/admin/disclosure-requests" class="form inline">
        <Select ctx={ctx} form={emptyForm({ state: state ?? '' })} name="state" label={fieldLabel(ctx, 'state')} options={[{ value: '', label: t('disclosureRequests.staff.all') }, ...options(ctx, 'state', CASE_STATES)]} />
        <button type="submit" class="button">
          {t('disclosureRequests.staff.filter')}
        </button>
      </form>
      <CaseTable ctx={ctx} rows={data.rows} agencyName={data.agencyName} />
      <Pagination ctx={ctx} page={data.page} pageCount={data.pageCount} hrefFor={(p) => `/admin/disclosure-requests?page=${p}${state ? `&state=${state}` : ''}`} />
    </Layout>
  );
}

/** Staff register a paper, post or fax application with the facts of its arrival. */
export function RegisterPage({ ctx, form, agencies }: { ctx: ViewContext; form: FormState; agencies: Array<{ id: number; name: string }> }) {
  const { t } = ctx;
  const title = t('disclosureRequests.staff.register');
  return (
    <Layout ctx={ctx} title={title} crumbs={[...crumbsBase(ctx), { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labelsOf(ctx, [...APPLICATION_FIELDS, 'channel', 'handedInOn', 'signedForOn', 'confirmedOn'])} />
      <form method="post" action="/admin/disclosure-requests/register" class="form" novalidate>
        <Csrf ctx={ctx} />
        <fieldset>
          <legend>{t('disclosureRequests.section.arrival')}</legend>
          <p class="hint">{t('disclosureRequests.hint.receipt')}</p>
          <Select ctx={ctx} form={form} name="channel" label={fieldLabel(ctx, 'channel')} required options={options(ctx, 'channel', CHANNELS.filter((c) => c !== 'online'))} />
          <Field ctx={ctx} form={form} name="handedInOn" label={fieldLabel(ctx, 'handedInOn')} type="date" />
          <Field ctx={ctx} form={form} name="signedForOn" label={fieldLabel(ctx, 'signedForOn')} type="date" />
          <Field ctx={ctx} form={form} name="confirmedOn" label={fieldLabel(ctx, 'confirmedOn')} type="date" />
        </fieldset>
        <ApplicationFields ctx={ctx} form={form} agencies={agencies} />
        <button type="submit" class="button primary">
          {t('disclosureRequests.staff.register')}
        </button>
      </form>
    </Layout>
  );
}

function selectOptions(ctx: ViewContext, f: StepField, d: CaseDetail): Array<{ value: string; label: string }> {
  if (f.group === 'consultations') {
    return d.consultations.filter((c) => c.answeredOn === null).map((c) => ({ value: String(c.id), label: `${c.party}（${c.sentOn}）` }));
  }
  if (f.group === 'disputes') {
    return d.disputes.map((x) => ({ value: String(x.id), label: `${code(ctx, 'dispute_kind', x.kind)} ${x.filedOn}` }));
  }
  const defaults: Record<string, readonly string[]> = { reply_type: REPLY_TYPES, outcome: OUTCOMES, reason: OUTCOME_REASONS, dispute_kind: DISPUTE_KINDS };
  const values = f.values ?? defaults[f.group ?? ''] ?? [];
  return [...(f.required ? [] : [{ value: '', label: '—' }]), ...options(ctx, f.group ?? '', values)];
}

/** One step's form, with its fields prefixed by the step so several forms share one page. */
function StepFormView({ ctx, step, d, form }: { ctx: ViewContext; step: StepForm; d: CaseDetail; form: FormState }) {
  const title = ctx.t(`disclosureRequests.action.${step.offeredBy[0] ?? 'dispute_result'}` as 'disclosureRequests.action.reply');
  return (
    <section class="panel" aria-labelledby={`step-${step.slug}`}>
      <h3 id={`step-${step.slug}`}>{title}</h3>
      <ErrorSummary ctx={ctx} form={form} labels={labelsOf(ctx, step.fields.map((f) => f.name))} />
      <form method="post" action={`/admin/disclosure-requests/${d.row.id}/${step.slug}`} class="form" novalidate>
        <Csrf ctx={ctx} />
        {step.fields.map((f) => {
          const label = fieldLabel(ctx, f.name);
          if (f.kind === 'select') {
            return <Select ctx={ctx} form={form} name={f.name} label={label} required={f.required} options={selectOptions(ctx, f, d)} />;
          }
          if (f.kind === 'textarea') {
            return <TextArea ctx={ctx} form={form} name={f.name} label={label} required={f.required} rows={4} />;
          }
          return <Field ctx={ctx} form={form} name={f.name} label={label} required={f.required} type={f.kind === 'date' ? 'date' : f.kind === 'number' ? 'number' : 'text'} />;
        })}
        <button type="submit" class="button primary">
          {title}
        </button>
      </form>
    </section>
  );
}

/** The staff case page: the application, the clock, the timeline and a form for every step allowed now. */
export function StaffCasePage({ ctx, d, steps, failed, agency }: { ctx: ViewContext; d: CaseDetail; steps: StepForm[]; failed?: { slug: string; form: FormState } | undefined; agency: string }) {
  const { t } = ctx;
  const r = d.row;
  const today = d.today;
  return (
    <Layout ctx={ctx} title={`${t('disclosureRequests.staff_title')} ${r.trackingNumber}`} crumbs={[...crumbsBase(ctx), { label: r.trackingNumber }]}>
      <h1>
        {r.trackingNumber} <StateBadge ctx={ctx} state={r.state} />
      </h1>
      <dl class="facts">
        <dt>{t('disclosureRequests.staff.agency')}</dt>
        <dd>{agency}</dd>
        <dt>{t('disclosureRequests.staff.applicant')}</dt>
        <dd>
          {r.organisationName ? `${r.organisationName} / ` : ''}
          {r.applicantName}（{code(ctx, 'category', r.applicantCategory)}）
        </dd>
        <dt>{fieldLabel(ctx, 'phone')}</dt>
        <dd>{[r.phone, r.email, r.address].filter(Boolean).join(' · ')}</dd>
        <dt>{fieldLabel(ctx, 'infoName')}</dt>
        <dd>
          {r.infoName} {r.infoDocNumber}
        </dd>
        <dt>{fieldLabel(ctx, 'infoDescription')}</dt>
        <dd>
          <Paragraphs text={r.infoDescription} />
        </dd>
        <dt>{fieldLabel(ctx, 'delivery')}</dt>
        <dd>
          {code(ctx, 'form', r.preferredForm)} · {code(ctx, 'delivery', r.delivery)} · {code(ctx, 'channel', r.channel)}
        </dd>
        {r.outcome && (
          <>
            <dt>{fieldLabel(ctx, 'outcome')}</dt>
            <dd>
              {code(ctx, 'outcome', r.outcome)} {code(ctx, 'reason', r.outcomeReason)}
            </dd>
          </>
        )}
      </dl>
      <ClockPanel ctx={ctx} d={d} />
      {r.replyText && (
        <p>
          <a href={`/disclosure-requests/track/${r.trackingNumber}/letter`}>{t('disclosureRequests.reply.letter')}</a>
        </p>
      )}
      <h2>{t('disclosureRequests.staff.actions')}</h2>
      {steps.map((s) => (
        <StepFormView ctx={ctx} step={s} d={d} form={failed?.slug === s.slug ? failed.form : emptyForm(Object.fromEntries(s.fields.filter((f) => f.kind === 'date').map((f) => [f.name, today])))} />
      ))}
      {r.replyText && (
        <section class="panel" aria-labelledby="upload-h">
          <h3 id="upload-h">{t('disclosureRequests.staff.upload')}</h3>
          <form method="post" action={`/admin/disclosure-requests/${r.id}/attachments?_csrf=${encodeURIComponent(ctx.csrfToken)}`} encType="multipart/form-data" class="form">
            <div class="field">
              <label for="file">{fieldLabel(ctx, 'file')}</label>
              <input id="file" name="file" type="file" />
            </div>
            <button type="submit" class="button">
              {t('disclosureRequests.staff.upload')}
            </button>
          </form>
        </section>
      )}
      <Timeline ctx={ctx} d={d} />
    </Layout>
  );
}
