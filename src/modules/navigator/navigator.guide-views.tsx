import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Checkboxes, Csrf, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../views/components.js';
import { factDef } from '../enterprises/index.js';
import { formatNumber } from './navigator.explain.js';
import { SUPPORT_CATEGORIES, SUPPORT_FACTS } from './navigator.guide.js';
import type { GuideView } from './navigator.service.js';

/** How to apply, inside an enterprise's policy card: window, estimated support, materials, steps, where. */
export function GuideBlock({ ctx, guide }: { ctx: ViewContext; guide: GuideView }) {
  const { t } = ctx;
  return (
    <div class="guide">
      {(guide.applyFrom || guide.applyUntil) && (
        <p class="guide-window">
          <strong>{t('navigator.guide.window')}</strong> {guide.applyFrom ?? '…'} — {guide.applyUntil ?? '…'}
          {guide.daysLeft !== undefined && <span class={guide.daysLeft < 0 ? 'closed' : guide.daysLeft <= 14 ? 'closing' : ''}> （{guide.daysLeft < 0 ? t('navigator.guide.closed') : t('navigator.guide.days_left', { days: guide.daysLeft })}）</span>}
        </p>
      )}
      {guide.support && (
        <p class="guide-support">
          <strong>{t('navigator.guide.estimate')}</strong> {formatNumber(guide.support.amount)} {t('navigator.guide.wan')}
          {guide.support.capped && `（${t('navigator.guide.capped')}）`}
        </p>
      )}
      {guide.supportText && <p>{guide.supportText}</p>}
      {guide.materials.length > 0 && (
        <>
          <h4>{t('navigator.guide.materials')}</h4>
          <ul>
            {guide.materials.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </>
      )}
      {guide.samples.length > 0 && (
        <>
          <h4>{t('navigator.guide.samples')}</h4>
          <ul>
            {guide.samples.map((s) => (
              <li key={s.url}>
                <a href={s.url}>{s.title}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {guide.steps.length > 0 && (
        <>
          <h4>{t('navigator.guide.steps')}</h4>
          <ol>
            {guide.steps.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ol>
        </>
      )}
      {guide.onlineUrl && (
        <p>
          <a class="button primary" href={guide.onlineUrl} rel="noopener">
            {t('navigator.guide.apply_online')}
          </a>
        </p>
      )}
      {guide.office && (
        <p class="guide-office">
          <strong>{t('navigator.guide.office')}</strong> {guide.office.address}
          {guide.office.hours && ` · ${guide.office.hours}`}
          {guide.office.phone && (
            <>
              {' · '}
              <a href={`tel:${guide.office.phone.replace(/[^\d+]/g, '')}`}>{guide.office.phone}</a>
            </>
          )}
        </p>
      )}
    </div>
  );
}

/** The staff form for a policy's application guide. */
export function GuideEditPage({ ctx, policy, form, notice }: { ctx: ViewContext; policy: { id: number; title: string }; form: FormState; notice?: string }) {
  const { t } = ctx;
  const title = `${t('navigator.guide.title')}：${policy.title}`;
  const labels: Record<string, string> = {
    applyFrom: t('navigator.guide.apply_from'),
    applyUntil: t('navigator.guide.apply_until'),
    supportKind: t('navigator.guide.support_kind'),
    supportAmount: t('navigator.guide.support_amount'),
    supportFact: t('navigator.guide.support_fact'),
    supportRate: t('navigator.guide.support_rate'),
    supportCap: t('navigator.guide.support_cap'),
    supportText: t('navigator.guide.support_text'),
    materials: t('navigator.guide.materials'),
    steps: t('navigator.guide.steps'),
    onlineUrl: t('navigator.guide.online_url'),
    officeAddress: t('navigator.guide.office_address'),
    officeHours: t('navigator.guide.office_hours'),
    officePhone: t('navigator.guide.office_phone'),
  };
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/admin', label: t('nav.admin') }, { href: `/admin/policies/${policy.id}`, label: policy.title }, { label: t('navigator.guide.title') }]}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={`/admin/policies/${policy.id}/guide`} class="form" novalidate>
        <Csrf ctx={ctx} />
        <fieldset>
          <legend>{t('navigator.guide.window')}</legend>
          <Field ctx={ctx} form={form} name="applyFrom" label={labels.applyFrom!} type="date" />
          <Field ctx={ctx} form={form} name="applyUntil" label={labels.applyUntil!} type="date" />
        </fieldset>
        <fieldset>
          <legend>{t('navigator.guide.support')}</legend>
          <Select
            ctx={ctx}
            form={form}
            name="supportKind"
            label={labels.supportKind!}
            required
            options={(['none', 'fixed', 'rate'] as const).map((k) => ({ value: k, label: t(`navigator.guide.kind.${k}`) }))}
          />
          <Field ctx={ctx} form={form} name="supportAmount" label={labels.supportAmount!} hint={t('navigator.guide.support_amount_hint')} />
          <Select ctx={ctx} form={form} name="supportFact" label={labels.supportFact!} options={SUPPORT_FACTS.map((f) => ({ value: f, label: ctx.locale === 'en' ? factDef(f).labelEn : factDef(f).labelZh }))} />
          <Field ctx={ctx} form={form} name="supportRate" label={labels.supportRate!} hint={t('navigator.guide.support_rate_hint')} />
          <Field ctx={ctx} form={form} name="supportCap" label={labels.supportCap!} />
          <TextArea ctx={ctx} form={form} name="supportText" label={labels.supportText!} rows={3} />
        </fieldset>
        <Field ctx={ctx} form={form} name="exclusionGroup" label={t('navigator.guide.exclusion_group')} hint={t('navigator.guide.exclusion_group_hint')} />
        <Checkboxes ctx={ctx} form={form} name="categories" legend={t('navigator.guide.categories')} options={SUPPORT_CATEGORIES.map((c) => ({ value: c, label: c }))} />
        <TextArea ctx={ctx} form={form} name="materials" label={labels.materials!} rows={5} hint={t('navigator.guide.one_per_line')} />
        <TextArea ctx={ctx} form={form} name="steps" label={labels.steps!} rows={5} hint={t('navigator.guide.one_per_line')} />
        <fieldset>
          <legend>{t('navigator.guide.where')}</legend>
          <Field ctx={ctx} form={form} name="onlineUrl" label={labels.onlineUrl!} type="url" />
          <Field ctx={ctx} form={form} name="officeAddress" label={labels.officeAddress!} />
          <Field ctx={ctx} form={form} name="officeHours" label={labels.officeHours!} />
          <Field ctx={ctx} form={form} name="officePhone" label={labels.officePhone!} />
        </fieldset>
        <p class="hint">{t('navigator.guide.samples_hint')}</p>
        <button type="submit" class="button primary">
          {t('form.save')}
        </button>
      </form>
    </Layout>
  );
}
