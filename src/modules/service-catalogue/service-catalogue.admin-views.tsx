import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Checkboxes, Csrf, ErrorSummary, Field, Notice, Pagination, Select, TextArea, label, type FormState } from '../../views/components.js';
import { AUDIENCES, CASE_TYPES, FLAGS, ITEM_TYPES, LEVELS, ONLINE_DEPTHS, STATUSES, VARIANTS } from './service-catalogue.rules.js';
import type { AdminFilter } from './service-catalogue.schema.js';
import type { ListRow } from './service-catalogue.repository.js';
import { FlagBadges, deptName, itemUrl } from './service-catalogue.components.js';

// The staff pages' list and item form. Uploads and import are in service-catalogue.files-views.tsx.

/** The staff area's breadcrumbs down to the catalogue, plus more steps. */
export const adminCrumbs = (ctx: ViewContext, ...more: Array<{ href?: string; label: string }>) => [{ href: '/admin', label: ctx.t('nav.admin') }, { href: '/admin/services', label: ctx.t('serviceCatalogue.manage') }, ...more];

const FIELDS = ['code', 'parentCode', 'variant', 'name', 'itemType', 'departmentId', 'implementingBody', 'legalBasis', 'level', 'theme', 'audience', 'caseType', 'visitsNeeded', 'visitsReason', 'onlineDepth', 'statutoryDays', 'promisedDays', 'conditions', 'materials', 'steps', 'specialSteps', 'resultType', 'resultName', 'deliveryMethods', 'deliveryDays', 'place', 'hours', 'enquiryPhone', 'complaintPhone', 'feeCharged', 'feeBasis', 'onlinePayment', 'faq', ...FLAGS, 'status'] as const;

/** Every form field's label, for the error summary and the import report. */
export function fieldLabels(ctx: ViewContext): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, label(ctx, `serviceCatalogue.field.${f}`)]));
}

/** A row's status as a badge in words. */
export function StatusBadge({ ctx, status }: { ctx: ViewContext; status: string }) {
  return <span class={`status-badge status-${status}`}>{label(ctx, `serviceCatalogue.status.${status}`)}</span>;
}

/** The staff list of items with filters, export links and the import button. */
export function AdminListPage({ ctx, filter, rows, total, page, pageCount, departments, notice }: { ctx: ViewContext; filter: AdminFilter; rows: ListRow[]; total: number; page: number; pageCount: number; departments: Array<{ id: number; name: string }>; notice?: string }) {
  const { t } = ctx;
  const q = new URLSearchParams(Object.entries(filter).filter(([k, v]) => k !== 'page' && v !== undefined).map(([k, v]) => [k, String(v)])).toString();
  const form: FormState = { values: Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v === undefined ? undefined : String(v)])), errors: {} };
  return (
    <Layout ctx={ctx} title={t('serviceCatalogue.manage')} crumbs={[{ href: '/admin', label: t('nav.admin') }, { label: t('serviceCatalogue.manage') }]}>
      <h1>{t('serviceCatalogue.manage')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p class="actions">
        <a class="button primary" href="/admin/services/new">
          {t('serviceCatalogue.new_item')}
        </a>
        <a class="button" href="/admin/services/import">
          {t('serviceCatalogue.import')}
        </a>
        <a href={`/admin/services/export.csv${q ? `?${q}` : ''}`}>{t('serviceCatalogue.export_csv')}</a>
        <a href={`/admin/services/export.xlsx${q ? `?${q}` : ''}`}>{t('serviceCatalogue.export_xlsx')}</a>
      </p>
      <form method="get" action="/admin/services" class="filters" role="search">
        <Field ctx={ctx} form={form} name="q" label={t('serviceCatalogue.search')} type="search" maxLength={100} />
        <Select ctx={ctx} form={form} name="department" label={t('serviceCatalogue.field.departmentId')} options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />
        <Select ctx={ctx} form={form} name="status" label={t('serviceCatalogue.field.status')} options={STATUSES.map((s) => ({ value: s, label: label(ctx, `serviceCatalogue.status.${s}`) }))} />
        <button type="submit" class="button">
          {t('form.filter')}
        </button>
      </form>
      <h2>{t('serviceCatalogue.results', { count: total })}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('serviceCatalogue.field.code')}</th>
            <th scope="col">{t('serviceCatalogue.field.name')}</th>
            <th scope="col">{t('serviceCatalogue.field.departmentId')}</th>
            <th scope="col">{t('serviceCatalogue.field.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.code}</td>
              <th scope="row">
                <a href={`/admin/services/${r.id}`}>{r.name}</a>
                <FlagBadges ctx={ctx} item={r} />
              </th>
              <td>{deptName(ctx, r)}</td>
              <td>
                <StatusBadge ctx={ctx} status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination ctx={ctx} page={page} pageCount={pageCount} hrefFor={(p) => `/admin/services?${q ? `${q}&` : ''}page=${p}`} />
    </Layout>
  );
}

const options = (ctx: ViewContext, prefix: string, values: readonly string[]) => values.map((v) => ({ value: v, label: label(ctx, `serviceCatalogue.${prefix}.${v}`) }));

/** The item form (new or edit) with every guide field, grouped as the standard groups them. */
export function ItemFormPage({ ctx, form, departments, item, notice }: { ctx: ViewContext; form: FormState; departments: Array<{ id: number; name: string }>; item?: { id: number; code: string; name: string; status: string }; notice?: string }) {
  const { t } = ctx;
  const L = fieldLabels(ctx);
  const title = item ? t('serviceCatalogue.edit_item', { name: item.name }) : t('serviceCatalogue.new_item');
  const f = (name: keyof typeof L, extra: { required?: boolean; hint?: string; type?: string } = {}) => <Field ctx={ctx} form={form} name={name} label={L[name]!} {...extra} />;
  const area = (name: string, hint?: string, rows = 4) => <TextArea ctx={ctx} form={form} name={name} label={L[name]!} hint={hint} rows={rows} />;
  const sel = (name: string, opts: Array<{ value: string; label: string }>, required = true) => <Select ctx={ctx} form={form} name={name} label={L[name]!} options={opts} required={required} />;
  return (
    <Layout ctx={ctx} title={title} crumbs={adminCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {item && (
        <p class="actions">
          <StatusBadge ctx={ctx} status={item.status} />
          {item.status === 'published' && <a href={itemUrl(item.code)}>{t('serviceCatalogue.view_public')}</a>}
          <a href={`/admin/services/${item.id}/files`}>{t('serviceCatalogue.files')}</a>
        </p>
      )}
      <ErrorSummary ctx={ctx} form={form} labels={L} />
      <form method="post" action={item ? `/admin/services/${item.id}` : '/admin/services/new'} class="form" novalidate>
        <Csrf ctx={ctx} />
        <fieldset>
          <legend>{t('serviceCatalogue.section.basic')}</legend>
          {f('name', { required: true })}
          {f('code', { required: true, hint: t('serviceCatalogue.hint.code') })}
          {sel('itemType', options(ctx, 'type', ITEM_TYPES))}
          {sel('departmentId', departments.map((d) => ({ value: String(d.id), label: d.name })))}
          {f('implementingBody', { required: true })}
          {area('legalBasis')}
          {sel('level', options(ctx, 'level', LEVELS))}
          {f('parentCode', { hint: t('serviceCatalogue.hint.parentCode') })}
          {sel('variant', options(ctx, 'variant', VARIANTS), false)}
          {f('theme')}
          {sel('audience', options(ctx, 'audience', AUDIENCES))}
        </fieldset>
        <fieldset>
          <legend>{t('serviceCatalogue.section.how')}</legend>
          {sel('caseType', options(ctx, 'case', CASE_TYPES))}
          {sel('onlineDepth', options(ctx, 'depth', ONLINE_DEPTHS))}
          {f('visitsNeeded', { required: true, type: 'number', hint: t('serviceCatalogue.hint.visitsNeeded') })}
          {f('visitsReason')}
          {f('statutoryDays', { required: true, type: 'number' })}
          {f('promisedDays', { required: true, type: 'number', hint: t('serviceCatalogue.hint.promisedDays') })}
          {area('conditions')}
          <Checkboxes ctx={ctx} form={form} name="flags" legend={t('serviceCatalogue.flags')} options={FLAGS.map((x) => ({ value: x, label: L[x]! }))} />
        </fieldset>
        <fieldset>
          <legend>{t('serviceCatalogue.section.lists')}</legend>
          {area('materials', t('serviceCatalogue.hint.materials'), 6)}
          {area('steps', t('serviceCatalogue.hint.steps'), 5)}
          {area('specialSteps', t('serviceCatalogue.hint.specialSteps'), 3)}
          {area('faq', t('serviceCatalogue.hint.faq'), 4)}
        </fieldset>
        <fieldset>
          <legend>{t('serviceCatalogue.section.result')}</legend>
          {f('resultType')}
          {f('resultName')}
          {f('deliveryMethods')}
          {f('deliveryDays', { type: 'number' })}
        </fieldset>
        <fieldset>
          <legend>{t('serviceCatalogue.section.place')}</legend>
          {f('place')}
          {f('hours')}
          {f('enquiryPhone', { type: 'tel' })}
          {f('complaintPhone', { type: 'tel' })}
        </fieldset>
        <fieldset>
          <legend>{t('serviceCatalogue.section.fee')}</legend>
          {sel('feeCharged', [{ value: '0', label: t('serviceCatalogue.no') }, { value: '1', label: t('serviceCatalogue.yes') }])}
          {area('feeBasis', undefined, 2)}
          {sel('onlinePayment', [{ value: '0', label: t('serviceCatalogue.no') }, { value: '1', label: t('serviceCatalogue.yes') }])}
        </fieldset>
        {sel('status', options(ctx, 'status', STATUSES))}
        <button type="submit" class="button primary">
          {t('serviceCatalogue.save')}
        </button>
      </form>
    </Layout>
  );
}
