import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateTimeText, ErrorSummary, Field, Notice, Pagination, TextArea, type FormState } from '../../views/components.js';
import { toChinaDateTime } from '../../platform/clock.js';
import { departmentName, type DepartmentRow } from '../departments/index.js';
import type { PolicyBrief } from '../policies/index.js';
import type { DialoguePhase } from './dialogues.phase.js';
import type { DialogueRow, GuestRow, QuestionRow } from './dialogues.repository.js';
import { paragraphs } from './dialogues.guests.js';

/** The phase as a badge (text, never colour alone). */
export function PhaseBadge({ ctx, phase }: { ctx: ViewContext; phase: DialoguePhase }) {
  return <span class={`status-badge dialogue-phase phase-${phase}`}>{ctx.t(`dialogues.phase.${phase}`)}</span>;
}

/** "start to end (Beijing time)". */
export function TimeRange({ ctx, startsAt, endsAt }: { ctx: ViewContext; startsAt: string; endsAt: string }) {
  const [before, after] = ctx.t('dialogues.time_range', { start: '\u0000', end: '\u0001' }).split('\u0000') as [string, string];
  const [middle, tail] = after.split('\u0001') as [string, string];
  // Keep each instant in its own <time> element, so machines can read it.
  const sameDay = toChinaDateTime(startsAt).slice(0, 10) === toChinaDateTime(endsAt).slice(0, 10);
  return (
    <span>
      {before}
      <time dateTime={startsAt}>{toChinaDateTime(startsAt)}</time>
      {middle}
      <time dateTime={endsAt}>{sameDay ? toChinaDateTime(endsAt).slice(11) : toChinaDateTime(endsAt)}</time>
      {tail}
    </span>
  );
}

function GuestList({ guests }: { guests: Array<{ name: string; post: string }> }) {
  return (
    <ul class="dialogue-guests">
      {guests.map((g, i) => (
        <li key={i}>
          <strong>{g.name}</strong> <span class="meta">{g.post}</span>
        </li>
      ))}
    </ul>
  );
}

interface ListRow {
  id: number;
  topic: string;
  summary: string;
  startsAt: string;
  endsAt: string;
  phase: DialoguePhase;
  guests: GuestRow[];
}

/** The public list: upcoming and live dialogues first, then the archive. */
export function DialogueListPage({ ctx, rows, total, page, pageCount }: { ctx: ViewContext; rows: ListRow[]; total: number; page: number; pageCount: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('dialogues.title')} crumbs={[{ label: t('dialogues.title') }]}>
      <h1>{t('dialogues.title')}</h1>
      <p class="lead">{t('dialogues.intro')}</p>
      <p class="meta">{t('dialogues.found', { count: total })}</p>
      {rows.length === 0 ? (
        <p>{t('dialogues.none')}</p>
      ) : (
        <ul class="dialogue-list">
          {rows.map((d) => (
            <li key={d.id} class="card">
              <h2>
                <a href={`/dialogues/${d.id}`}>{d.topic}</a>
              </h2>
              <p>
                <PhaseBadge ctx={ctx} phase={d.phase} /> <TimeRange ctx={ctx} startsAt={d.startsAt} endsAt={d.endsAt} />
              </p>
              <p class="meta">
                {t('dialogues.guests_line', { names: d.guests.map((g) => `${g.post} ${g.name}`).join(ctx.locale === 'en' ? '; ' : '、') })}
              </p>
              {d.summary && <p>{d.summary}</p>}
            </li>
          ))}
        </ul>
      )}
      <Pagination ctx={ctx} page={page} pageCount={pageCount} hrefFor={(p) => (p === 1 ? '/dialogues' : `/dialogues?page=${p}`)} />
    </Layout>
  );
}

/** One public question with its answer (attributed to the guest) or the note that it awaits one. */
function PublicQuestion({ ctx, q }: { ctx: ViewContext; q: QuestionRow }) {
  const { t } = ctx;
  return (
    <li class="dialogue-question" id={`q-${q.id}`}>
      <p class="meta">
        {t('dialogues.asked_by', { name: q.askerName })} · <DateTimeText iso={q.submittedAt} />
      </p>
      <p class="question-body">{q.body}</p>
      {q.status === 'answered' ? (
        <div class="dialogue-answer">
          <p class="meta">
            {t('dialogues.answered_by', { name: q.answeredByName, post: q.answeredByPost })} · <DateTimeText iso={q.answeredAt} />
          </p>
          {paragraphs(q.answer).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      ) : (
        <p class="meta">{t('dialogues.awaiting_answer')}</p>
      )}
    </li>
  );
}

const questionLabels = (ctx: ViewContext) => ({ askerName: ctx.t('dialogues.asker_name'), contact: ctx.t('dialogues.contact'), body: ctx.t('dialogues.body') });

/** The public page of a dialogue: details, related policies, the question form while open, Q&A and, afterwards, the transcript. */
export function DialoguePage({
  ctx,
  data,
  form,
  asked,
}: {
  ctx: ViewContext;
  data: { dialogue: DialogueRow; department: DepartmentRow | undefined; guests: GuestRow[]; policies: PolicyBrief[]; questions: QuestionRow[]; phase: DialoguePhase };
  form: FormState;
  asked: boolean;
}) {
  const { t } = ctx;
  const { dialogue: d, phase } = data;
  const archived = phase === 'archived';
  return (
    <Layout ctx={ctx} title={d.topic} crumbs={[{ href: '/dialogues', label: t('dialogues.title') }, { label: d.topic }]}>
      <h1>{d.topic}</h1>
      <p>
        <span class="visually-hidden">{t('dialogues.phase_label')}：</span>
        <PhaseBadge ctx={ctx} phase={phase} />
      </p>
      {asked && <Notice kind="success">{t('dialogues.asked_notice')}</Notice>}
      <dl class="dialogue-facts">
        <dt>{t('dialogues.time')}</dt>
        <dd>
          <TimeRange ctx={ctx} startsAt={d.startsAt} endsAt={d.endsAt} />
        </dd>
        {data.department && (
          <>
            <dt>{t('dialogues.department')}</dt>
            <dd>
              <a href={`/departments/${data.department.code}`}>{departmentName(data.department, ctx.locale)}</a>
            </dd>
          </>
        )}
        <dt>{t('dialogues.guests')}</dt>
        <dd>
          <GuestList guests={data.guests} />
        </dd>
        {d.videoUrl && (
          <>
            <dt>{t('dialogues.video')}</dt>
            <dd>
              <a href={d.videoUrl} rel="noopener noreferrer">
                {t('dialogues.watch_video')}
              </a>
            </dd>
          </>
        )}
        {archived && d.replayUrl && (
          <>
            <dt>{t('dialogues.replay')}</dt>
            <dd>
              <a href={d.replayUrl} rel="noopener noreferrer">
                {t('dialogues.watch_replay')}
              </a>
            </dd>
          </>
        )}
      </dl>
      {d.description && (
        <section aria-labelledby="about-h">
          <h2 id="about-h">{t('dialogues.description')}</h2>
          {paragraphs(d.description).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      )}
      {data.policies.length > 0 && (
        <section aria-labelledby="policies-h">
          <h2 id="policies-h">{t('dialogues.related_policies')}</h2>
          <ul>
            {data.policies.map((p) => (
              <li key={p.id}>
                <a href={`/policies/${p.id}`}>{p.title}</a> {p.docNumber && <span class="meta">{p.docNumber}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {archived && (
        <section aria-labelledby="transcript-h" class="dialogue-transcript">
          <h2 id="transcript-h">{t('dialogues.transcript')}</h2>
          {d.summary && <p class="lead">{d.summary}</p>}
          {d.transcript ? paragraphs(d.transcript).map((p, i) => <p key={i}>{p}</p>) : <p class="meta">{t('dialogues.no_transcript')}</p>}
        </section>
      )}
      {!archived && (
        <section aria-labelledby="ask-h" class="dialogue-ask">
          <h2 id="ask-h">{t('dialogues.ask')}</h2>
          <p class="hint">{t('dialogues.ask_hint')}</p>
          <ErrorSummary ctx={ctx} form={form} labels={questionLabels(ctx)} />
          <form method="post" action={`/dialogues/${d.id}/questions`} class="form">
            <Csrf ctx={ctx} />
            <Field ctx={ctx} form={form} name="askerName" label={t('dialogues.asker_name')} hint={t('dialogues.asker_name_hint')} maxLength={30} autoComplete="nickname" />
            <Field ctx={ctx} form={form} name="contact" label={t('dialogues.contact')} hint={t('dialogues.contact_hint')} maxLength={100} />
            <TextArea ctx={ctx} form={form} name="body" label={t('dialogues.body')} hint={t('dialogues.body_hint')} required rows={5} />
            <button type="submit" class="button primary">
              {t('dialogues.send')}
            </button>
          </form>
        </section>
      )}
      {archived && <p class="meta">{t('dialogues.closed_notice')}</p>}
      <section aria-labelledby="questions-h">
        <h2 id="questions-h">{t('dialogues.questions')}</h2>
        {data.questions.length === 0 ? (
          <p class="meta">{t('dialogues.no_questions')}</p>
        ) : (
          <ol class="dialogue-questions">
            {data.questions.map((q) => (
              <PublicQuestion key={q.id} ctx={ctx} q={q} />
            ))}
          </ol>
        )}
      </section>
    </Layout>
  );
}

/** The "相关在线访谈" block on a policy page. */
export function PolicyDialoguesSection({ ctx, rows }: { ctx: ViewContext; rows: Array<{ id: number; topic: string; startsAt: string; endsAt: string; phase: DialoguePhase }> }) {
  return (
    <section aria-labelledby="policy-dialogues-h" class="policy-dialogues">
      <h2 id="policy-dialogues-h">{ctx.t('dialogues.related_dialogues')}</h2>
      <ul>
        {rows.map((r) => (
          <li key={r.id}>
            <a href={`/dialogues/${r.id}`}>{r.topic}</a> <PhaseBadge ctx={ctx} phase={r.phase} /> <DateTimeText iso={r.startsAt} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The policy page section as a node, for index.ts (which holds no JSX). */
export function policyDialoguesSection(ctx: ViewContext, rows: Array<{ id: number; topic: string; startsAt: string; endsAt: string; phase: DialoguePhase }>) {
  return <PolicyDialoguesSection ctx={ctx} rows={rows} />;
}
