import type { ViewContext } from '../../views/context.js';
import { DateText, DateTimeText, label } from '../../views/components.js';
import { departmentName, type DepartmentRow } from '../departments/index.js';
import type { SuggestionEventRow } from './open-day-suggestions.repository.js';
import { parseNote } from './open-day-suggestions.presenter.js';
import type { DueState } from './open-day-suggestions.status.js';

// Small pieces the public, tracker and staff pages share.

const BADGE: Record<string, string> = {
  received: 'status-in_review',
  routed: 'status-in_review',
  answered: 'status-published',
  converted: 'status-published',
  partly_adopted: 'status-published',
  explained: 'status-published',
  not_adopted: 'status-draft',
  merged: 'status-withdrawn',
  split: 'status-withdrawn',
  rejected: 'status-rejected',
};

/** A suggestion's status as a badge (text, never colour alone). */
export function StatusBadge({ ctx, status }: { ctx: ViewContext; status: string }) {
  return <span class={`status-badge ${BADGE[status] ?? 'status-draft'}`}>{label(ctx, `suggestions.status.${status}`)}</span>;
}

/** Where a suggestion stands against its deadline, as a badge (nothing when there is no deadline). */
export function DueBadge({ ctx, state }: { ctx: ViewContext; state: DueState }) {
  if (state === 'none') {
    return null;
  }
  const cls = state === 'overdue' || state === 'answered_late' ? 'status-rejected' : state === 'due_soon' ? 'status-in_review' : 'status-published';
  return <span class={`status-badge ${cls}`}>{label(ctx, `suggestions.due.${state}`)}</span>;
}

/** A category's name. */
export function categoryLabel(ctx: ViewContext, category: string): string {
  return label(ctx, `suggestions.category.${category}`);
}

/** A unit's name in the page's language, or a dash. */
export function unitName(ctx: ViewContext, departments: Map<number, DepartmentRow>, id: number | null): string {
  const d = id === null ? undefined : departments.get(id);
  return d ? departmentName(d, ctx.locale) : '-';
}

/** One sentence per step of the path. */
function stepText(ctx: ViewContext, e: SuggestionEventRow, departments: Map<number, DepartmentRow>): string {
  const n = parseNote(e.note);
  switch (e.status) {
    case 'routed':
      return ctx.t('suggestions.step.routed', { unit: unitName(ctx, departments, n.departmentId ?? null), dueOn: n.dueOn ?? '-' });
    case 'merged':
      return ctx.t('suggestions.step.merged', { code: n.into ?? '-' });
    case 'split':
      return ctx.t('suggestions.step.split', { codes: (n.parts ?? []).join('、') });
    case 'received':
      return n.from ? ctx.t('suggestions.step.received_split', { code: n.from }) : label(ctx, 'suggestions.step.received');
    case 'rejected':
      return ctx.t('suggestions.step.rejected', { kind: label(ctx, `suggestions.reject_kind.${n.kind ?? 'spam'}`) });
    default:
      return label(ctx, `suggestions.step.${e.status}`);
  }
}

/** The public path: every step with its time, oldest first. */
export function PathList({ ctx, events, departments }: { ctx: ViewContext; events: SuggestionEventRow[]; departments: Map<number, DepartmentRow> }) {
  return (
    <ol class="suggestion-path">
      {events.map((e) => (
        <li key={e.id}>
          <DateTimeText iso={e.at} /> {stepText(ctx, e, departments)}
        </li>
      ))}
    </ol>
  );
}

/** A measure's progress as text with its due date. */
export function MeasureProgress({ ctx, progress, dueOn }: { ctx: ViewContext; progress: string; dueOn: string | null }) {
  return (
    <span>
      <span class={`status-badge ${progress === 'done' ? 'status-published' : 'status-in_review'}`}>{label(ctx, `suggestions.progress.${progress}`)}</span>
      {dueOn && (
        <>
          {' '}
          {ctx.t('suggestions.measure_due')} <DateText iso={dueOn} />
        </>
      )}
    </span>
  );
}

/** The first characters of a text, for lists. */
export function excerpt(text: string, max = 80): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}

/** A text as paragraphs, one per non-empty line. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l, i) => (
          <p key={i}>{l}</p>
        ))}
    </>
  );
}
