import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateTimeText, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../views/components.js';
import type { FieldProblem } from '../../http/errors.js';
import type { PolicyBrief } from '../policies/index.js';
import type { DialoguePhase } from './dialogues.phase.js';
import type { DialogueRow, GuestRow, QuestionRow } from './dialogues.repository.js';
import { PhaseBadge, TimeRange } from './dialogues.views.js';

const crumbs = (ctx: ViewContext, last?: string) => [
  { href: '/admin', label: ctx.t('nav.admin') },
  ...(last ? [{ href: '/admin/dialogues', label: ctx.t('dialogues.manage') }, { label: last }] : [{ label: ctx.t('dialogues.manage') }]),
];

function StatusText({ ctx, status }: { ctx: ViewContext; status: string }) {
  return <span class={`status-badge status-${status === 'draft' ? 'draft' : 'published'}`}>{ctx.t(`dialogues.status.${status === 'draft' ? 'draft' : 'scheduled'}`)}</span>;
}

/** Staff list of dialogues in their departments, with the number of questions waiting for moderation. */
export function AdminDialoguesPage({
  ctx,
  rows,
}: {
  ctx: ViewContext;
  rows: Array<{ id: number; topic: string; status: string; startsAt: string; endsAt: string; pending: number; phase: DialoguePhase }>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('dialogues.manage')} crumbs={crumbs(ctx)}>
      <h1>{t('dialogues.manage')}</h1>
      <p>
        <a class="button primary" href="/admin/dialogues/new">
          {t('dialogues.new')}
        </a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('dialogues.topic')}</th>
            <th scope="col">{t('dialogues.time')}</th>
            <th scope="col">{t('dialogues.status')}</th>
            <th scope="col">{t('dialogues.pending_count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <td>
                <a href={`/admin/dialogues/${d.id}`}>{d.topic}</a>
              </td>
              <td>
                <DateTimeText iso={d.startsAt} /> <PhaseBadge ctx={ctx} phase={d.phase} />
              </td>
              <td>
                <StatusText ctx={ctx} status={d.status} />
              </td>
              <td>{d.pending}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

const formLabels = (ctx: ViewContext) => ({
  departmentId: ctx.t('dialogues.department'),
  topic: ctx.t('dialogues.topic'),
  description: ctx.t('dialogues.description'),
  startsAt: ctx.t('dialogues.starts_at'),
  endsAt: ctx.t('dialogues.ends_at'),
  guests: ctx.t('dialogues.guests_field'),
  policies: ctx.t('dialogues.policies_field'),
  videoUrl: ctx.t('dialogues.video_url'),
  replayUrl: ctx.t('dialogues.replay_url'),
  summary: ctx.t('dialogues.summary'),
  transcript: ctx.t('dialogues.transcript_field'),
});

function DialogueForm({ ctx, form, departments, action }: { ctx: ViewContext; form: FormState; departments: Array<{ id: number; name: string }>; action: string }) {
  const { t } = ctx;
  return (
    <>
      <ErrorSummary ctx={ctx} form={form} labels={formLabels(ctx)} />
      <form method="post" action={action} class="form">
        <Csrf ctx={ctx} />
        <Select ctx={ctx} form={form} name="departmentId" label={t('dialogues.department')} required options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />
        <Field ctx={ctx} form={form} name="topic" label={t('dialogues.topic')} required maxLength={200} />
        <TextArea ctx={ctx} form={form} name="description" label={t('dialogues.description')} rows={3} />
        <Field ctx={ctx} form={form} name="startsAt" type="datetime-local" label={t('dialogues.starts_at')} hint={t('dialogues.datetime_hint')} required />
        <Field ctx={ctx} form={form} name="endsAt" type="datetime-local" label={t('dialogues.ends_at')} hint={t('dialogues.datetime_hint')} required />
        <TextArea ctx={ctx} form={form} name="guests" label={t('dialogues.guests_field')} hint={t('dialogues.guests_hint')} required rows={4} />
        <TextArea ctx={ctx} form={form} name="policies" label={t('dialogues.policies_field')} hint={t('dialogues.policies_hint')} rows={3} />
        <Field ctx={ctx} form={form} name="videoUrl" type="url" label={t('dialogues.video_url')} hint={t('dialogues.url_hint')} maxLength={500} />
        <Field ctx={ctx} form={form} name="replayUrl" type="url" label={t('dialogues.replay_url')} hint={t('dialogues.url_hint')} maxLength={500} />
        <TextArea ctx={ctx} form={form} name="summary" label={t('dialogues.summary')} rows={3} />
        <TextArea ctx={ctx} form={form} name="transcript" label={t('dialogues.transcript_field')} hint={t('dialogues.transcript_hint')} rows={12} />
        <button type="submit" class="button primary">
          {t('form.save')}
        </button>
      </form>
    </>
  );
}

/** The form for a new dialogue. */
export function NewDialoguePage({ ctx, form, departments }: { ctx: ViewContext; form: FormState; departments: Array<{ id: number; name: string }> }) {
  return (
    <Layout ctx={ctx} title={ctx.t('dialogues.new')} crumbs={crumbs(ctx, ctx.t('dialogues.new'))}>
      <h1>{ctx.t('dialogues.new')}</h1>
      <DialogueForm ctx={ctx} form={form} departments={departments} action="/admin/dialogues/new" />
    </Layout>
  );
}

/** Problems of one moderation form, shown beside that question's fields only. */
export interface QuestionFormError {
  questionId: number;
  errors: Record<string, FieldProblem>;
  values: Record<string, string>;
}

function FieldError({ ctx, id, p }: { ctx: ViewContext; id: string; p: FieldProblem | undefined }) {
  return p ? (
    <p class="error" id={id}>
      <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
      {ctx.t(p.key, p.params)}
    </p>
  ) : null;
}

function QuestionHead({ ctx, q }: { ctx: ViewContext; q: QuestionRow }) {
  return (
    <>
      <p class="meta">
        {ctx.t('dialogues.asked_by', { name: q.askerName })} · {ctx.t('dialogues.submitted_at')} <DateTimeText iso={q.submittedAt} />
        {q.contact && <> · {ctx.t('dialogues.contact_staff', { contact: q.contact })}</>}
      </p>
      <p class="question-body">{q.body}</p>
    </>
  );
}

function RejectForm({ ctx, d, q, err }: { ctx: ViewContext; d: DialogueRow; q: QuestionRow; err: QuestionFormError | undefined }) {
  const id = `reason-${q.id}`;
  const p = err?.errors.reason;
  return (
    <form method="post" action={`/admin/dialogues/${d.id}/questions/${q.id}/reject`} class={p ? 'field has-error' : 'field'}>
      <Csrf ctx={ctx} />
      <label for={id}>{ctx.t('dialogues.reject_reason')}</label>
      <p class="hint" id={`${id}-hint`}>
        {ctx.t('dialogues.reject_reason_hint')}
      </p>
      <FieldError ctx={ctx} id={`${id}-error`} p={p} />
      <input id={id} name="reason" type="text" maxLength={500} required value={err?.values.reason ?? ''} aria-invalid={p ? 'true' : undefined} aria-describedby={`${id}-hint${p ? ` ${id}-error` : ''}`} />
      <button type="submit" class="button danger">
        {ctx.t('dialogues.reject')}
      </button>
    </form>
  );
}

function AnswerForm({ ctx, d, q, guests, err }: { ctx: ViewContext; d: DialogueRow; q: QuestionRow; guests: GuestRow[]; err: QuestionFormError | undefined }) {
  const gid = `guest-${q.id}`;
  const aid = `answer-${q.id}`;
  const gp = err?.errors.guest;
  const ap = err?.errors.answer;
  const chosen = err?.values.guest ?? String(Math.max(0, guests.findIndex((g) => g.name === q.answeredByName)));
  return (
    <form method="post" action={`/admin/dialogues/${d.id}/questions/${q.id}/answer`} class="form">
      <Csrf ctx={ctx} />
      <div class={gp ? 'field has-error' : 'field'}>
        <label for={gid}>{ctx.t('dialogues.answer_guest')}</label>
        <FieldError ctx={ctx} id={`${gid}-error`} p={gp} />
        <select id={gid} name="guest" required aria-invalid={gp ? 'true' : undefined} aria-describedby={gp ? `${gid}-error` : undefined}>
          {guests.map((g, i) => (
            <option key={i} value={String(i)} selected={chosen === String(i)}>
              {g.name}（{g.post}）
            </option>
          ))}
        </select>
      </div>
      <div class={ap ? 'field has-error' : 'field'}>
        <label for={aid}>{ctx.t('dialogues.answer')}</label>
        <FieldError ctx={ctx} id={`${aid}-error`} p={ap} />
        <textarea id={aid} name="answer" rows={4} required aria-invalid={ap ? 'true' : undefined} aria-describedby={ap ? `${aid}-error` : undefined}>
          {err?.values.answer ?? q.answer}
        </textarea>
      </div>
      <button type="submit" class="button primary">
        {q.status === 'answered' ? ctx.t('dialogues.answer_edit') : ctx.t('dialogues.answer_send')}
      </button>
    </form>
  );
}

/** A staff dialogue page: the edit form, publishing, the moderation queue and answering. */
export function EditDialoguePage({
  ctx,
  form,
  departments,
  data,
  notice,
  questionError,
}: {
  ctx: ViewContext;
  form: FormState;
  departments: Array<{ id: number; name: string }>;
  data: { dialogue: DialogueRow; guests: GuestRow[]; policies: PolicyBrief[]; questions: QuestionRow[]; phase: DialoguePhase };
  notice?: string;
  questionError?: QuestionFormError;
}) {
  const { t } = ctx;
  const d = data.dialogue;
  const by = (s: string) => data.questions.filter((q) => q.status === s);
  const errFor = (q: QuestionRow) => (questionError?.questionId === q.id ? questionError : undefined);
  return (
    <Layout ctx={ctx} title={d.topic} crumbs={crumbs(ctx, d.topic)}>
      <h1>{d.topic}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>
        <StatusText ctx={ctx} status={d.status} /> <PhaseBadge ctx={ctx} phase={data.phase} /> <TimeRange ctx={ctx} startsAt={d.startsAt} endsAt={d.endsAt} />
      </p>
      {d.status === 'draft' ? (
        <form method="post" action={`/admin/dialogues/${d.id}/publish`} class="actions">
          <Csrf ctx={ctx} />
          <p class="hint">{t('dialogues.publish_hint')}</p>
          <button type="submit" class="button primary">
            {t('dialogues.publish')}
          </button>
        </form>
      ) : (
        <p>
          <a href={`/dialogues/${d.id}`}>{t('dialogues.view_public')}</a>
        </p>
      )}
      <section aria-labelledby="moderation-h">
        <h2 id="moderation-h">{t('dialogues.moderation')}</h2>
        {by('pending').length === 0 ? (
          <p class="meta">{t('dialogues.no_pending')}</p>
        ) : (
          <ol class="dialogue-questions">
            {by('pending').map((q) => (
              <li key={q.id} id={`q-${q.id}`} class="dialogue-question">
                <QuestionHead ctx={ctx} q={q} />
                <form method="post" action={`/admin/dialogues/${d.id}/questions/${q.id}/approve`} class="actions">
                  <Csrf ctx={ctx} />
                  <button type="submit" class="button">
                    {t('dialogues.approve')}
                  </button>
                </form>
                <RejectForm ctx={ctx} d={d} q={q} err={errFor(q)} />
              </li>
            ))}
          </ol>
        )}
      </section>
      {(['approved', 'answered'] as const).map((s) => (
        <section key={s} aria-labelledby={`${s}-h`}>
          <h2 id={`${s}-h`}>{t(s === 'approved' ? 'dialogues.approved_list' : 'dialogues.answered_list')}</h2>
          {by(s).length === 0 ? (
            <p class="meta">{t('dialogues.none_here')}</p>
          ) : (
            <ol class="dialogue-questions">
              {by(s).map((q) => (
                <li key={q.id} id={`q-${q.id}`} class="dialogue-question">
                  <QuestionHead ctx={ctx} q={q} />
                  {q.status === 'answered' && <p class="meta">{t('dialogues.answered_by', { name: q.answeredByName, post: q.answeredByPost })}</p>}
                  <AnswerForm ctx={ctx} d={d} q={q} guests={data.guests} err={errFor(q)} />
                  {q.status === 'approved' && <RejectForm ctx={ctx} d={d} q={q} err={errFor(q)} />}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
      <section aria-labelledby="rejected-h">
        <h2 id="rejected-h">{t('dialogues.rejected_list')}</h2>
        {by('rejected').length === 0 ? (
          <p class="meta">{t('dialogues.none_here')}</p>
        ) : (
          <ol class="dialogue-questions">
            {by('rejected').map((q) => (
              <li key={q.id} class="dialogue-question">
                <QuestionHead ctx={ctx} q={q} />
                <p class="meta">{t('dialogues.rejected_reason', { reason: q.rejectReason })}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="edit-h">
        <h2 id="edit-h">{t('dialogues.edit')}</h2>
        <DialogueForm ctx={ctx} form={form} departments={departments} action={`/admin/dialogues/${d.id}`} />
      </section>
    </Layout>
  );
}
