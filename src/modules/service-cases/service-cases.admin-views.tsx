import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Checkboxes, Csrf, DateTimeText, ErrorSummary, Field, Notice, Pagination, Select, TextArea, label, type FormState } from '../../views/components.js';
import type { ServiceItemRow } from '../service-catalogue/index.js';
import type { FormField } from './service-cases.rules.js';
import type { CaseView, staffQueue } from './service-cases.read.js';
import { QUEUE_PAGE_SIZE } from './service-cases.read.js';
import { APPLICANT_KINDS, DELIVERY_METHODS, QUEUES, type QueueInput } from './service-cases.schema.js';
import type { CaseAction } from './service-cases.status.js';
import { DueText, StatusBadge, Timeline, levelLabel } from './service-cases.parts.js';
import { CaseFacts, Checklist, DataFields, MaterialsBlock, RatingForm, ResultBlock, dataLabels } from './service-cases.views.js';
import { DataList } from './service-cases.parts.js';

const blank: FormState = { values: {}, errors: {} };
const adminCrumb = (ctx: ViewContext) => ({ href: '/admin', label: ctx.t('nav.admin') });
const deskCrumb = (ctx: ViewContext) => ({ href: '/admin/services/cases', label: ctx.t('serviceCases.queue_title') });

/** The staff desk: window queues (to accept, to deliver, corrections) and the back-office queue, with deadline filters. */
export function QueuePage({ ctx, data, q, today }: { ctx: ViewContext; data: Awaited<ReturnType<typeof staffQueue>>; q: QueueInput; today: string }) {
  const { t } = ctx;
  const href = (over: Partial<{ queue: string; due: string | undefined; page: number }>) => {
    const p = new URLSearchParams();
    const queue = over.queue ?? q.queue;
    p.set('queue', queue);
    const due = 'due' in over ? over.due : q.due;
    if (due) {
      p.set('due', due);
    }
    if (over.page && over.page > 1) {
      p.set('page', String(over.page));
    }
    return `/admin/services/cases?${p.toString()}`;
  };
  const counts = data.counts as Record<string, number>;
  return (
    <Layout ctx={ctx} title={t('serviceCases.queue_title')} crumbs={[adminCrumb(ctx), { label: t('serviceCases.queue_title') }]}>
      <h1>{t('serviceCases.queue_title')}</h1>
      <p class="lead">{t('serviceCases.counts_line', { overdue: data.overdue, soon: data.dueSoon })}</p>
      <nav aria-label={t('serviceCases.queue_title')}>
        <ul class="tag-list">
          {QUEUES.map((k) => (
            <li key={k}>
              <a href={href({ queue: k, due: undefined, page: 1 })} aria-current={k === q.queue ? 'page' : undefined}>
                {label(ctx, `serviceCases.queue.${k}`)}
                {counts[k] !== undefined && ` (${counts[k]})`}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/admin/services/cases" class="filters">
        <input type="hidden" name="queue" value={q.queue} />
        <Select ctx={ctx} form={{ values: { due: q.due ?? '' }, errors: {} }} name="due" label={t('serviceCases.filter_due')} options={(['soon', 'overdue'] as const).map((d) => ({ value: d, label: label(ctx, `serviceCases.filter_due.${d}`) }))} />
        <button type="submit" class="button">
          {t('serviceCases.filter_due')}
        </button>
      </form>
      {data.rows.length === 0 ? (
        <p>{t('serviceCases.queue_empty')}</p>
      ) : (
        <table class="facts-table">
          <thead>
            <tr>
              <th scope="col">{t('serviceCases.case_number')}</th>
              <th scope="col">{t('serviceCases.item')}</th>
              <th scope="col">{t('serviceCases.applicant')}</th>
              <th scope="col">{t('serviceCases.status')}</th>
              <th scope="col">{t('serviceCases.submitted_at')}</th>
              <th scope="col">{t('serviceCases.due_on')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/admin/services/cases/${r.caseNumber}`}>{r.caseNumber}</a>
                </td>
                <td>{r.itemName}</td>
                <td>{r.applicantName}</td>
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
      <Pagination ctx={ctx} page={q.page} pageCount={Math.max(1, Math.ceil(data.total / QUEUE_PAGE_SIZE))} hrefFor={(p) => href({ page: p })} />
    </Layout>
  );
}

/** A failed step's form, re-shown with its problems. */
export interface StepError {
  action: CaseAction | 'onsite_rating';
  state: FormState;
}

/** The note of a step: several step forms share a page, so its id carries the action. */
function NoteArea({ ctx, form, action, label: text, required }: { ctx: ViewContext; form: FormState; action: string; label: string; required: boolean }) {
  const id = `${action}-note`;
  const err = form.errors.note;
  const value = form.values.note;
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <label for={id}>
        {text}
        {required && <span class="req"> ({ctx.t('form.required')})</span>}
      </label>
      {err && (
        <p class="error" id={`${id}-error`}>
          <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
          {ctx.t(err.key, err.params)}
        </p>
      )}
      <textarea id={id} name="note" rows={3} required={required} aria-invalid={err ? 'true' : undefined} aria-describedby={err ? `${id}-error` : undefined}>
        {typeof value === 'string' ? value : ''}
      </textarea>
    </div>
  );
}

function StepForm({ ctx, number, action, error, checklist }: { ctx: ViewContext; number: string; action: CaseAction; error?: StepError | undefined; checklist: string[] }) {
  const { t } = ctx;
  const form = error?.action === action ? error.state : blank;
  const needsReason = action === 'not_accept' || action === 'refuse';
  return (
    <form method="post" action={`/admin/services/cases/${number}/step/${action}`} class="form card">
      <h3>{label(ctx, `serviceCases.action.${action}`)}</h3>
      <Csrf ctx={ctx} />
      <ErrorSummary ctx={ctx} form={form} labels={{ note: t(needsReason ? 'serviceCases.reason' : 'serviceCases.note'), correctionItems: t('serviceCases.correction_items'), deliveryMethod: t('serviceCases.delivery_method'), result: t('serviceCases.result') }} />
      {action === 'request_correction' && (
        <>
          <Checkboxes ctx={ctx} form={form} name="correctionItems" legend={t('serviceCases.correction_items')} options={checklist.map((n) => ({ value: n, label: n }))} />
          <TextArea ctx={ctx} form={form} name="correctionOther" label={t('serviceCases.correction_other')} rows={3} />
        </>
      )}
      {action === 'approve' && <Field ctx={ctx} form={form} name="result" label={t('serviceCases.result')} maxLength={2000} />}
      {action === 'deliver' && <Select ctx={ctx} form={form} name="deliveryMethod" label={t('serviceCases.delivery_method')} required options={DELIVERY_METHODS.map((m) => ({ value: m, label: label(ctx, `serviceCases.delivery.${m}`) }))} />}
      {action !== 'start_review' && action !== 'prepare_delivery' && <NoteArea ctx={ctx} form={form} action={action} label={t(needsReason ? 'serviceCases.reason' : 'serviceCases.note')} required={needsReason} />}
      <button type="submit" class={needsReason ? 'button' : 'button primary'}>
        {label(ctx, `serviceCases.action.${action}`)}
      </button>
    </form>
  );
}

/** A case for staff: facts, data, materials, timeline, and each step's form. */
export function StaffCasePage({ ctx, v, today, notice, error }: { ctx: ViewContext; v: CaseView & { windowActions: CaseAction[]; backOfficeActions: CaseAction[] }; today: string; notice?: string | undefined; error?: StepError | undefined }) {
  const { t } = ctx;
  const c = v.c;
  const title = t('serviceCases.case_title', { number: c.caseNumber });
  // A correction lists materials from the checklist; 一次性告知 means all of them at once.
  const checklist = v.checklist;
  return (
    <Layout ctx={ctx} title={title} crumbs={[adminCrumb(ctx), deskCrumb(ctx), { label: title }]}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <CaseFacts ctx={ctx} v={v} today={today} />
      <p>
        {t('serviceCases.applicant_id_number')}：{c.applicantIdNumber || '—'}；{t('serviceCases.applicant_mobile')}：{c.applicantMobile || '—'}
      </p>
      <section aria-labelledby="steps-h">
        <h2 id="steps-h">{t('serviceCases.window_actions')}</h2>
        {v.windowActions.length === 0 && <p>{t('serviceCases.no_actions')}</p>}
        {v.windowActions.map((a) => (
          <StepForm key={a} ctx={ctx} number={c.caseNumber} action={a} error={error} checklist={checklist} />
        ))}
      </section>
      <section aria-labelledby="back-h">
        <h2 id="back-h">{t('serviceCases.back_office_actions')}</h2>
        {v.backOfficeActions.length === 0 && <p>{t('serviceCases.no_actions')}</p>}
        {v.backOfficeActions.map((a) => (
          <StepForm key={a} ctx={ctx} number={c.caseNumber} action={a} error={error} checklist={checklist} />
        ))}
      </section>
      <ResultBlock ctx={ctx} v={v} />
      <section aria-labelledby="data-h">
        <h2 id="data-h">{t('serviceCases.submitted_data')}</h2>
        <DataList fields={v.fields} data={v.data} />
      </section>
      <MaterialsBlock ctx={ctx} v={v} />
      <Checklist ctx={ctx} names={checklist} />
      <section aria-labelledby="ratings-h">
        <h2 id="ratings-h">{t('serviceCases.ratings_manage')}</h2>
        <ul>
          {v.ratings.map((r) => (
            <li key={r.id}>
              <a href={`/admin/services/ratings/${r.id}`}>
                {label(ctx, `serviceCases.rating_channel.${r.channel}`)}：{levelLabel(ctx, r.level)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <RatingForm ctx={ctx} form={error?.action === 'onsite_rating' ? error.state : blank} action={`/admin/services/cases/${c.caseNumber}/onsite-rating`} title={t('serviceCases.onsite_rating')} hint={t('serviceCases.onsite_rating_hint')} />
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t('serviceCases.timeline')}</h2>
        <Timeline ctx={ctx} events={v.events} showActor={true} />
      </section>
    </Layout>
  );
}

/** Window intake for a walk-in applicant: who they are, and the item's form. */
export function WalkInPage({ ctx, item, fields, form }: { ctx: ViewContext; item: ServiceItemRow; fields: FormField[]; form: FormState }) {
  const { t } = ctx;
  const title = t('serviceCases.window_intake_title', { item: item.name });
  const labels = { ...dataLabels(fields), applicantKind: t('serviceCases.applicant_kind'), applicantName: t('serviceCases.applicant_name'), applicantIdNumber: t('serviceCases.applicant_id_number'), applicantMobile: t('serviceCases.applicant_mobile') };
  return (
    <Layout ctx={ctx} title={title} crumbs={[adminCrumb(ctx), deskCrumb(ctx), { label: title }]}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={`/admin/services/items/${encodeURIComponent(item.code)}/intake`} class="form">
        <Csrf ctx={ctx} />
        <Select ctx={ctx} form={form} name="applicantKind" label={labels.applicantKind} required options={APPLICANT_KINDS.map((k) => ({ value: k, label: label(ctx, `serviceCases.applicant_kind.${k}`) }))} />
        <Field ctx={ctx} form={form} name="applicantName" label={labels.applicantName} required maxLength={120} />
        <Field ctx={ctx} form={form} name="applicantIdNumber" label={labels.applicantIdNumber} required maxLength={20} />
        <Field ctx={ctx} form={form} name="applicantMobile" label={labels.applicantMobile} required maxLength={11} type="tel" />
        <Field ctx={ctx} form={form} name="hallId" label={t('serviceCases.hall_id')} maxLength={9} />
        <Field ctx={ctx} form={form} name="windowId" label={t('serviceCases.window_id')} maxLength={9} />
        <DataFields ctx={ctx} form={form} fields={fields} />
        <button type="submit" class="button primary">
          {t('serviceCases.send')}
        </button>
      </form>
    </Layout>
  );
}

/** The staff editor of an item's application form and 秒批 rule (JSON). */
export function FormEditPage({ ctx, item, custom, form, saved }: { ctx: ViewContext; item: ServiceItemRow; custom: boolean; form: FormState; saved: boolean }) {
  const { t } = ctx;
  const title = t('serviceCases.form_edit_title', { item: item.name });
  return (
    <Layout ctx={ctx} title={title} crumbs={[adminCrumb(ctx), { label: title }]}>
      <h1>{title}</h1>
      {saved && <Notice kind="success">{t('serviceCases.form_saved')}</Notice>}
      {!custom && <Notice>{t('serviceCases.form_default_note')}</Notice>}
      <ErrorSummary ctx={ctx} form={form} labels={{ fields: t('serviceCases.form_fields'), instantRule: t('serviceCases.form_rule') }} />
      <form method="post" action={`/admin/services/items/${encodeURIComponent(item.code)}/form`} class="form">
        <Csrf ctx={ctx} />
        <TextArea ctx={ctx} form={form} name="fields" label={t('serviceCases.form_fields')} hint={t('serviceCases.form_fields_hint')} required rows={14} />
        <TextArea ctx={ctx} form={form} name="instantRule" label={t('serviceCases.form_rule')} hint={t('serviceCases.form_rule_hint')} rows={8} />
        <button type="submit" class="button primary">
          {t('serviceCases.save')}
        </button>
      </form>
      <p>
        <a href={`/admin/services/items/${encodeURIComponent(item.code)}/intake`}>{t('serviceCases.window_intake')}</a>
      </p>
    </Layout>
  );
}
