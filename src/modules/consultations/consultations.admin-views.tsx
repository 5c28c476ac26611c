import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, ErrorSummary, Field, Notice, Select, TextArea, emptyForm, label, type FormState } from '../../views/components.js';
import type { DraftRow } from './consultations.repository.js';
import type { draftForStaff } from './consultations.staff.js';
import { DRAFT_KINDS, MINIMUM_PERIODS } from './consultations.rules.js';
import { DRAFT_STATUSES } from './consultations.schema.js';
import { Period, StateBadge, kindLabel } from './consultations.parts.js';

type DraftData = Awaited<ReturnType<typeof draftForStaff>>;

/** A failed form on a page with several: which one, and its values and problems. */
export interface ActionError {
  action: string;
  form: FormState;
}

/** The state of one form on a multi-form page: the failed one keeps its values and errors. */
export const formFor = (error: ActionError | undefined, action: string, defaults: FormState['values'] = {}): FormState => (error?.action === action ? error.form : emptyForm(defaults));

/** The message after a successful step (?done=…), if any. */
export function DoneNotice({ ctx, done }: { ctx: ViewContext; done: unknown }) {
  return typeof done === 'string' && /^[a-z_]{1,20}$/.test(done) ? <Notice kind="success">{label(ctx, `consultations.done.${done}`)}</Notice> : null;
}

const crumbs = (ctx: ViewContext) => [{ href: '/admin', label: ctx.t('nav.admin') }, { href: '/admin/consultations', label: ctx.t('consultations.manage') }];

function DraftFields({ ctx, form, departments }: { ctx: ViewContext; form: FormState; departments: Array<{ value: string; label: string }> }) {
  const { t } = ctx;
  return (
    <>
      <Field ctx={ctx} form={form} name="title" label={t('consultations.draft_title')} required maxLength={200} />
      <Select ctx={ctx} form={form} name="kind" label={t('consultations.kind')} required hint={t('consultations.kind_hint')} options={DRAFT_KINDS.map((k) => ({ value: k, label: `${kindLabel(ctx, k)}（${t(MINIMUM_PERIODS[k].unit === 'working' ? 'consultations.min_working' : 'consultations.min_calendar', { n: MINIMUM_PERIODS[k].days })}）` }))} />
      <Select ctx={ctx} form={form} name="departmentId" label={t('consultations.department')} required options={departments} />
      <TextArea ctx={ctx} form={form} name="summary" label={t('consultations.summary')} rows={4} />
      <Field ctx={ctx} form={form} name="contact" label={t('consultations.contact_office')} maxLength={300} />
      <Select ctx={ctx} form={form} name="status" label={t('consultations.status')} required options={DRAFT_STATUSES.map((s) => ({ value: s, label: label(ctx, `consultations.draft_status.${s}`) }))} />
    </>
  );
}

const draftLabels = (ctx: ViewContext) => ({ title: ctx.t('consultations.draft_title'), kind: ctx.t('consultations.kind'), departmentId: ctx.t('consultations.department'), summary: ctx.t('consultations.summary'), contact: ctx.t('consultations.contact_office'), status: ctx.t('consultations.status') });

/** Staff: the drafts one may run, and a form for a new one. */
export function StaffListPage({ ctx, drafts, form, departments }: { ctx: ViewContext; drafts: DraftRow[]; form: FormState; departments: Array<{ value: string; label: string }> }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('consultations.manage')} crumbs={[crumbs(ctx)[0]!, { label: t('consultations.manage') }]}>
      <h1>{t('consultations.manage')}</h1>
      {drafts.length === 0 ? (
        <p>{t('consultations.none')}</p>
      ) : (
        <ul class="consult-list">
          {drafts.map((d) => (
            <li key={d.id}>
              <a href={`/admin/consultations/${d.id}`}>{d.title}</a>
              <p class="meta">
                {kindLabel(ctx, d.kind)} · {label(ctx, `consultations.draft_status.${d.status}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2 id="new-h">{t('consultations.new_draft')}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={draftLabels(ctx)} />
      <form method="post" action="/admin/consultations" class="form" aria-labelledby="new-h">
        <Csrf ctx={ctx} />
        <DraftFields ctx={ctx} form={form} departments={departments} />
        <button type="submit" class="button primary">
          {t('consultations.create')}
        </button>
      </form>
    </Layout>
  );
}

const roundLabels = (ctx: ViewContext) => ({ opensOn: ctx.t('consultations.opens_on'), closesOn: ctx.t('consultations.closes_on'), shortenedReason: ctx.t('consultations.shortened_reason_label'), changeNote: ctx.t('consultations.change_note'), text: ctx.t('consultations.text') });

/** The period fields of a round (new or changed before it opens). */
export function PeriodFields({ ctx, form, kind }: { ctx: ViewContext; form: FormState; kind: string }) {
  const { t } = ctx;
  const m = MINIMUM_PERIODS[kind as keyof typeof MINIMUM_PERIODS];
  return (
    <>
      <p class="hint">{t(m.unit === 'working' ? 'consultations.period_rule_working' : 'consultations.period_rule_calendar', { n: m.days })}</p>
      <Field ctx={ctx} form={form} name="opensOn" type="date" label={t('consultations.opens_on')} required />
      <Field ctx={ctx} form={form} name="closesOn" type="date" label={t('consultations.closes_on')} required />
      {m.mayShorten && <TextArea ctx={ctx} form={form} name="shortenedReason" label={t('consultations.shortened_reason_label')} hint={t('consultations.shortened_reason_hint')} rows={2} />}
      <TextArea ctx={ctx} form={form} name="changeNote" label={t('consultations.change_note')} hint={t('consultations.change_note_hint')} rows={3} />
    </>
  );
}

/** Staff: one draft — its details, its rounds with queue counts, and a new round. */
export function StaffDraftPage({ ctx, data, departments, error, done }: { ctx: ViewContext; data: DraftData; departments: Array<{ value: string; label: string }>; error?: ActionError | undefined; done?: unknown }) {
  const { t } = ctx;
  const d = data.draft;
  const first = data.rounds.length === 0;
  const editForm = formFor(error, 'edit', { title: d.title, kind: d.kind, departmentId: String(d.departmentId), summary: d.summary, contact: d.contact, status: d.status });
  const roundForm = formFor(error, 'round');
  return (
    <Layout ctx={ctx} title={d.title} crumbs={[...crumbs(ctx), { label: d.title }]}>
      <h1>{d.title}</h1>
      <DoneNotice ctx={ctx} done={done} />
      {d.status === 'published' && (
        <p>
          <a href={`/consultations/${d.id}`}>{t('consultations.public_page')}</a>
        </p>
      )}
      <h2>{t('consultations.rounds')}</h2>
      {first ? (
        <p>{t('consultations.no_rounds')}</p>
      ) : (
        <table class="consult-table">
          <thead>
            <tr>
              <th scope="col">{t('consultations.round')}</th>
              <th scope="col">{t('consultations.period')}</th>
              <th scope="col">{t('consultations.status')}</th>
              <th scope="col">{t('consultations.queue.pending')}</th>
              <th scope="col">{t('consultations.queue.undecided')}</th>
              <th scope="col">{t('consultations.queue.decided')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rounds.map((r) => (
              <tr key={r.round.id}>
                <td>
                  <a href={`/admin/consultations/rounds/${r.round.id}`}>{t('consultations.round_no', { n: r.round.seq })}</a>
                </td>
                <td>
                  <Period ctx={ctx} r={r.round} />
                </td>
                <td>
                  <StateBadge ctx={ctx} state={r.state} />
                </td>
                <td>{r.counts.pending}</td>
                <td>{r.counts.undecided}</td>
                <td>{r.counts.decided}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 id="round-h">{first ? t('consultations.new_first_round') : t('consultations.new_round')}</h2>
      <ErrorSummary ctx={ctx} form={roundForm} labels={roundLabels(ctx)} />
      <form method="post" action={`/admin/consultations/${d.id}/rounds`} class="form" aria-labelledby="round-h">
        <Csrf ctx={ctx} />
        <PeriodFields ctx={ctx} form={roundForm} kind={d.kind} />
        <TextArea ctx={ctx} form={roundForm} name="text" label={t('consultations.text')} hint={t(first ? 'consultations.text_hint_first' : 'consultations.text_hint_later')} required={first} rows={10} />
        <button type="submit" class="button primary">
          {t('consultations.create_round')}
        </button>
      </form>
      <h2 id="edit-h">{t('consultations.edit_draft')}</h2>
      <ErrorSummary ctx={ctx} form={editForm} labels={draftLabels(ctx)} />
      <form method="post" action={`/admin/consultations/${d.id}`} class="form" aria-labelledby="edit-h">
        <Csrf ctx={ctx} />
        <DraftFields ctx={ctx} form={editForm} departments={departments} />
        <button type="submit" class="button">
          {t('consultations.save')}
        </button>
      </form>
    </Layout>
  );
}
