import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateTimeText, ErrorSummary, Field, Select, TextArea, label } from '../../views/components.js';
import type { roundForStaff } from './consultations.staff.js';
import type { CommentRow, EventRow } from './consultations.repository.js';
import { DECISIONS } from './consultations.rules.js';
import { REJECT_KINDS } from './consultations.schema.js';
import { DoneNotice, formFor, type ActionError } from './consultations.admin-views.js';
import { DecisionBadge, Paragraphs, StateBadge, articleLabel } from './consultations.parts.js';

type RoundData = Awaited<ReturnType<typeof roundForStaff>>;

const crumbs = (ctx: ViewContext, d: RoundData) => [
  { href: '/admin', label: ctx.t('nav.admin') },
  { href: '/admin/consultations', label: ctx.t('consultations.manage') },
  { href: `/admin/consultations/${d.draft.id}`, label: d.draft.title },
  { href: `/admin/consultations/rounds/${d.round.id}`, label: ctx.t('consultations.round_no', { n: d.round.seq }) },
];

/** Who wrote a comment, for staff (full name, enterprise, or the event it was raised at). */
function Who({ ctx, c, events }: { ctx: ViewContext; c: CommentRow; events: EventRow[] }) {
  const event = c.eventId === null ? undefined : events.find((e) => e.id === c.eventId);
  return (
    <>
      {c.enterpriseName || c.commenterName || ctx.t('consultations.anonymous')}
      {event && `（${event.title}）`}
    </>
  );
}

function CommentRows({ ctx, d, rows, prefix }: { ctx: ViewContext; d: RoundData; rows: CommentRow[]; prefix: string }) {
  const { t } = ctx;
  const numberOf = new Map(d.articles.map((a) => [a.id, a.number]));
  return (
    <table class="consult-table">
      <thead>
        <tr>
          <th scope="col">{t('consultations.choose')}</th>
          <th scope="col">{t('consultations.article')}</th>
          <th scope="col">{t('consultations.commenter')}</th>
          <th scope="col">{t('consultations.content')}</th>
          <th scope="col">{t('consultations.csv.decision')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <td>
              <input type="checkbox" name="ids" value={String(c.id)} id={`${prefix}${c.id}`} />
              <label for={`${prefix}${c.id}`}>#{c.id}</label>
            </td>
            <td>{articleLabel(ctx, c.articleId === null ? null : (numberOf.get(c.articleId) ?? null))}</td>
            <td>
              <Who ctx={ctx} c={c} events={d.events} />
              <br />
              <DateTimeText iso={c.createdAt} />
            </td>
            <td>
              {c.content}
              {prefix === 'p' && (
                <>
                  {' '}
                  <a href={`/admin/consultations/comments/${c.id}`}>{t('consultations.moderate_one', { id: c.id })}</a>
                </>
              )}
            </td>
            <td>
              <DecisionBadge ctx={ctx} decision={c.decision} /> {c.decisionReason}
              {c.groupId !== null && <span class="meta"> {t('consultations.report.grouped_with', { id: c.groupId })}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Staff: the moderation queue, the decision queue (undecided first) and publishing the report. */
export function StaffCommentsPage({ ctx, data, error, done }: { ctx: ViewContext; data: RoundData; error?: ActionError | undefined; done?: unknown }) {
  const { t } = ctx;
  const base = `/admin/consultations/rounds/${data.round.id}`;
  const pending = data.comments.filter((c) => c.status === 'pending');
  const published = data.comments.filter((c) => c.status === 'published').sort((a, b) => Number(a.decision !== null) - Number(b.decision !== null) || a.id - b.id);
  const decideForm = formFor(error, 'decide');
  const reportForm = formFor(error, 'report', { summary: data.round.reportSummary });
  const title = t('consultations.queue.title', { n: data.round.seq });
  return (
    <Layout ctx={ctx} title={title} crumbs={[...crumbs(ctx, data), { label: title }]}>
      <h1>{title}</h1>
      <DoneNotice ctx={ctx} done={done} />
      <p>
        <StateBadge ctx={ctx} state={data.state} /> {t('consultations.queue.counts', { pending: data.counts.pending, undecided: data.counts.undecided, decided: data.counts.decided, rejected: data.counts.rejected })}
      </p>
      <h2 id="mod-h">{t('consultations.queue.moderation', { n: pending.length })}</h2>
      {pending.length === 0 ? (
        <p>{t('consultations.queue.empty')}</p>
      ) : (
        <form method="post" action={`${base}/publish`} aria-labelledby="mod-h">
          <Csrf ctx={ctx} />
          <CommentRows ctx={ctx} d={data} rows={pending} prefix="p" />
          <button type="submit" class="button primary">
            {t('consultations.publish_selected')}
          </button>
        </form>
      )}
      <h2 id="dec-h">{t('consultations.queue.decisions', { n: data.counts.undecided })}</h2>
      {published.length === 0 ? (
        <p>{t('consultations.queue.empty')}</p>
      ) : (
        <form method="post" action={`${base}/decide`} class="form" aria-labelledby="dec-h">
          <Csrf ctx={ctx} />
          <ErrorSummary ctx={ctx} form={decideForm} labels={{ ids: t('consultations.choose'), decision: t('consultations.csv.decision'), reason: t('consultations.csv.reason') }} />
          <p class="hint">{t('consultations.group_hint')}</p>
          <CommentRows ctx={ctx} d={data} rows={published} prefix="d" />
          <Select ctx={ctx} form={decideForm} name="decision" label={t('consultations.csv.decision')} required options={DECISIONS.map((x) => ({ value: x, label: label(ctx, `consultations.decision.${x}`) }))} />
          <TextArea ctx={ctx} form={decideForm} name="reason" label={t('consultations.csv.reason')} hint={t('consultations.reason_hint')} rows={3} />
          <button type="submit" class="button primary">
            {t('consultations.decide')}
          </button>
        </form>
      )}
      <h2 id="report-h">{t('consultations.report.publish')}</h2>
      <p>
        <a href={`${base}/report`}>{t('consultations.report.preview_link')}</a>
      </p>
      {data.round.reportPublishedAt ? (
        <p>
          <a href={`/consultations/${data.draft.id}/rounds/${data.round.seq}/report`}>{t('consultations.report_link', { n: data.round.seq })}</a>
        </p>
      ) : (
        <form method="post" action={`${base}/report`} class="form" aria-labelledby="report-h">
          <Csrf ctx={ctx} />
          <ErrorSummary ctx={ctx} form={reportForm} labels={{ summary: t('consultations.report.summary') }} />
          <TextArea ctx={ctx} form={reportForm} name="summary" label={t('consultations.report.summary')} hint={t('consultations.report.summary_hint')} rows={4} />
          <button type="submit" class="button">
            {t('consultations.report.publish')}
          </button>
        </form>
      )}
    </Layout>
  );
}

/** Staff: one comment awaiting moderation — publish it, or reject it with a reason. */
export function StaffCommentPage({ ctx, data, comment, error }: { ctx: ViewContext; data: RoundData; comment: CommentRow; error?: ActionError | undefined }) {
  const { t } = ctx;
  const form = formFor(error, 'reject');
  const title = t('consultations.moderate_one', { id: comment.id });
  const base = `/admin/consultations/comments/${comment.id}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[...crumbs(ctx, data), { href: `/admin/consultations/rounds/${data.round.id}/comments`, label: t('consultations.queue.title', { n: data.round.seq }) }, { label: title }]}>
      <h1>{title}</h1>
      <p class="meta">
        <Who ctx={ctx} c={comment} events={data.events} /> · {comment.contact || '—'} · <DateTimeText iso={comment.createdAt} /> · {label(ctx, `consultations.comment_status.${comment.status}`)}
      </p>
      <Paragraphs text={comment.content} />
      {comment.status === 'pending' && (
        <>
          <form method="post" action={`${base}/publish`}>
            <Csrf ctx={ctx} />
            <button type="submit" class="button primary">
              {t('consultations.publish')}
            </button>
          </form>
          <h2 id="reject-h">{t('consultations.reject')}</h2>
          <ErrorSummary ctx={ctx} form={form} labels={{ kind: t('consultations.reject_kind'), reason: t('consultations.reject_reason') }} />
          <form method="post" action={`${base}/reject`} class="form" aria-labelledby="reject-h">
            <Csrf ctx={ctx} />
            <Select ctx={ctx} form={form} name="kind" label={t('consultations.reject_kind')} required options={REJECT_KINDS.map((k) => ({ value: k, label: label(ctx, `consultations.reject_kind.${k}`) }))} />
            <TextArea ctx={ctx} form={form} name="reason" label={t('consultations.reject_reason')} required rows={2} />
            <button type="submit" class="button">
              {t('consultations.reject')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}

/** Staff: one organised event — its facts, the suggestions raised, and a form to enter one against an article. */
export function StaffEventPage({ ctx, data, event, error, done }: { ctx: ViewContext; data: RoundData; event: EventRow; error?: ActionError | undefined; done?: unknown }) {
  const { t } = ctx;
  const form = formFor(error, 'suggestion');
  const raised = data.comments.filter((c) => c.eventId === event.id);
  return (
    <Layout ctx={ctx} title={event.title} crumbs={[...crumbs(ctx, data), { label: event.title }]}>
      <h1>{event.title}</h1>
      <DoneNotice ctx={ctx} done={done} />
      <dl class="facts">
        <dt>{t('consultations.event_kind')}</dt>
        <dd>{label(ctx, `consultations.event_kind.${event.kind}`)}</dd>
        <dt>{t('consultations.held_on')}</dt>
        <dd>{event.heldOn}</dd>
        <dt>{t('consultations.participants')}</dt>
        <dd>{event.participants || '—'}</dd>
      </dl>
      <h2>{t('consultations.event_suggestions', { n: raised.length })}</h2>
      <ul>
        {raised.map((c) => (
          <li key={c.id}>
            {articleLabel(ctx, data.articles.find((a) => a.id === c.articleId)?.number ?? null)}：{c.content} <DecisionBadge ctx={ctx} decision={c.decision} />
          </li>
        ))}
      </ul>
      {!data.round.reportPublishedAt && (
        <>
          <h2 id="sugg-h">{t('consultations.add_suggestion')}</h2>
          <ErrorSummary ctx={ctx} form={form} labels={{ articleId: t('consultations.article'), content: t('consultations.content'), commenterName: t('consultations.raised_by') }} />
          <form method="post" action={`/admin/consultations/events/${event.id}/suggestions`} class="form" aria-labelledby="sugg-h">
            <Csrf ctx={ctx} />
            <Select ctx={ctx} form={form} name="articleId" label={t('consultations.article')} hint={t('consultations.article_hint')} options={data.articles.map((a) => ({ value: String(a.id), label: `${articleLabel(ctx, a.number)} ${a.heading}`.trim() }))} />
            <TextArea ctx={ctx} form={form} name="content" label={t('consultations.content')} required rows={4} />
            <Field ctx={ctx} form={form} name="commenterName" label={t('consultations.raised_by')} hint={t('consultations.raised_by_hint')} maxLength={60} />
            <button type="submit" class="button primary">
              {t('consultations.add_suggestion')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
