import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateText, DateTimeText, ErrorSummary, Field, Notice, Select, TextArea, label, type FormState } from '../../views/components.js';
import type { ServiceItemRow } from '../service-catalogue/index.js';
import type { FormField } from './service-cases.rules.js';
import type { CaseView } from './service-cases.read.js';
import { DataList, DueText, NoteLines, StatusBadge, Timeline, levelLabel } from './service-cases.parts.js';
import { RATING_LEVELS } from './service-cases.ratings.js';

/** The labels of a form's fields for the error summary, keyed by their input names. */
export function dataLabels(fields: FormField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [`data.${f.key}`, f.label]));
}

/** The inputs of an item's application form (names data.<key>). */
export function DataFields({ ctx, form, fields }: { ctx: ViewContext; form: FormState; fields: FormField[] }) {
  return (
    <>
      {fields.map((f) => {
        const name = `data.${f.key}`;
        if (f.type === 'select') {
          return <Select key={f.key} ctx={ctx} form={form} name={name} label={f.label} required={f.required} options={(f.options ?? []).map((o) => ({ value: o, label: o }))} />;
        }
        return <Field key={f.key} ctx={ctx} form={form} name={name} label={f.label} required={f.required} type={f.type === 'date' ? 'date' : 'text'} maxLength={f.type === 'idNumber' || f.type === 'creditCode' ? 18 : 500} />;
      })}
    </>
  );
}

/** The item's materials checklist. */
export function Checklist({ ctx, names }: { ctx: ViewContext; names: string[] }) {
  return (
    <section aria-labelledby="checklist-h">
      <h2 id="checklist-h">{ctx.t('serviceCases.checklist')}</h2>
      {names.length === 0 ? (
        <p>{ctx.t('serviceCases.checklist_empty')}</p>
      ) : (
        <ul>
          {names.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The online application form, or a clear prompt to sign in as a citizen or enterprise. */
export function ApplyPage({ ctx, item, fields, checklist, form }: { ctx: ViewContext; item: ServiceItemRow; fields: FormField[]; checklist: string[]; form: FormState }) {
  const { t } = ctx;
  const title = t('serviceCases.apply_title', { item: item.name });
  const applicant = ctx.user?.role === 'citizen' || ctx.user?.role === 'enterprise';
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/services', label: t('nav.services') }, { href: `/services/items/${encodeURIComponent(item.code)}`, label: item.name }, { label: title }]}>
      <h1>{title}</h1>
      {item.instantApproval === 1 && <Notice>{t('serviceCases.instant_hint')}</Notice>}
      {!ctx.user && (
        <Notice kind="warning">
          <p>{t('serviceCases.sign_in_prompt')}</p>
          <p>
            <a class="button primary" href={`/login?next=${encodeURIComponent(ctx.url)}`}>
              {t('serviceCases.sign_in_link')}
            </a>
          </p>
        </Notice>
      )}
      {ctx.user && !applicant && <Notice kind="warning">{t('serviceCases.staff_cannot_apply')}</Notice>}
      {applicant && (
        <>
          <p class="lead">{t('serviceCases.apply_intro')}</p>
          <ErrorSummary ctx={ctx} form={form} labels={{ ...dataLabels(fields), applicantKind: t('serviceCases.applicant_kind') }} />
          <form method="post" action={`/services/items/${encodeURIComponent(item.code)}/apply`} class="form">
            <Csrf ctx={ctx} />
            {ctx.user?.role === 'enterprise' && (
              <Select ctx={ctx} form={form} name="applicantKind" label={t('serviceCases.applicant_kind')} options={(['enterprise', 'person'] as const).map((k) => ({ value: k, label: label(ctx, `serviceCases.applicant_kind.${k}`) }))} />
            )}
            <DataFields ctx={ctx} form={form} fields={fields} />
            <button type="submit" class="button primary">
              {t('serviceCases.send')}
            </button>
          </form>
        </>
      )}
      <Checklist ctx={ctx} names={checklist} />
    </Layout>
  );
}

/** The applicant's cases. */
export function MyCasesPage({ ctx, rows, today }: { ctx: ViewContext; rows: Array<{ caseNumber: string; status: string; dueOn: string | null; submittedAt: string; itemName: string }>; today: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('serviceCases.my_cases')} crumbs={[{ label: t('serviceCases.my_cases') }]}>
      <h1>{t('serviceCases.my_cases')}</h1>
      {rows.length === 0 ? (
        <p>{t('serviceCases.my_cases_empty')}</p>
      ) : (
        <table class="facts-table">
          <thead>
            <tr>
              <th scope="col">{t('serviceCases.case_number')}</th>
              <th scope="col">{t('serviceCases.item')}</th>
              <th scope="col">{t('serviceCases.status')}</th>
              <th scope="col">{t('serviceCases.submitted_at')}</th>
              <th scope="col">{t('serviceCases.due_on')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.caseNumber}>
                <td>
                  <a href={`/my/cases/${r.caseNumber}`}>{r.caseNumber}</a>
                </td>
                <td>{r.itemName}</td>
                <td>
                  <StatusBadge ctx={ctx} status={r.status} />
                </td>
                <td>
                  <DateTimeText iso={r.submittedAt} />
                </td>
                <td>
                  <DueText ctx={ctx} status={r.status} dueOn={r.dueOn} today={today} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** The facts at the top of a case page, for applicants and staff. */
export function CaseFacts({ ctx, v, today }: { ctx: ViewContext; v: CaseView; today: string }) {
  const { t } = ctx;
  const c = v.c;
  return (
    <dl class="facts">
      <dt>{t('serviceCases.item')}</dt>
      <dd>
        {v.item.name}
        {c.instant === 1 && ` · ${t('serviceCases.instant_badge')}`}
      </dd>
      <dt>{t('serviceCases.status')}</dt>
      <dd>
        <StatusBadge ctx={ctx} status={c.status} />
      </dd>
      <dt>{t('serviceCases.applicant')}</dt>
      <dd>
        {c.applicantName}（{label(ctx, `serviceCases.applicant_kind.${c.applicantKind}`)}）
      </dd>
      <dt>{t('serviceCases.channel')}</dt>
      <dd>{label(ctx, `serviceCases.channel.${c.channel}`)}</dd>
      <dt>{t('serviceCases.submitted_at')}</dt>
      <dd>
        <DateTimeText iso={c.submittedAt} />
      </dd>
      <dt>{t('serviceCases.accepted_on')}</dt>
      <dd>{c.acceptedOn ? <DateText iso={c.acceptedOn} /> : '—'}</dd>
      <dt>{t('serviceCases.due_on')}</dt>
      <dd>
        <DueText ctx={ctx} status={c.status} dueOn={c.dueOn} today={today} />
        <p class="hint">{t('serviceCases.due_explain', { days: c.promisedDays })}</p>
      </dd>
    </dl>
  );
}

/** The result block once the case is decided. */
export function ResultBlock({ ctx, v }: { ctx: ViewContext; v: CaseView }) {
  const c = v.c;
  if (!c.decisionNote && !c.result) {
    return null;
  }
  return (
    <section aria-labelledby="result-h">
      <h2 id="result-h">{ctx.t('serviceCases.result')}</h2>
      {c.result && <p>{c.result}</p>}
      {c.decisionNote && <NoteLines text={c.decisionNote} />}
      {c.deliveryMethod && (
        <p>
          {ctx.t('serviceCases.delivery_method')}：{label(ctx, `serviceCases.delivery.${c.deliveryMethod}`)}
        </p>
      )}
    </section>
  );
}

/** The rating form (five levels and a comment). */
export function RatingForm({ ctx, form, action, title, hint }: { ctx: ViewContext; form: FormState; action: string; title: string; hint: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="rate-h">
      <h2 id="rate-h">{title}</h2>
      <p>{hint}</p>
      <form method="post" action={action} class="form">
        <Csrf ctx={ctx} />
        <Select ctx={ctx} form={form} name="level" label={t('serviceCases.level')} required options={RATING_LEVELS.map((l) => ({ value: String(l), label: levelLabel(ctx, l) }))} />
        <TextArea ctx={ctx} form={form} name="comment" label={t('serviceCases.comment')} rows={3} />
        <button type="submit" class="button primary">
          {t('serviceCases.rate_send')}
        </button>
      </form>
    </section>
  );
}

/** Which form on the applicant's case page failed, to show its problems beside it. */
export interface ApplicantFormError {
  form: 'resubmit' | 'rate';
  state: FormState;
}

/** The applicant's case page: facts, correction form, result, rating, timeline, withdraw. */
export function ApplicantCasePage({ ctx, v, today, notice, error }: { ctx: ViewContext; v: CaseView; today: string; notice?: string | undefined; error?: ApplicantFormError | undefined }) {
  const { t } = ctx;
  const c = v.c;
  const title = t('serviceCases.case_title', { number: c.caseNumber });
  const base = `/my/cases/${c.caseNumber}`;
  const online = v.ratings.find((r) => r.channel === 'online');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/my/cases', label: t('serviceCases.my_cases') }, { label: title }]}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <CaseFacts ctx={ctx} v={v} today={today} />
      {c.status === 'correction_requested' && (
        <section aria-labelledby="correction-h">
          <h2 id="correction-h">{t('serviceCases.correction_title')}</h2>
          <p>{t('serviceCases.correction_intro')}</p>
          <ul>
            {v.correctionItems.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
          {c.correctionNote && <NoteLines text={c.correctionNote} />}
          <form method="post" action={`${base}/resubmit`} class="form">
            <Csrf ctx={ctx} />
            <ErrorSummary ctx={ctx} form={error?.form === 'resubmit' ? error.state : { values: {}, errors: {} }} labels={dataLabels(v.fields)} />
            <DataFields ctx={ctx} form={error?.form === 'resubmit' ? error.state : { values: Object.fromEntries(Object.entries(v.data).map(([k, x]) => [`data.${k}`, String(x)])), errors: {} }} fields={v.fields} />
            <TextArea ctx={ctx} form={error?.form === 'resubmit' ? error.state : { values: {}, errors: {} }} name="note" label={t('serviceCases.resubmit_note')} rows={3} />
            <button type="submit" class="button primary">
              {t('serviceCases.action.resubmit')}
            </button>
          </form>
        </section>
      )}
      <ResultBlock ctx={ctx} v={v} />
      {c.status === 'delivered' && !online && <RatingForm ctx={ctx} form={error?.form === 'rate' ? error.state : { values: {}, errors: {} }} action={`${base}/rate`} title={t('serviceCases.rate_title')} hint={t('serviceCases.rate_intro')} />}
      {online && (
        <p>
          {t('serviceCases.your_rating')}：{levelLabel(ctx, online.level)}
          {online.comment && `（${online.comment}）`}
        </p>
      )}
      <section aria-labelledby="data-h">
        <h2 id="data-h">{t('serviceCases.submitted_data')}</h2>
        <DataList fields={v.fields} data={v.data} />
      </section>
      <MaterialsBlock ctx={ctx} v={v} uploadAction={c.status === 'submitted' || c.status === 'correction_requested' ? `${base}/materials` : undefined} />
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('serviceCases.timeline')}</h2>
        <Timeline ctx={ctx} events={v.events} showActor={false} />
      </section>
      {v.actions.includes('withdraw') && (
        <form method="post" action={`${base}/withdraw`} class="form">
          <Csrf ctx={ctx} />
          <p class="hint">{t('serviceCases.withdraw_confirm')}</p>
          <button type="submit" class="button">
            {t('serviceCases.action.withdraw')}
          </button>
        </form>
      )}
    </Layout>
  );
}

/** Uploaded materials, and an upload form while the applicant may still add some. */
export function MaterialsBlock({ ctx, v, uploadAction }: { ctx: ViewContext; v: CaseView; uploadAction?: string | undefined }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="materials-h">
      <h2 id="materials-h">{t('serviceCases.materials')}</h2>
      {v.materials.length === 0 ? (
        <p>{t('serviceCases.materials_none')}</p>
      ) : (
        <ul>
          {v.materials.map((m) => (
            <li key={m.id}>
              {m.name}：{m.filename}
            </li>
          ))}
        </ul>
      )}
      {uploadAction && (
        <form method="post" action={`${uploadAction}?_csrf=${encodeURIComponent(ctx.csrfToken)}`} enctype="multipart/form-data" class="form">
          <h3>{t('serviceCases.upload')}</h3>
          <Select ctx={ctx} form={{ values: {}, errors: {} }} name="name" label={t('serviceCases.upload_name')} required options={(v.checklist.length ? v.checklist : [t('serviceCases.upload')]).map((n) => ({ value: n, label: n }))} />
          <div class="field">
            <label for="file">{t('serviceCases.upload_file')}</label>
            <input id="file" name="file" type="file" required />
          </div>
          <button type="submit" class="button">
            {t('serviceCases.upload_send')}
          </button>
        </form>
      )}
    </section>
  );
}
