import type { ViewContext } from '../../views/context.js';
import { label } from '../../views/components.js';
import { FLAGS } from './service-catalogue.rules.js';

// Small pieces the catalogue's pages share.

/** The flags an item carries, as badges that say it in words (never colour alone). */
export function FlagBadges({ ctx, item }: { ctx: ViewContext; item: Record<(typeof FLAGS)[number], number> }) {
  const on = FLAGS.filter((f) => item[f] === 1);
  if (on.length === 0) {
    return null;
  }
  return (
    <ul class="sc-flags" aria-label={ctx.t('serviceCatalogue.flags')}>
      {on.map((f) => (
        <li key={f}>
          <span class="status-badge status-published">{label(ctx, `serviceCatalogue.flag.${f}`)}</span>
        </li>
      ))}
    </ul>
  );
}

/** A working-day limit in words: “same day” for 0. */
export function daysText(ctx: ViewContext, n: number): string {
  return n === 0 ? ctx.t('serviceCatalogue.same_day') : ctx.t('serviceCatalogue.days', { n });
}

/** A department's name in the page's language. */
export function deptName(ctx: ViewContext, d: { departmentZh: string; departmentEn: string }): string {
  return ctx.locale === 'en' && d.departmentEn ? d.departmentEn : d.departmentZh;
}

/** The public URL of an item page. */
export function itemUrl(code: string): string {
  return `/services/items/${encodeURIComponent(code)}`;
}

/** A number in the page's locale. */
export function num(ctx: ViewContext, n: number): string {
  return n.toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'zh-CN');
}
