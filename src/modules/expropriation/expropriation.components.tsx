import type { ViewContext } from '../../views/context.js';
import { label } from '../../views/components.js';
import type { ItemState } from './expropriation.directory.js';

// Small pieces several expropriation pages share.

/** A number in the reader's locale. */
export const num = (ctx: ViewContext, v: number): string => v.toLocaleString(ctx.locale === 'en' ? 'en-US' : 'zh-CN');

/** An amount in yuan, or a dash. */
export const yuan = (ctx: ViewContext, v: number | null): string => (v === null ? '-' : ctx.t('expropriation.yuan', { amount: num(ctx, v) }));

/** An enum value's label, e.g. expropriation.signing.signed. */
export const enumLabel = (ctx: ViewContext, group: string, v: string | null): string => (v === null ? '-' : label(ctx, `expropriation.${group}.${v}`));

/** A directory row's state as a badge (text, never colour alone). */
export function StateBadge({ ctx, state }: { ctx: ViewContext; state: ItemState }) {
  return <span class={`status-badge exp-state-${state}`}>{label(ctx, `expropriation.state.${state}`)}</span>;
}

/** "更正于 YYYY-MM-DD" when the record was corrected. */
export function Corrected({ ctx, on }: { ctx: ViewContext; on: string | null }) {
  return on ? <span class="exp-corrected">{ctx.t('expropriation.corrected_on', { date: on })}</span> : null;
}
