import type { ViewContext } from '../../views/context.js';
import { DateText, label } from '../../views/components.js';
import type { DiffPart } from './consultations.articles.js';
import type { PublicComment } from './consultations.presenter.js';
import type { RoundState } from './consultations.rules.js';

// Small pieces the public, report and staff pages share.

const STATE_BADGE: Record<RoundState, string> = { upcoming: 'phase-upcoming', open: 'status-published', closed: 'status-withdrawn', reported: 'status-in_review' };

/** A round's state as a badge (text, never colour alone). */
export function StateBadge({ ctx, state }: { ctx: ViewContext; state: RoundState }) {
  return <span class={`status-badge ${STATE_BADGE[state]}`}>{label(ctx, `consultations.state.${state}`)}</span>;
}

const DECISION_BADGE: Record<string, string> = { adopted: 'status-published', partly: 'status-in_review', not_adopted: 'status-withdrawn' };

/** A decision as a badge; "undecided" when there is none yet. */
export function DecisionBadge({ ctx, decision }: { ctx: ViewContext; decision: string | null }) {
  return <span class={`status-badge ${decision ? DECISION_BADGE[decision] : 'status-draft'}`}>{label(ctx, decision ? `consultations.decision.${decision}` : 'consultations.undecided')}</span>;
}

/** A kind of draft's name. */
export function kindLabel(ctx: ViewContext, kind: string): string {
  return label(ctx, `consultations.kind.${kind}`);
}

/** "第N条" in Chinese, "Art. N" in English; "the draft as a whole" for null. */
export function articleLabel(ctx: ViewContext, n: number | null): string {
  return n === null ? ctx.t('consultations.whole_draft') : ctx.t('consultations.article_no', { n });
}

/** The period of a round: from – to. */
export function Period({ ctx, r }: { ctx: ViewContext; r: { opensOn: string; closesOn: string } }) {
  return (
    <>
      <DateText iso={r.opensOn} /> {ctx.t('consultations.period_to')} <DateText iso={r.closesOn} />
    </>
  );
}

/** Plain text as paragraphs, one per line. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .filter(Boolean)
        .map((p, i) => (
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

/** A change between two texts: deletions struck through, insertions underlined (and named for screen readers). */
export function DiffText({ ctx, parts }: { ctx: ViewContext; parts: DiffPart[] }) {
  return (
    <p class="policy-compare">
      {parts.map((p, i) =>
        p.op === 'equal' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'insert' ? (
          <ins key={i}>
            <span class="visually-hidden">{ctx.t('consultations.diff.inserted')}</span>
            {p.text}
          </ins>
        ) : (
          <del key={i}>
            <span class="visually-hidden">{ctx.t('consultations.diff.deleted')}</span>
            {p.text}
          </del>
        ),
      )}
    </p>
  );
}

/** The published comments under an article. */
export function CommentList({ ctx, comments }: { ctx: ViewContext; comments: PublicComment[] }) {
  if (comments.length === 0) {
    return null;
  }
  return (
    <ul class="consult-comments">
      {comments.map((c) => (
        <li key={c.id}>
          <p class="meta">
            {c.commenter || ctx.t('consultations.anonymous')}
            {c.source === 'event' && `（${ctx.t('consultations.source.event')}）`} · <DateText iso={c.createdAt} />
          </p>
          <Paragraphs text={c.content} />
          {c.decision && (
            <p>
              <DecisionBadge ctx={ctx} decision={c.decision} /> {c.reason}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
