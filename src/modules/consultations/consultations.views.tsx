import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../views/components.js';
import type { ListedDraft, PublicArticle, publicDraft, roundDiff } from './consultations.read.js';
import { COMMENT_MAX, COMMENT_MIN } from './consultations.schema.js';
import { CommentList, DiffText, Paragraphs, Period, StateBadge, articleLabel, kindLabel } from './consultations.parts.js';

type DraftData = Awaited<ReturnType<typeof publicDraft>>;
type DiffData = Awaited<ReturnType<typeof roundDiff>>;

const draftUrl = (id: number, seq?: number) => (seq === undefined ? `/consultations/${id}` : `/consultations/${id}/rounds/${seq}`);

function DraftList({ ctx, drafts, showDays }: { ctx: ViewContext; drafts: ListedDraft[]; showDays?: boolean }) {
  if (drafts.length === 0) {
    return <p>{ctx.t('consultations.none')}</p>;
  }
  return (
    <ul class="consult-list">
      {drafts.map((d) => (
        <li key={d.id}>
          <a href={draftUrl(d.id)}>{d.title}</a>
          <p class="meta">
            {kindLabel(ctx, d.kind)} · {ctx.t('consultations.round_no', { n: d.seq })} · <Period ctx={ctx} r={d} /> · <StateBadge ctx={ctx} state={d.state} />
            {showDays && <strong> {ctx.t('consultations.days_left', { n: d.daysLeft })}</strong>}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** /consultations: open now (with days remaining), upcoming, closed. */
export function ListPage({ ctx, data }: { ctx: ViewContext; data: { open: ListedDraft[]; upcoming: ListedDraft[]; closed: ListedDraft[] } }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('consultations.title')}>
      <h1>{t('consultations.title')}</h1>
      <p class="lead">{t('consultations.intro')}</p>
      <h2>{t('consultations.open_now')}</h2>
      <DraftList ctx={ctx} drafts={data.open} showDays />
      {data.upcoming.length > 0 && (
        <>
          <h2>{t('consultations.upcoming')}</h2>
          <DraftList ctx={ctx} drafts={data.upcoming} />
        </>
      )}
      <h2>{t('consultations.closed')}</h2>
      <DraftList ctx={ctx} drafts={data.closed} />
    </Layout>
  );
}

function ArticleBlock({ ctx, a, draftId, seq, open }: { ctx: ViewContext; a: PublicArticle; draftId: number; seq: number; open: boolean }) {
  const { t } = ctx;
  return (
    <section class="consult-article" id={`a${a.number}`} aria-labelledby={`a${a.number}-h`}>
      <h3 id={`a${a.number}-h`}>
        {articleLabel(ctx, a.number)} {a.heading}
        {a.former.length > 0 && <span class="meta"> （{t('consultations.former', { n: a.former.join('、') })}）</span>}
      </h3>
      <Paragraphs text={a.body} />
      <p class="meta">
        {t('consultations.comment_count', { n: a.comments.length })}
        {a.earlierComments > 0 && ` · ${t('consultations.earlier_comments', { n: a.earlierComments })}`}
        {open && (
          <>
            {' · '}
            <a href={`/consultations/${draftId}/rounds/${seq}/comment?article=${a.id}`}>{t('consultations.comment_on', { article: articleLabel(ctx, a.number) })}</a>
          </>
        )}
      </p>
      <CommentList ctx={ctx} comments={a.comments} />
    </section>
  );
}

/** A draft: its facts, its rounds with period, state and report, and the chosen round's articles with comments. */
export function DraftPage({ ctx, data, sent }: { ctx: ViewContext; data: DraftData; sent: boolean }) {
  const { t } = ctx;
  const { draft, round } = data;
  const open = data.state === 'open';
  let chapter = '';
  return (
    <Layout ctx={ctx} title={draft.title} crumbs={[{ href: '/consultations', label: t('consultations.title') }, { label: draft.title }]}>
      <h1>{draft.title}</h1>
      {sent && <Notice kind="success">{t('consultations.sent_notice')}</Notice>}
      <dl class="facts">
        <dt>{t('consultations.kind')}</dt>
        <dd>{kindLabel(ctx, draft.kind)}</dd>
        <dt>{t('consultations.department')}</dt>
        <dd>{data.department}</dd>
        {draft.contact && (
          <>
            <dt>{t('consultations.contact_office')}</dt>
            <dd>{draft.contact}</dd>
          </>
        )}
      </dl>
      {draft.summary && <Paragraphs text={draft.summary} />}
      <h2>{t('consultations.rounds')}</h2>
      <table class="consult-table">
        <thead>
          <tr>
            <th scope="col">{t('consultations.round')}</th>
            <th scope="col">{t('consultations.period')}</th>
            <th scope="col">{t('consultations.status')}</th>
            <th scope="col">{t('consultations.published_comments')}</th>
            <th scope="col">{t('consultations.report')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rounds.map((r) => (
            <tr key={r.round.id}>
              <td>{r.round.seq === round.seq ? t('consultations.round_no', { n: r.round.seq }) : <a href={draftUrl(draft.id, r.round.seq)}>{t('consultations.round_no', { n: r.round.seq })}</a>}</td>
              <td>
                <Period ctx={ctx} r={r.round} />
              </td>
              <td>
                <StateBadge ctx={ctx} state={r.state} />
              </td>
              <td>{r.comments}</td>
              <td>{r.round.reportPublishedAt ? <a href={`/consultations/${draft.id}/rounds/${r.round.seq}/report`}>{t('consultations.report_link', { n: r.round.seq })}</a> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>
        {t('consultations.round_text', { n: round.seq })} <StateBadge ctx={ctx} state={data.state} />
      </h2>
      <p class="meta">
        {t('consultations.period')}：<Period ctx={ctx} r={round} />
        {open && ` · ${t('consultations.days_left', { n: data.daysLeft })}`}
        {round.seq > 1 && (
          <>
            {' · '}
            <a href={`/consultations/${draft.id}/rounds/${round.seq}/diff`}>{t('consultations.diff_link', { n: round.seq - 1 })}</a>
          </>
        )}
      </p>
      {round.shortenedReason && <p>{t('consultations.shortened_reason', { reason: round.shortenedReason })}</p>}
      {round.changeNote && (
        <section class="change-note" aria-labelledby="change-h">
          <h3 id="change-h">{t('consultations.change_note')}</h3>
          <Paragraphs text={round.changeNote} />
        </section>
      )}
      {open && (
        <p>
          <a class="button primary" href={`/consultations/${draft.id}/rounds/${round.seq}/comment`}>
            {t('consultations.comment_whole')}
          </a>
        </p>
      )}
      {data.articles.map((a) => {
        const head = a.chapter !== chapter && a.chapter ? <h3 class="consult-chapter">{a.chapter}</h3> : null;
        chapter = a.chapter;
        return (
          <div key={a.id}>
            {head}
            <ArticleBlock ctx={ctx} a={a} draftId={draft.id} seq={round.seq} open={open} />
          </div>
        );
      })}
      {data.general.length > 0 && (
        <section aria-labelledby="general-h">
          <h3 id="general-h">{t('consultations.general_comments')}</h3>
          <CommentList ctx={ctx} comments={data.general} />
        </section>
      )}
    </Layout>
  );
}

const formLabels = (ctx: ViewContext) => ({
  articleId: ctx.t('consultations.article'),
  content: ctx.t('consultations.content'),
  commenterName: ctx.t('consultations.commenter_name'),
  contact: ctx.t('consultations.contact'),
});

/** The comment form of an open round (an article chosen, or the draft as a whole). */
export function CommentPage({ ctx, form, data, enterpriseName }: { ctx: ViewContext; form: FormState; data: DraftData; enterpriseName: string | undefined }) {
  const { t } = ctx;
  const { draft, round } = data;
  const title = t('consultations.comment_title', { title: draft.title });
  const chosen = data.articles.find((a) => String(a.id) === form.values.articleId);
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/consultations', label: t('consultations.title') }, { href: `/consultations/${draft.id}`, label: draft.title }, { label: t('consultations.comment') }]}>
      <h1>{title}</h1>
      <p class="lead">{t('consultations.comment_intro', { date: round.closesOn, n: data.daysLeft })}</p>
      {chosen && (
        <blockquote class="consult-quote">
          <p>
            <strong>
              {articleLabel(ctx, chosen.number)} {chosen.heading}
            </strong>
          </p>
          <Paragraphs text={chosen.body} />
        </blockquote>
      )}
      <ErrorSummary ctx={ctx} form={form} labels={formLabels(ctx)} />
      <form method="post" action={`/consultations/${draft.id}/rounds/${round.seq}/comments`} class="form">
        <Csrf ctx={ctx} />
        <Select ctx={ctx} form={form} name="articleId" label={t('consultations.article')} hint={t('consultations.article_hint')} options={data.articles.map((a) => ({ value: String(a.id), label: `${articleLabel(ctx, a.number)} ${a.heading}`.trim() }))} />
        <TextArea ctx={ctx} form={form} name="content" label={t('consultations.content')} hint={t('consultations.content_hint', { min: COMMENT_MIN, max: COMMENT_MAX })} required rows={8} />
        {enterpriseName ? (
          <p>{t('consultations.as_enterprise', { name: enterpriseName })}</p>
        ) : (
          <Field ctx={ctx} form={form} name="commenterName" label={t('consultations.commenter_name')} hint={t('consultations.commenter_name_hint')} maxLength={30} autoComplete="name" />
        )}
        <Field ctx={ctx} form={form} name="contact" label={t('consultations.contact')} hint={t('consultations.contact_hint')} maxLength={200} />
        <button type="submit" class="button primary">
          {t('consultations.send')}
        </button>
      </form>
    </Layout>
  );
}

/** The per-article comparison of a round with the previous one. */
export function DiffPage({ ctx, data }: { ctx: ViewContext; data: DiffData }) {
  const { t } = ctx;
  const title = t('consultations.diff_title', { from: data.prev.seq, to: data.round.seq });
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/consultations', label: t('consultations.title') }, { href: `/consultations/${data.draft.id}`, label: data.draft.title }, { label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{data.draft.title}</p>
      {data.round.changeNote && <Paragraphs text={data.round.changeNote} />}
      {data.rows.map((r, i) => (
        <section key={i} class="compare-row" aria-labelledby={`d${i}`}>
          <h2 id={`d${i}`}>
            {r.number === null ? t('consultations.removed_article', { n: r.former[0]?.number ?? 0 }) : `${articleLabel(ctx, r.number)} ${r.heading}`}{' '}
            <span class={`compare-badge compare-badge-${r.kind === 'merged' ? 'moved' : r.kind}`}>{t(`consultations.diff.kind.${r.kind}`)}</span>
          </h2>
          {r.number !== null && r.former.length > 0 && <p class="meta">{t('consultations.former', { n: r.former.map((f) => f.number).join('、') })}</p>}
          <DiffText ctx={ctx} parts={r.parts} />
        </section>
      ))}
    </Layout>
  );
}
