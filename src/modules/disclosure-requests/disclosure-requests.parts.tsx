import type { ViewContext } from '../../views/context.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import { DateTimeText } from '../../views/components.js';
import { describeClock } from './disclosure-requests.clock.js';
import type { CaseDetail } from './disclosure-requests.service.js';

/** The label of a code in one of the module's vocabularies (category, state, outcome …). */
export function code(ctx: ViewContext, group: string, value: string | null | undefined): string {
  return value ? ctx.t(`disclosureRequests.${group}.${value}` as MessageKey) : '';
}

/** A field label. */
export function fieldLabel(ctx: ViewContext, name: string): string {
  return ctx.t(`disclosureRequests.field.${name}` as MessageKey);
}

/** Options of a select from a code list. */
export function options(ctx: ViewContext, group: string, values: readonly string[]): Array<{ value: string; label: string }> {
  return values.map((v) => ({ value: v, label: code(ctx, group, v) }));
}

/** Field labels for an error summary. */
export function labelsOf(ctx: ViewContext, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, fieldLabel(ctx, n)]));
}

/** The state as a badge. */
export function StateBadge({ ctx, state }: { ctx: ViewContext; state: string }) {
  return <span class={`badge state-${state}`}>{code(ctx, 'state', state)}</span>;
}

/** The deadline and every step of how it was computed (shown to staff and applicant alike). */
export function ClockPanel({ ctx, d }: { ctx: ViewContext; d: CaseDetail }) {
  const { t } = ctx;
  const lines = describeClock(d.clock, ctx.locale === 'en' ? 'en' : 'zh-CN');
  return (
    <section aria-labelledby="clock-h" class="panel">
      <h2 id="clock-h">{t('disclosureRequests.clock.title')}</h2>
      {d.row.receivedOn === null && <p>{t('disclosureRequests.awaiting_confirmation')}</p>}
      {d.clock.correctionDueOn && <p class="notice warning">{t('disclosureRequests.clock.correction_due', { date: d.clock.correctionDueOn })}</p>}
      {d.clock.stoppedBy && d.clock.stoppedBy !== 'correction' && <p>{t('disclosureRequests.clock.stopped', { reason: t(`disclosureRequests.action.${d.clock.stoppedBy === 'fee' ? 'issue_fee' : d.clock.stoppedBy === 'co_agency' ? 'consult_agency' : 'consult_third_party'}`) })}</p>}
      {lines.length > 0 && (
        <ol class="clock-steps">
          {lines.map((l) => (
            <li>{l}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The timeline of a case. */
export function Timeline({ ctx, d }: { ctx: ViewContext; d: CaseDetail }) {
  return (
    <section aria-labelledby="timeline-h">
      <h2 id="timeline-h">{ctx.t('disclosureRequests.timeline')}</h2>
      <ol class="timeline">
        {d.events.map((e) => (
          <li>
            <DateTimeText iso={e.at} /> · {code(ctx, 'action', e.action)} → {code(ctx, 'state', e.stateTo)}
            {e.note && e.action !== 'submit' ? <p class="meta">{e.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Paragraphs of a plain text (line breaks kept, everything escaped). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .filter((p) => p.trim() !== '')
        .map((p) => (
          <p>{p}</p>
        ))}
    </>
  );
}
