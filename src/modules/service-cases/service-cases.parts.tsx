import type { ViewContext } from '../../views/context.js';
import { DateText, DateTimeText, label } from '../../views/components.js';
import type { CaseEventRow } from './service-cases.repository.js';
import { dueState, RUNNING_STATUSES, type CaseStatus } from './service-cases.status.js';
import type { FormField } from './service-cases.rules.js';

// Small pieces the applicant and staff case pages share.

const BADGE: Record<string, string> = {
  submitted: 'status-in_review',
  correction_requested: 'status-draft',
  resubmitted: 'status-in_review',
  accepted: 'status-in_review',
  in_review: 'status-in_review',
  approved: 'status-published',
  refused: 'status-rejected',
  not_accepted: 'status-rejected',
  ready_for_delivery: 'status-published',
  delivered: 'status-published',
  withdrawn: 'status-withdrawn',
};

/** A case's status as a badge (text, never colour alone). */
export function StatusBadge({ ctx, status }: { ctx: ViewContext; status: string }) {
  return <span class={`status-badge ${BADGE[status] ?? 'status-draft'}`}>{label(ctx, `serviceCases.status.${status}`)}</span>;
}

/** The due date with its state (overdue, due soon) while the limit runs. */
export function DueText({ ctx, status, dueOn, today }: { ctx: ViewContext; status: string; dueOn: string | null; today: string }) {
  if (!dueOn) {
    return <span>{ctx.t('serviceCases.due_not_started')}</span>;
  }
  const running = RUNNING_STATUSES.includes(status as CaseStatus);
  const state = running ? dueState(dueOn, today) : 'none';
  return (
    <span>
      <DateText iso={dueOn} />
      {(state === 'overdue' || state === 'due_soon') && (
        <>
          {' '}
          <span class={`status-badge ${state === 'overdue' ? 'status-rejected' : 'status-draft'}`}>{label(ctx, `serviceCases.due.${state}`)}</span>
        </>
      )}
    </span>
  );
}

/** The case's timeline, oldest first; staff see who acted, applicants see the window or department. */
export function Timeline({ ctx, events, showActor }: { ctx: ViewContext; events: CaseEventRow[]; showActor: boolean }) {
  return (
    <ol class="inbox-list">
      {events.map((e) => (
        <li key={e.id} class="inbox-item">
          <p class="inbox-title">
            {label(ctx, `serviceCases.action.${e.action}`)} → {label(ctx, `serviceCases.status.${e.toStatus}`)}
          </p>
          <p class="inbox-meta">
            <DateTimeText iso={e.at} />
            {showActor && ` · ${e.actorName}`}
          </p>
          {e.note && <NoteLines text={e.note} />}
        </li>
      ))}
    </ol>
  );
}

/** The submitted data, labelled by the form. */
export function DataList({ fields, data }: { fields: FormField[]; data: Record<string, string | number> }) {
  return (
    <dl class="facts">
      {fields.map((f) => (
        <>
          <dt>{f.label}</dt>
          <dd>{data[f.key] === undefined || data[f.key] === '' ? '—' : String(data[f.key])}</dd>
        </>
      ))}
    </dl>
  );
}

/** The label of a rating level (5 非常满意 … 1 非常不满意). */
export function levelLabel(ctx: ViewContext, level: number): string {
  return label(ctx, `serviceCases.level.${level}`);
}

/** A multi-line note, one paragraph per line. */
export function NoteLines({ text }: { text: string }) {
  return (
    <>
      {text.split('\n').map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </>
  );
}
