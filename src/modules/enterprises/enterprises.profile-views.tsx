import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, ErrorSummary, Field, Notice, type FormState } from '../../views/components.js';
import { ENTERPRISE_TAGS, factDef, type EnterpriseFacts, type FactKey } from './enterprises.facts.js';
import { DeclarationsTable, FactsTable, factLabel } from './enterprises.facts-view.js';

const NUMBER_FIELDS: readonly FactKey[] = ['employees', 'revenue', 'taxPaid', 'rdRatio', 'registeredCapital'];

/** The form values of the current facts (what the enterprise corrects from). */
export function profileForm(facts: EnterpriseFacts): FormState {
  const values: FormState['values'] = {};
  for (const k of [...NUMBER_FIELDS, 'town' as const]) {
    const v = facts.facts[k]?.value;
    values[k] = v === undefined ? '' : String(v);
  }
  values.tags = [...((facts.facts.tags?.value as readonly string[] | undefined) ?? [])];
  return { values, errors: {} };
}

/** The enterprise's own profile: facts with sources, the correction form, the declaration history. */
export function ProfilePage({
  ctx,
  name,
  creditCode,
  facts,
  declarations,
  form,
  notice,
}: {
  ctx: ViewContext;
  name: string;
  creditCode: string;
  facts: EnterpriseFacts;
  declarations: Array<{ id: number; factKey: string; value: string; declaredAt: string }>;
  form: FormState;
  notice?: string;
}) {
  const { t } = ctx;
  const unit = (k: FactKey) => (ctx.locale === 'en' ? factDef(k).unitEn : factDef(k).unitZh);
  const labels: Record<string, string> = {};
  for (const k of [...NUMBER_FIELDS, 'town' as const, 'tags' as const]) {
    labels[k] = factLabel(ctx, k) + (unit(k) ? `（${unit(k)}）` : '');
  }
  const selected = new Set(Array.isArray(form.values.tags) ? form.values.tags : form.values.tags ? [form.values.tags] : []);
  const tagErr = form.errors.tags;
  return (
    <Layout ctx={ctx} title={t('enterprises.profile.title')} crumbs={[{ href: '/account', label: t('account.title') }, { label: t('enterprises.profile.title') }]}>
      <h1>
        {t('enterprises.profile.title')} · {name}
      </h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t('enterprises.profile.intro')}</p>
      <p>
        {t('enterprises.credit_code')}：{creditCode}
      </p>
      <FactsTable ctx={ctx} facts={facts} caption={t('enterprises.facts')} />
      <p class="hint">{t('enterprises.derived_note')}</p>
      <h2 id="correct">{t('enterprises.profile.correct')}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action="/enterprise/profile" novalidate>
        <Csrf ctx={ctx} />
        <p class="hint">{t('enterprises.profile.correct_hint')}</p>
        {NUMBER_FIELDS.map((k) => (
          <Field key={k} ctx={ctx} form={form} name={k} label={labels[k]!} type="text" maxLength={20} />
        ))}
        <Field ctx={ctx} form={form} name="town" label={labels.town!} maxLength={50} />
        <fieldset class={tagErr ? 'field has-error' : 'field'} aria-describedby={tagErr ? 'tags-error' : undefined}>
          <legend>{labels.tags}</legend>
          {tagErr && (
            <p class="error" id="tags-error">
              {t(tagErr.key, tagErr.params)}
            </p>
          )}
          <div class="checkbox-grid">
            {ENTERPRISE_TAGS.map((tag, i) => (
              <label class="choice" key={tag} for={`tag-${i}`}>
                <input type="checkbox" id={`tag-${i}`} name="tags" value={tag} checked={selected.has(tag)} />
                <span>{tag}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" class="button primary">
          {t('enterprises.profile.submit')}
        </button>
      </form>
      <h2>{t('enterprises.declarations')}</h2>
      <DeclarationsTable ctx={ctx} declarations={declarations} />
    </Layout>
  );
}

/** Shown to an enterprise account whose credit code matches no enterprise yet. */
export function ProfileMissingPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('enterprises.profile.title')}>
      <h1>{t('enterprises.profile.title')}</h1>
      <Notice kind="warning">{t('enterprises.profile.not_found')}</Notice>
    </Layout>
  );
}
