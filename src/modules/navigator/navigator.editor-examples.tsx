import type { ViewContext } from '../../views/context.js';
import { Checkboxes, Csrf, ErrorSummary, Field, Select, type FormState } from '../../views/components.js';
import type { FactDef } from '../enterprises/enterprises.facts.js';
import type { RuleEditorData } from './navigator.editor-views.js';
import { formatValue } from './navigator.explain.js';
import { NO_TAGS, TESTABLE_FACTS } from './navigator.form.js';

// The worked examples (测试案例) of a policy's rule: the list with expected vs actual, and the form to add one.

const factLabel = (ctx: ViewContext, f: FactDef) => (ctx.locale === 'en' ? f.labelEn : f.labelZh);

/** The facts of a worked example, in words. */
function exampleFacts(ctx: ViewContext, facts: RuleEditorData['examples'][number]['facts']): string {
  return TESTABLE_FACTS.filter((f) => facts[f.key] !== undefined)
    .map((f) => `${factLabel(ctx, f)}：${formatValue(f.key, facts[f.key]!.value as string, ctx.locale)}`)
    .join('；');
}

/** The examples section of the rule editor page. */
export function ExamplesBlock({ ctx, data, form }: { ctx: ViewContext; data: RuleEditorData; form: FormState }) {
  const { t } = ctx;
  const base = `/admin/policies/${data.policy.id}/rules`;
  const expectOptions = (['met', 'not_met', 'near', 'unknown'] as const).map((v) => ({ value: v, label: t(`navigator.editor.expect.${v}`) }));
  return (
    <section aria-labelledby="examples-title" id="examples">
      <h2 id="examples-title">{t('navigator.editor.examples')}</h2>
      <p>{t('navigator.editor.examples_intro')}</p>
      {data.examples.length === 0 ? (
        <p>{t('navigator.editor.no_examples')}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('navigator.editor.ex_name')}</th>
              <th scope="col">{t('navigator.editor.ex_date')}</th>
              <th scope="col">{t('navigator.editor.ex_expected')}</th>
              <th scope="col">{t('navigator.editor.ex_actual')}</th>
              <th scope="col">{t('navigator.editor.ex_pass')}</th>
              <th scope="col">{t('navigator.editor.ex_delete')}</th>
            </tr>
          </thead>
          <tbody>
            {data.examples.map((e) => (
              <tr key={e.id} class={e.pass ? 'example-pass' : 'example-fail'}>
                <th scope="row">
                  {e.name}
                  <div class="hint">{exampleFacts(ctx, e.facts)}</div>
                </th>
                <td>{e.referenceDate}</td>
                <td>{t(`navigator.editor.expect.${e.expected}`)}</td>
                <td>{t(`navigator.editor.expect.${e.actual}`)}</td>
                <td>{e.pass ? `✓ ${t('navigator.editor.ex_pass')}` : `✗ ${t('navigator.editor.ex_fail')}`}</td>
                <td>
                  <form method="post" action={`${base}/examples/${e.id}/delete`}>
                    <Csrf ctx={ctx} />
                    <button type="submit" class="button secondary" aria-label={`${t('navigator.editor.ex_delete')}：${e.name}`}>
                      {t('navigator.editor.ex_delete')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('navigator.editor.ex_add')}</h3>
      <ErrorSummary ctx={ctx} form={form} labels={{ name: t('navigator.editor.ex_name'), referenceDate: t('navigator.editor.ex_date'), expected: t('navigator.editor.ex_expected') }} />
      <form method="post" action={`${base}/examples`} class="form" novalidate>
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={form} name="name" label={t('navigator.editor.ex_name')} required />
        <Field ctx={ctx} form={form} name="referenceDate" label={t('navigator.editor.ex_date')} type="date" required />
        <Select ctx={ctx} form={form} name="expected" label={t('navigator.editor.ex_expected')} options={expectOptions} required />
        <fieldset>
          <legend>{t('navigator.editor.ex_facts')}</legend>
          {TESTABLE_FACTS.map((f) => {
            const name = `fact.${f.key}`;
            const label = `${factLabel(ctx, f)}${f.unitZh ? `（${ctx.locale === 'en' ? f.unitEn : f.unitZh}）` : ''}`;
            if (f.type === 'set') {
              return <Checkboxes key={f.key} ctx={ctx} form={form} name={name} legend={label} options={[...(f.choices ?? []).map((c) => ({ value: c, label: c })), { value: NO_TAGS, label: t('navigator.editor.ex_no_tags') }]} />;
            }
            if (f.type === 'choice' && f.choices) {
              return <Select key={f.key} ctx={ctx} form={form} name={name} label={label} options={f.choices.map((c) => ({ value: c, label: formatValue(f.key, c, ctx.locale) }))} />;
            }
            return <Field key={f.key} ctx={ctx} form={form} name={name} label={label} type={f.type === 'date' ? 'date' : 'text'} />;
          })}
        </fieldset>
        <button type="submit" class="button primary">
          {t('navigator.editor.ex_add')}
        </button>
      </form>
    </section>
  );
}

