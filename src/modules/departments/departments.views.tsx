import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateText, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../views/components.js';
import { departmentName, type presentDepartment } from './departments.presenter.js';

type Dept = ReturnType<typeof presentDepartment>;

/** The public department directory. */
export function DirectoryPage({ ctx, departments }: { ctx: ViewContext; departments: Dept[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('departments.title')} crumbs={[{ label: t('departments.title') }]}>
      <h1>{t('departments.title')}</h1>
      <p class="lead">{t('departments.intro')}</p>
      <ul class="card-list">
        {departments.map((d) => (
          <li key={d.id} class="card">
            <h2>
              <a href={`/departments/${d.code}`}>{departmentName(d, ctx.locale)}</a>
            </h2>
            <p>
              {t('departments.address')}: {d.address || '-'}
            </p>
            <p>
              {t('departments.phone')}: {d.phone || '-'}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** One department's page. */
export function DepartmentPage({ ctx, d, canEdit }: { ctx: ViewContext; d: Dept; canEdit: boolean }) {
  const { t } = ctx;
  const name = departmentName(d, ctx.locale);
  return (
    <Layout ctx={ctx} title={name} crumbs={[{ href: '/departments', label: t('departments.title') }, { label: name }]}>
      <h1>{name}</h1>
      {canEdit && (
        <p>
          <a class="button" href={`/admin/departments/${d.id}`}>
            {t('departments.edit')}
          </a>
        </p>
      )}
      <h2>{t('departments.functions')}</h2>
      <div class="prose">
        {(d.functions || '-').split('\n').map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <h2>{t('departments.contacts')}</h2>
      <dl class="facts">
        <dt>{t('departments.head')}</dt>
        <dd>{d.headName ? `${d.headName}（${d.headTitle}）` : '-'}</dd>
        <dt>{t('departments.address')}</dt>
        <dd>{d.address || '-'}</dd>
        <dt>{t('departments.hours')}</dt>
        <dd>{d.officeHours || '-'}</dd>
        <dt>{t('departments.phone')}</dt>
        <dd>{d.phone ? <a href={`tel:${d.phone}`}>{d.phone}</a> : '-'}</dd>
        <dt>{t('departments.email')}</dt>
        <dd>{d.email ? <a href={`mailto:${d.email}`}>{d.email}</a> : '-'}</dd>
        <dt>{t('departments.website')}</dt>
        <dd>{d.website || '-'}</dd>
      </dl>
      <p class="meta">
        {t('portal.last_updated')}: <DateText iso={d.updatedAt} />
      </p>
    </Layout>
  );
}

/** The admin list of departments. */
export function AdminDepartmentsPage({ ctx, departments }: { ctx: ViewContext; departments: Dept[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('departments.manage')} crumbs={[{ href: '/admin', label: t('nav.admin') }, { label: t('departments.manage') }]}>
      <h1>{t('departments.manage')}</h1>
      <p>
        <a class="button" href="/admin/departments/new">
          {t('departments.new')}
        </a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('departments.code')}</th>
            <th scope="col">{t('departments.name_zh')}</th>
            <th scope="col">{t('departments.head')}</th>
            <th scope="col">{t('departments.phone')}</th>
          </tr>
        </thead>
        <tbody>
          {departments.map((d) => (
            <tr key={d.id}>
              <td>{d.code}</td>
              <td>
                <a href={`/admin/departments/${d.id}`}>{d.nameZh}</a>
              </td>
              <td>{d.headName}</td>
              <td>{d.phone}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}

/** Create or edit a department. */
export function DepartmentFormPage({ ctx, form, id, notice }: { ctx: ViewContext; form: FormState; id?: number; notice?: string }) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    code: t('departments.code'),
    nameZh: t('departments.name_zh'),
    nameEn: t('departments.name_en'),
    kind: t('departments.kind'),
    functions: t('departments.functions'),
    address: t('departments.address'),
    officeHours: t('departments.hours'),
    phone: t('departments.phone'),
    email: t('departments.email'),
    website: t('departments.website'),
    headName: t('departments.head_name'),
    headTitle: t('departments.head_title'),
    sortOrder: t('departments.sort_order'),
  };
  const title = id ? t('departments.edit') : t('departments.new');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/admin', label: t('nav.admin') }, { href: '/admin/departments', label: t('departments.manage') }, { label: title }]}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={id ? `/admin/departments/${id}` : '/admin/departments/new'} class="form" novalidate>
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={form} name="code" label={labels.code!} required hint={t('departments.code_hint')} />
        <Field ctx={ctx} form={form} name="nameZh" label={labels.nameZh!} required />
        <Field ctx={ctx} form={form} name="nameEn" label={labels.nameEn!} />
        <Select
          ctx={ctx}
          form={form}
          name="kind"
          label={labels.kind!}
          required
          options={[
            { value: 'department', label: t('departments.kind_department') },
            { value: 'office', label: t('departments.kind_office') },
          ]}
        />
        <TextArea ctx={ctx} form={form} name="functions" label={labels.functions!} rows={6} />
        <Field ctx={ctx} form={form} name="address" label={labels.address!} />
        <Field ctx={ctx} form={form} name="officeHours" label={labels.officeHours!} />
        <Field ctx={ctx} form={form} name="phone" label={labels.phone!} type="tel" />
        <Field ctx={ctx} form={form} name="email" label={labels.email!} type="email" />
        <Field ctx={ctx} form={form} name="website" label={labels.website!} />
        <Field ctx={ctx} form={form} name="headName" label={labels.headName!} />
        <Field ctx={ctx} form={form} name="headTitle" label={labels.headTitle!} />
        <Field ctx={ctx} form={form} name="sortOrder" label={labels.sortOrder!} type="number" />
        <button type="submit" class="button primary">
          {t('form.save')}
        </button>
      </form>
    </Layout>
  );
}
