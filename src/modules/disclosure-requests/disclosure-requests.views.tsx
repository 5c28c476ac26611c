import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateText, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../views/components.js';
import { APPLICANT_CATEGORIES, DELIVERIES, FORMS } from './disclosure-requests.codes.js';
import { ClockPanel, Paragraphs, StateBadge, Timeline, code, fieldLabel, labelsOf, options } from './disclosure-requests.parts.js';
import type { CaseDetail } from './disclosure-requests.service.js';
import type { RequestRow } from './disclosure-requests.repository.js';

/** The Art. 29 fields of an application, shared by the public form and staff registration. */
export const APPLICATION_FIELDS = ['departmentId', 'applicantCategory', 'applicantName', 'organisationName', 'idNumber', 'phone', 'email', 'address', 'infoName', 'infoDocNumber', 'infoDescription', 'preferredForm', 'delivery'] as const;

/** The application fields, grouped in fieldsets. */
export function ApplicationFields({ ctx, form, agencies }: { ctx: ViewContext; form: FormState; agencies: Array<{ id: number; name: string }> }) {
  const { t } = ctx;
  const f = (n: string) => fieldLabel(ctx, n);
  return (
    <>
      <Select ctx={ctx} form={form} name="departmentId" label={f('departmentId')} required options={agencies.map((a) => ({ value: String(a.id), label: a.name }))} />
      <fieldset>
        <legend>{t('disclosureRequests.section.applicant')}</legend>
        <Select ctx={ctx} form={form} name="applicantCategory" label={f('applicantCategory')} required options={options(ctx, 'category', APPLICANT_CATEGORIES)} />
        <Field ctx={ctx} form={form} name="applicantName" label={f('applicantName')} required maxLength={100} autoComplete="name" />
        <Field ctx={ctx} form={form} name="organisationName" label={f('organisationName')} maxLength={200} autoComplete="organization" />
        <Field ctx={ctx} form={form} name="idNumber" label={f('idNumber')} required hint={t('disclosureRequests.hint.idNumber')} maxLength={30} />
        <Field ctx={ctx} form={form} name="phone" label={f('phone')} type="tel" hint={t('disclosureRequests.hint.contact')} maxLength={20} autoComplete="tel" />
        <Field ctx={ctx} form={form} name="email" label={f('email')} type="email" maxLength={200} autoComplete="email" />
        <Field ctx={ctx} form={form} name="address" label={f('address')} maxLength={300} autoComplete="street-address" />
      </fieldset>
      <fieldset>
        <legend>{t('disclosureRequests.section.info')}</legend>
        <Field ctx={ctx} form={form} name="infoName" label={f('infoName')} required hint={t('disclosureRequests.hint.infoName')} maxLength={300} />
        <Field ctx={ctx} form={form} name="infoDocNumber" label={f('infoDocNumber')} maxLength={100} />
        <TextArea ctx={ctx} form={form} name="infoDescription" label={f('infoDescription')} rows={5} />
      </fieldset>
      <fieldset>
        <legend>{t('disclosureRequests.section.delivery')}</legend>
        <Select ctx={ctx} form={form} name="preferredForm" label={f('preferredForm')} required options={options(ctx, 'form', FORMS)} />
        <Select ctx={ctx} form={form} name="delivery" label={f('delivery')} required options={options(ctx, 'delivery', DELIVERIES)} />
      </fieldset>
    </>
  );
}

/** The online application form. */
export function ApplyPage({ ctx, form, agencies }: { ctx: ViewContext; form: FormState; agencies: Array<{ id: number; name: string }> }) {
  const { t } = ctx;
  const title = t('disclosureRequests.apply_title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/disclosure-requests', label: t('disclosureRequests.title') }, { label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{t('disclosureRequests.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labelsOf(ctx, APPLICATION_FIELDS)} />
      <form method="post" action="/disclosure-requests/apply" class="form" novalidate>
        <Csrf ctx={ctx} />
        <ApplicationFields ctx={ctx} form={form} agencies={agencies} />
        <button type="submit" class="button primary">
          {t('disclosureRequests.apply')}
        </button>
      </form>
    </Layout>
  );
}

/** The module's landing page: apply, track, own cases, annual report. */
export function HomePage({ ctx, year }: { ctx: ViewContext; year: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('disclosureRequests.title')} crumbs={[{ label: t('disclosureRequests.title') }]}>
      <h1>{t('disclosureRequests.title')}</h1>
      <p class="lead">{t('disclosureRequests.intro')}</p>
      <ul class="link-list">
        <li>
          <a href="/disclosure-requests/apply">{t('disclosureRequests.apply_title')}</a>
        </li>
        <li>
          <a href="/disclosure-requests/track">{t('disclosureRequests.track')}</a>
        </li>
        {ctx.user && (
          <li>
            <a href="/disclosure-requests/mine">{t('disclosureRequests.my_cases')}</a>
          </li>
        )}
        <li>
          <a href={`/disclosure-requests/annual-report/${year}`}>{t('disclosureRequests.annual_report')}</a>
        </li>
      </ul>
    </Layout>
  );
}

/** The tracking form: number and secret key. */
export function TrackPage({ ctx, form }: { ctx: ViewContext; form: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('disclosureRequests.track')} crumbs={[{ href: '/disclosure-requests', label: t('disclosureRequests.title') }, { label: t('disclosureRequests.track') }]}>
      <h1>{t('disclosureRequests.track')}</h1>
      <p>{t('disclosureRequests.track_intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labelsOf(ctx, ['number', 'key'])} />
      <form method="get" action="/disclosure-requests/track" class="form">
        <Field ctx={ctx} form={form} name="number" label={fieldLabel(ctx, 'trackingNumber')} required maxLength={20} />
        <Field ctx={ctx} form={form} name="key" label={fieldLabel(ctx, 'key')} required maxLength={100} />
        <button type="submit" class="button primary">
          {t('disclosureRequests.track')}
        </button>
      </form>
    </Layout>
  );
}

/** The applicant's case page: state, deadline with its explanation, timeline, reply and files. */
export function CasePage({ ctx, d, secretLink, keyParam }: { ctx: ViewContext; d: CaseDetail; secretLink?: string | undefined; keyParam: string }) {
  const { t } = ctx;
  const r = d.row;
  const q = keyParam ? `?key=${encodeURIComponent(keyParam)}` : '';
  const open = ['pending', 'awaiting_correction', 'third_party', 'co_handling', 'extended'].includes(r.state);
  return (
    <Layout ctx={ctx} title={`${t('disclosureRequests.title')} ${r.trackingNumber}`} crumbs={[{ href: '/disclosure-requests', label: t('disclosureRequests.title') }, { label: r.trackingNumber }]}>
      <h1>
        {t('disclosureRequests.field.trackingNumber')} {r.trackingNumber}
      </h1>
      {secretLink && (
        <Notice kind="success">
          <p>{t('disclosureRequests.submitted')}</p>
          <p>
            {t('disclosureRequests.secret_link')}: <a href={secretLink}>{secretLink}</a>
          </p>
        </Notice>
      )}
      <dl class="facts">
        <dt>{fieldLabel(ctx, 'state')}</dt>
        <dd>
          <StateBadge ctx={ctx} state={r.state} />
        </dd>
        <dt>{t('disclosureRequests.staff.agency')}</dt>
        <dd>{d.department ? (ctx.locale === 'en' ? d.department.nameEn : d.department.nameZh) : ''}</dd>
        <dt>{fieldLabel(ctx, 'infoName')}</dt>
        <dd>{r.infoName}</dd>
        <dt>{fieldLabel(ctx, 'channel')}</dt>
        <dd>{code(ctx, 'channel', r.channel)}</dd>
        <dt>{fieldLabel(ctx, 'receivedOn')}</dt>
        <dd>{r.receivedOn ? <DateText iso={r.receivedOn} /> : '—'}</dd>
        <dt>{fieldLabel(ctx, 'dueOn')}</dt>
        <dd>{d.clock.dueOn ?? '—'}</dd>
      </dl>
      {r.correctionRequestedOn && r.correctedOn === null && (
        <Notice kind="warning">
          <Paragraphs text={r.correctionNote} />
        </Notice>
      )}
      {r.feeIssuedOn && (
        <p>{r.feePaidOn ? t('disclosureRequests.fee_paid', { date: r.feePaidOn }) : t('disclosureRequests.fee_notice', { amount: r.feeAmount ?? 0, mode: code(ctx, 'fee_mode', r.feeMode), limit: r.feeIssuedOn })}</p>
      )}
      <ClockPanel ctx={ctx} d={d} />
      {r.replyText && (
        <section aria-labelledby="reply-h">
          <h2 id="reply-h">{t('disclosureRequests.reply.title')}</h2>
          <p>
            <a href={`/disclosure-requests/track/${r.trackingNumber}/letter${q}`}>{t('disclosureRequests.reply.download')}</a>
          </p>
          {d.attachments.length > 0 && (
            <ul>
              {d.attachments.map((a) => (
                <li>
                  <a href={`/disclosure-requests/track/${r.trackingNumber}/files/${a.fileId}${q}`}>{a.filename}</a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <Timeline ctx={ctx} d={d} />
      {open && (
        <form method="post" action={`/disclosure-requests/track/${r.trackingNumber}/withdraw`} class="form inline">
          <Csrf ctx={ctx} />
          <input type="hidden" name="key" value={keyParam} />
          <button type="submit" class="button">
            {t('disclosureRequests.withdraw')}
          </button>
        </form>
      )}
    </Layout>
  );
}

/** The reply letter: an HTML page laid out for printing. */
export function LetterPage({ ctx, d }: { ctx: ViewContext; d: CaseDetail }) {
  const { t } = ctx;
  const r = d.row;
  const agency = d.department ? (ctx.locale === 'en' ? d.department.nameEn : d.department.nameZh) : '';
  return (
    <Layout ctx={ctx} title={t('disclosureRequests.reply.letter')} crumbs={[{ href: '/disclosure-requests', label: t('disclosureRequests.title') }, { label: r.trackingNumber }]}>
      <article class="letter">
        <h1>{t('disclosureRequests.reply.letter')}</h1>
        <p class="meta">
          {agency} · {r.trackingNumber}
        </p>
        <p>{r.organisationName || r.applicantName}：</p>
        <p>
          {fieldLabel(ctx, 'receivedOn')}：{r.receivedOn} · {fieldLabel(ctx, 'infoName')}：{r.infoName}
        </p>
        <p>
          <strong>{code(ctx, 'reply_type', r.replyType)}</strong>
        </p>
        <Paragraphs text={r.replyText ?? ''} />
        {r.replyPlace && <p>{r.replyPlace}</p>}
        {d.attachments.length > 0 && (
          <p>
            {t('disclosureRequests.reply.attachments')}：{d.attachments.map((a) => a.filename).join('、')}
          </p>
        )}
        <p>{t('disclosureRequests.reply.remedy')}</p>
        <p class="signature">
          {agency}
          <br />
          {r.closedOn}
        </p>
      </article>
    </Layout>
  );
}

/** A signed-in applicant's list of own cases. */
export function MyCasesPage({ ctx, rows }: { ctx: ViewContext; rows: RequestRow[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('disclosureRequests.my_cases')} crumbs={[{ href: '/disclosure-requests', label: t('disclosureRequests.title') }, { label: t('disclosureRequests.my_cases') }]}>
      <h1>{t('disclosureRequests.my_cases')}</h1>
      {rows.length === 0 ? (
        <p>{t('disclosureRequests.none')}</p>
      ) : (
        <ul class="link-list">
          {rows.map((r) => (
            <li>
              <a href={`/disclosure-requests/track/${r.trackingNumber}`}>{r.trackingNumber}</a> · {r.infoName} · <StateBadge ctx={ctx} state={r.state} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
