import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateText, ErrorSummary, Field, Notice, Pagination, Select, TextArea, type FormState } from '../../views/components.js';
import { StatusBadge } from '../portal/portal.admin-views.js';
import { ReviewPanel, StatusFilter } from '../../views/review-panel.js';
import { POLICY_CATEGORIES, POLICY_STATUSES, POLICY_THEMES, VALIDITIES } from './policies.schema.js';
import { CARD_SECTIONS, cardField } from './policies.card.js';
import { PolicyFilesPanel, VersionsChecklist } from './policies.files.views.js';

const crumbs = (ctx: ViewContext, last?: string) => [{ href: '/admin', label: ctx.t('nav.admin') }, ...(last ? [{ href: '/admin/policies', label: ctx.t('policies.manage') }, { label: last }] : [{ label: ctx.t('policies.manage') }])];

/** Staff list of policies in their departments. */
export function AdminPoliciesPage({
  ctx,
  rows,
  total,
  page,
  pageCount,
  status,
}: {
  ctx: ViewContext;
  rows: Array<{ id: number; title: string; status: string; docNumber: string; validity: string; updatedAt: string }>;
  total: number;
  page: number;
  pageCount: number;
  status: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('policies.manage')} crumbs={crumbs(ctx)}>
      <h1>{t('policies.manage')}</h1>
      <p>
        <a class="button primary" href="/admin/policies/new">
          {t('policies.new')}
        </a>
      </p>
      <StatusFilter ctx={ctx} action="/admin/policies" status={status} statuses={POLICY_STATUSES} />
      <p class="meta">{t('policies.found', { count: total })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('portal.title')}</th>
            <th scope="col">{t('policies.doc_number')}</th>
            <th scope="col">{t('portal.status')}</th>
            <th scope="col">{t('policies.validity')}</th>
            <th scope="col">{t('portal.edited_at')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>
                <a href={`/admin/policies/${p.id}`}>{p.title}</a>
              </td>
              <td>{p.docNumber}</td>
              <td>
                <StatusBadge ctx={ctx} status={p.status} />
              </td>
              <td>{t(`policies.validity.${p.validity}` as 'policies.validity.valid')}</td>
              <td>
                <DateText iso={p.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination ctx={ctx} page={page} pageCount={pageCount} hrefFor={(n) => `/admin/policies?${status ? `status=${status}&` : ''}page=${n}`} />
    </Layout>
  );
}

/** The policy editor with its review actions. */
export function PolicyEditPage({
  ctx,
  form,
  departments,
  replaceable,
  policy,
  notice,
}: {
  ctx: ViewContext;
  form: FormState;
  departments: Array<{ id: number; name: string }>;
  replaceable: Array<{ id: number; title: string }>;
  policy?: {
    id: number;
    status: string;
    category: string;
    replacesId: number | null;
    reviewNote: string;
    validity: string;
    articleCount: number;
    actions: { edit: boolean; submit: boolean; publish: boolean; reject: boolean; changeValidity: boolean };
    missingVersions: Array<'summary' | 'graphic'>;
    attachments: Array<{ id: number; fileId: number; title: string; filename: string; size: number }>;
    graphic: { fileId: number; filename: string; alt: string } | null;
  };
  notice?: string;
}) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    indexNo: t('policies.index_no'),
    title: t('portal.title'),
    docNumber: t('policies.doc_number'),
    issuingOrgan: t('policies.issuing_organ'),
    departmentId: t('policies.department'),
    theme: t('policies.theme'),
    keywords: t('policies.keywords'),
    serviceObject: t('policies.service_object'),
    writtenOn: t('policies.written_on'),
    publishedOn: t('policies.published_on'),
    effectiveOn: t('policies.effective_on'),
    validity: t('policies.validity'),
    validityEndedOn: t('policies.validity_ended_on'),
    replacesId: t('policies.replaces_label'),
    summary: t('policies.summary'),
    body: t('policies.body'),
    note: t('portal.review_note'),
    category: t('policies.category'),
    terms: t('policies.terms'),
    cardHeadline: t('policies.card.headline'),
    ...Object.fromEntries(CARD_SECTIONS.map((s) => [cardField(s), t(`policies.card.${s}`)])),
    graphic: t('policies.graphic_file'),
    graphicAlt: t('policies.graphic_alt'),
    file: t('policies.attachment_file'),
  };
  const title = policy ? t('policies.edit') : t('policies.new');
  const validityOptions = VALIDITIES.map((v) => ({ value: v, label: t(`policies.validity.${v}`) }));
  const canEdit = !policy || policy.actions.edit;
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs(ctx, title)}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {policy && (
        <p>
          {t('portal.status')}: <StatusBadge ctx={ctx} status={policy.status} /> · {t('policies.articles_count', { count: policy.articleCount })}
          {policy.status === 'published' && (
            <>
              {' '}
              · <a href={`/policies/${policy.id}`}>{t('portal.view_public')}</a>
            </>
          )}
          {' '}
          · <a href={`/admin/interpretations/new?policyId=${policy.id}`}>{t('policies.new_interpretation')}</a> · <a href={`/admin/policies/${policy.id}/rules`}>{t('navigator.editor.rules_link')}</a> · <a href={`/admin/policies/${policy.id}/guide`}>{t('navigator.guide.title')}</a>
          {policy.replacesId !== null && (
            <>
              {' '}
              · <a href={`/admin/policies/${policy.id}/changes`}>{t('compare.manage')}</a>
            </>
          )}
        </p>
      )}
      {policy?.reviewNote && (
        <Notice kind="warning">
          {t('portal.review_note')}: {policy.reviewNote}
        </Notice>
      )}
      {policy && <VersionsChecklist ctx={ctx} missing={policy.missingVersions} category={policy.category} />}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {canEdit ? (
        <form method="post" action={policy ? `/admin/policies/${policy.id}` : '/admin/policies/new'} class="form" novalidate>
          <Csrf ctx={ctx} />
          <Field ctx={ctx} form={form} name="title" label={labels.title!} required maxLength={300} />
          <Field ctx={ctx} form={form} name="indexNo" label={labels.indexNo!} required />
          <Field ctx={ctx} form={form} name="docNumber" label={labels.docNumber!} />
          <Field ctx={ctx} form={form} name="issuingOrgan" label={labels.issuingOrgan!} required />
          <Select ctx={ctx} form={form} name="departmentId" label={labels.departmentId!} required options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />
          <Select ctx={ctx} form={form} name="theme" label={labels.theme!} required options={POLICY_THEMES.map((x) => ({ value: x, label: x }))} />
          <Select ctx={ctx} form={form} name="category" label={labels.category!} required hint={t('policies.category_hint')} options={POLICY_CATEGORIES.map((c) => ({ value: c, label: t(`policies.category.${c}`) }))} />
          <Field ctx={ctx} form={form} name="keywords" label={labels.keywords!} hint={t('policies.keywords_hint')} />
          <Field ctx={ctx} form={form} name="serviceObject" label={labels.serviceObject!} />
          <Field ctx={ctx} form={form} name="writtenOn" label={labels.writtenOn!} type="date" required />
          <Field ctx={ctx} form={form} name="publishedOn" label={labels.publishedOn!} type="date" />
          <Field ctx={ctx} form={form} name="effectiveOn" label={labels.effectiveOn!} type="date" />
          <Select ctx={ctx} form={form} name="validity" label={labels.validity!} required options={validityOptions} />
          <Field ctx={ctx} form={form} name="validityEndedOn" label={labels.validityEndedOn!} type="date" />
          <Select ctx={ctx} form={form} name="replacesId" label={labels.replacesId!} options={replaceable.filter((r) => r.id !== policy?.id).map((r) => ({ value: String(r.id), label: r.title }))} />
          <TextArea ctx={ctx} form={form} name="summary" label={labels.summary!} rows={5} hint={t('policies.summary_hint')} />
          <TextArea ctx={ctx} form={form} name="body" label={labels.body!} required rows={20} hint={t('policies.body_hint')} />
          <fieldset class="card-fields">
            <legend>{t('policies.card')}</legend>
            <p class="hint">{t('policies.card_hint')}</p>
            <Field ctx={ctx} form={form} name="cardHeadline" label={labels.cardHeadline!} maxLength={100} />
            {CARD_SECTIONS.map((s) => (
              <TextArea key={s} ctx={ctx} form={form} name={cardField(s)} label={labels[cardField(s)]!} rows={3} />
            ))}
          </fieldset>
          <TextArea ctx={ctx} form={form} name="terms" label={labels.terms!} rows={5} hint={t('policies.terms_hint')} />
          <button type="submit" class="button primary">
            {t('portal.save_draft')}
          </button>
        </form>
      ) : (
        <p class="meta">{t('policies.cannot_edit')}</p>
      )}
      {policy && <PolicyFilesPanel ctx={ctx} form={form} labels={labels} policyId={policy.id} canEdit={canEdit} attachments={policy.attachments} graphic={policy.graphic} />}
      {policy && (
        <ReviewPanel
          ctx={ctx}
          base={`/admin/policies/${policy.id}`}
          form={form}
          canReject={policy.actions.reject}
          buttons={[
            ...(policy.actions.submit ? [{ action: 'submit', label: t('portal.submit_review') }] : []),
            ...(policy.actions.publish ? [{ action: 'publish', label: t('policies.publish') }] : []),
          ]}
        >
          {policy.actions.changeValidity && (
            <form method="post" action={`/admin/policies/${policy.id}/validity`} class="form" novalidate>
              <Csrf ctx={ctx} />
              <Select ctx={ctx} form={{ values: { validity: policy.validity, ...form.values }, errors: form.errors }} name="validity" label={labels.validity!} required options={validityOptions} />
              <Field ctx={ctx} form={form} name="validityEndedOn" label={labels.validityEndedOn!} type="date" />
              <button type="submit" class="button">
                {t('policies.change_validity')}
              </button>
            </form>
          )}
        </ReviewPanel>
      )}
    </Layout>
  );
}
