import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Checkboxes, ErrorSummary, Field, Select, type FormState } from '../../views/components.js';
import { ENTERPRISE_TAGS, ENTERPRISE_TYPES, INDUSTRY_SECTIONS, SIZES } from '../enterprises/index.js';
import { formatNumber } from './navigator.explain.js';
import { SUPPORT_CATEGORIES } from './navigator.guide.js';
import type { CalculatorResult } from './navigator.calculator.js';

const SIZE_ZH = { micro: '微型', small: '小型', medium: '中型', large: '大型' } as const;

/** The calculator: a GET form of optional questions, and the policies that fit the answers. */
export function CalculatorPage({ ctx, form, results, asked }: { ctx: ViewContext; form: FormState; results: CalculatorResult[]; asked: boolean }) {
  const { t } = ctx;
  const en = ctx.locale === 'en';
  const labels: Record<string, string> = {
    industryCode: t('navigator.calc.industry'),
    enterpriseType: t('navigator.calc.type'),
    size: t('navigator.calc.size'),
    town: t('navigator.calc.town'),
    foundedOn: t('navigator.calc.founded'),
    employees: t('navigator.calc.employees'),
    revenue: t('navigator.calc.revenue'),
    taxPaid: t('navigator.calc.tax'),
    rdRatio: t('navigator.calc.rd'),
    tags: t('navigator.calc.tags'),
    category: t('navigator.calc.category'),
  };
  const groups = (['met', 'near', 'unknown'] as const).map((v) => ({ v, items: results.filter((r) => r.verdict === v) }));
  return (
    <Layout ctx={ctx} title={t('navigator.calc.title')} crumbs={[{ href: '/navigator', label: t('nav.navigator') }, { label: t('navigator.calc.title') }]}>
      <h1>{t('navigator.calc.title')}</h1>
      <p>{t('navigator.calc.intro')}</p>
      {!ctx.user && (
        <p class="notice notice-info" role="note">
          {t('navigator.calc.login_hint')} <a href="/login?next=%2Fnavigator">{t('auth.login')}</a>
        </p>
      )}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="get" action="/navigator/calculator" class="form calculator" novalidate>
        <fieldset>
          <legend>{t('navigator.calc.quick')}</legend>
          <Select ctx={ctx} form={form} name="category" label={labels.category!} options={SUPPORT_CATEGORIES.map((c) => ({ value: c, label: c }))} />
          <Field ctx={ctx} form={form} name="industryCode" label={labels.industryCode!} hint={t('navigator.calc.industry_hint', { sections: INDUSTRY_SECTIONS.filter((s) => 'CFGIM'.includes(s.letter)).map((s) => `${s.letter} ${en ? s.nameEn : s.nameZh}`).join('；') })} />
          <Select ctx={ctx} form={form} name="enterpriseType" label={labels.enterpriseType!} options={ENTERPRISE_TYPES.map((c) => ({ value: c, label: c }))} />
        </fieldset>
        <fieldset>
          <legend>{t('navigator.calc.more')}</legend>
          <Select ctx={ctx} form={form} name="size" label={labels.size!} hint={t('navigator.calc.size_hint')} options={SIZES.map((s) => ({ value: s, label: en ? s : SIZE_ZH[s] }))} />
          <Field ctx={ctx} form={form} name="town" label={labels.town!} />
          <Field ctx={ctx} form={form} name="foundedOn" label={labels.foundedOn!} type="date" />
          <Field ctx={ctx} form={form} name="employees" label={labels.employees!} />
          <Field ctx={ctx} form={form} name="revenue" label={labels.revenue!} />
          <Field ctx={ctx} form={form} name="taxPaid" label={labels.taxPaid!} />
          <Field ctx={ctx} form={form} name="rdRatio" label={labels.rdRatio!} />
          <Checkboxes ctx={ctx} form={form} name="tags" legend={labels.tags!} options={ENTERPRISE_TAGS.map((c) => ({ value: c, label: c }))} />
        </fieldset>
        <button type="submit" class="button primary">
          {t('navigator.calc.submit')}
        </button>
      </form>
      {asked && (
        <section aria-labelledby="calc-results-h" aria-live="polite">
          <h2 id="calc-results-h">{t('navigator.calc.results', { count: results.length })}</h2>
          {results.length === 0 && <p>{t('navigator.calc.none')}</p>}
          {groups
            .filter((g) => g.items.length > 0)
            .map((g) => (
              <section key={g.v} aria-labelledby={`calc-${g.v}-h`}>
                <h3 id={`calc-${g.v}-h`}>
                  {t(`navigator.my.${g.v}`)}（{g.items.length}）
                </h3>
                <ol class="my-policy-list">
                  {g.items.map((r) => (
                    <li key={r.policy.id} class="card">
                      <h4>
                        <a href={`/policies/${r.policy.id}`}>{r.policy.title}</a>
                      </h4>
                      <p class="meta">
                        {r.policy.docNumber}
                        {r.categories.length > 0 && ` · ${r.categories.join('、')}`}
                      </p>
                      {r.support && (
                        <p class="guide-support">
                          <strong>{t('navigator.guide.estimate')}</strong> {formatNumber(r.support.amount)} {t('navigator.guide.wan')}
                        </p>
                      )}
                      <ul class="reasons">
                        {r.lines.map((l) => (
                          <li key={l.id} class={`reason reason-${l.verdict}${l.decisive ? ' reason-decisive' : ''}`}>
                            <span class="reason-mark">{t(`navigator.verdict.${l.verdict}`)}</span> {l.text}
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ol>
              </section>
            ))}
        </section>
      )}
    </Layout>
  );
}
