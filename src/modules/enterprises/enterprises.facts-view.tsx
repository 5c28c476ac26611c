import type { ViewContext } from '../../views/context.js';
import { DateText, DateTimeText } from '../../views/components.js';
import { FACTS, factDef, type EnterpriseFacts, type FactKey, type FactValue } from './enterprises.facts.js';
import { describeIndustry } from './enterprises.industry.js';

// The facts table shared by the staff page and the enterprise's own profile: every value with its
// source and date.

/** A fact's label in the reader's language. */
export const factLabel = (ctx: ViewContext, key: FactKey): string => (ctx.locale === 'en' ? factDef(key).labelEn : factDef(key).labelZh);

/** A fact's value as text (unit, size word, industry name, tag list). */
export function factText(ctx: ViewContext, key: FactKey, v: FactValue['value']): string {
  const def = factDef(key);
  if (Array.isArray(v)) {
    return v.length === 0 ? '-' : v.join('、');
  }
  if (key === 'size') {
    return ctx.t(`enterprises.size.${String(v)}` as 'enterprises.size.micro');
  }
  if (key === 'industryCode') {
    const d = describeIndustry(String(v));
    return `${String(v)} ${d.divisionName ?? ''}`.trim();
  }
  const unit = ctx.locale === 'en' ? def.unitEn : def.unitZh;
  return unit ? `${String(v)} ${unit}` : String(v);
}

/** The facts table. */
export function FactsTable({ ctx, facts, caption }: { ctx: ViewContext; facts: EnterpriseFacts; caption: string }) {
  const { t } = ctx;
  return (
    <table class="facts-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('enterprises.fact')}</th>
          <th scope="col">{t('enterprises.value')}</th>
          <th scope="col">{t('enterprises.source')}</th>
          <th scope="col">{t('enterprises.as_of')}</th>
        </tr>
      </thead>
      <tbody>
        {FACTS.map((d) => {
          const f = facts.facts[d.key];
          return (
            <tr key={d.key} data-fact={d.key}>
              <th scope="row">{factLabel(ctx, d.key)}</th>
              <td>{f ? factText(ctx, d.key, f.value) : t('enterprises.unknown')}</td>
              <td>{f ? <span class={`fact-source fact-source-${f.source}`}>{t(`enterprises.source.${f.source}`)}</span> : '-'}</td>
              <td>{f ? <DateText iso={f.asOf} /> : '-'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The declaration history, newest first. */
export function DeclarationsTable({ ctx, declarations }: { ctx: ViewContext; declarations: Array<{ id: number; factKey: string; value: string; declaredAt: string }> }) {
  const { t } = ctx;
  if (declarations.length === 0) {
    return <p>{t('enterprises.declarations_none')}</p>;
  }
  return (
    <table>
      <caption>{t('enterprises.declarations')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('enterprises.declared_at')}</th>
          <th scope="col">{t('enterprises.fact')}</th>
          <th scope="col">{t('enterprises.declared_value')}</th>
        </tr>
      </thead>
      <tbody>
        {declarations.map((d) => (
          <tr key={d.id}>
            <td>
              <DateTimeText iso={d.declaredAt} />
            </td>
            <td>{factLabel(ctx, d.factKey as FactKey)}</td>
            <td>{factText(ctx, d.factKey as FactKey, JSON.parse(d.value) as FactValue['value'])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
