import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateText, ErrorSummary, Field, Notice, Pagination, Select, TextArea, type FormState } from '../../views/components.js';
import { columnName } from './portal.presenter.js';
import { ReviewPanel, StatusFilter } from '../../views/review-panel.js';
import type { ColumnNode } from './portal.service.js';
import { ARTICLE_STATUSES } from './portal.schema.js';

const adminCrumb = (ctx: ViewContext) => ({ href: '/admin', label: ctx.t('nav.admin') });

/** A status shown as text (never colour alone). */
export function StatusBadge({ ctx, status }: { ctx: ViewContext; status: string }) {
  return <span class={`status-badge status-${status}`}>{ctx.t(`portal.status.${status}` as 'portal.status.draft')}</span>;
}

/** Staff list of articles in their departments. */
export function AdminArticlesPage({
  ctx,
  rows,
  total,
  page,
  pageCount,
  status,
  columns,
}: {
  ctx: ViewContext;
  rows: Array<{ id: number; title: string; status: string; columnId: number; updatedAt: string; lastPublishedAt: string | null }>;
  total: number;
  page: number;
  pageCount: number;
  status: string | undefined;
  columns: Map<number, { nameZh: string; nameEn: string }>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('portal.articles')} crumbs={[adminCrumb(ctx), { label: t('portal.articles') }]}>
      <h1>{t('portal.articles')}</h1>
      <p>
        <a class="button primary" href="/admin/articles/new">
          {t('portal.new_article')}
        </a>
      </p>
      <StatusFilter ctx={ctx} action="/admin/articles" status={status} statuses={ARTICLE_STATUSES} />
      <p class="meta">{t('portal.article_count', { count: total })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('portal.title')}</th>
            <th scope="col">{t('portal.column')}</th>
            <th scope="col">{t('portal.status')}</th>
            <th scope="col">{t('portal.edited_at')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const col = columns.get(a.columnId);
            return (
              <tr key={a.id}>
                <td>
                  <a href={`/admin/articles/${a.id}`}>{a.title}</a>
                </td>
                <td>{col ? columnName(col, ctx.locale) : '-'}</td>
                <td>
                  <StatusBadge ctx={ctx} status={a.status} />
                  {a.lastPublishedAt && a.status !== 'published' && <span class="meta"> · {t('portal.online')}</span>}
                </td>
                <td>
                  <DateText iso={a.updatedAt} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pagination ctx={ctx} page={page} pageCount={pageCount} hrefFor={(p) => `/admin/articles?${status ? `status=${status}&` : ''}page=${p}`} />
    </Layout>
  );
}

/** The article editor: content form, workflow actions, attachments and published versions. */
export function ArticleEditPage({
  ctx,
  form,
  columns,
  departments,
  article,
  notice,
}: {
  ctx: ViewContext;
  form: FormState;
  columns: ColumnNode[];
  departments: Array<{ id: number; name: string }>;
  article?: {
    id: number;
    status: string;
    reviewNote: string;
    lastPublishedAt: string | null;
    actions: { edit: boolean; submit: boolean; approve: boolean; reject: boolean; withdraw: boolean; attach: boolean };
    attachments: Array<{ id: number; filename: string; size: number }>;
    versions: Array<{ version: number; publishedAt: string; reviewerName: string | null }>;
  };
  notice?: string;
}) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    title: t('portal.title'),
    summary: t('portal.summary'),
    body: t('portal.body'),
    columnId: t('portal.column'),
    departmentId: t('portal.department'),
    note: t('portal.review_note'),
    file: t('portal.file'),
  };
  const title = article ? t('portal.edit_article') : t('portal.new_article');
  const canEdit = !article || article.actions.edit;
  return (
    <Layout ctx={ctx} title={title} crumbs={[adminCrumb(ctx), { href: '/admin/articles', label: t('portal.articles') }, { label: title }]}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {article && (
        <p>
          {t('portal.status')}: <StatusBadge ctx={ctx} status={article.status} />
          {article.lastPublishedAt && (
            <>
              {' '}
              · <a href={`/articles/${article.id}`}>{t('portal.view_public')}</a>
            </>
          )}
        </p>
      )}
      {article?.reviewNote && (
        <Notice kind="warning">
          {t('portal.review_note')}: {article.reviewNote}
        </Notice>
      )}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {canEdit ? (
        <form method="post" action={article ? `/admin/articles/${article.id}` : '/admin/articles/new'} class="form" novalidate>
          <Csrf ctx={ctx} />
          <Field ctx={ctx} form={form} name="title" label={labels.title!} required maxLength={300} />
          <Select
            ctx={ctx}
            form={form}
            name="columnId"
            label={labels.columnId!}
            required
            options={columns.map((c) => ({ value: String(c.id), label: `${'— '.repeat(c.depth)}${columnName(c, ctx.locale)}` }))}
          />
          <Select ctx={ctx} form={form} name="departmentId" label={labels.departmentId!} required options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />
          <TextArea ctx={ctx} form={form} name="summary" label={labels.summary!} rows={3} />
          <TextArea ctx={ctx} form={form} name="body" label={labels.body!} required rows={14} hint={t('portal.body_hint')} />
          <button type="submit" class="button primary">
            {t('portal.save_draft')}
          </button>
        </form>
      ) : (
        <p class="meta">{t('portal.locked_in_review')}</p>
      )}
      {article && (
        <ReviewPanel
          ctx={ctx}
          base={`/admin/articles/${article.id}`}
          form={form}
          canReject={article.actions.reject}
          buttons={[
            ...(article.actions.submit ? [{ action: 'submit', label: t('portal.submit_review') }] : []),
            ...(article.actions.approve ? [{ action: 'approve', label: t('portal.approve') }] : []),
            ...(article.actions.withdraw ? [{ action: 'withdraw', label: t('portal.withdraw'), kind: 'danger' as const }] : []),
          ]}
        />
      )}
      {article && (
        <section aria-labelledby="att-h">
          <h2 id="att-h">{t('portal.attachments')}</h2>
          {article.attachments.length === 0 ? (
            <p class="meta">{t('portal.no_attachments')}</p>
          ) : (
            <ul>
              {article.attachments.map((f) => (
                <li key={f.id}>
                  <a href={`/files/${f.id}/${encodeURIComponent(f.filename)}`}>{f.filename}</a> ({Math.max(1, Math.round(f.size / 1024))} KB)
                  {article.actions.attach && (
                    <form method="post" action={`/admin/articles/${article.id}/attachments/${f.id}/delete`} class="inline">
                      <Csrf ctx={ctx} />
                      <button type="submit" class="link-button">
                        {t('form.delete')}
                        <span class="visually-hidden"> {f.filename}</span>
                      </button>
                    </form>
                  )}
                </li>
              ))}
            </ul>
          )}
          {article.actions.attach && (
            <form method="post" action={`/admin/articles/${article.id}/attachments?_csrf=${encodeURIComponent(ctx.csrfToken)}`} encType="multipart/form-data" class="form">
              <div class={form.errors.file ? 'field has-error' : 'field'}>
                <label for="file">{labels.file}</label>
                <p class="hint" id="file-hint">
                  {t('portal.file_hint')}
                </p>
                {form.errors.file && (
                  <p class="error" id="file-error">
                    {t(form.errors.file.key, form.errors.file.params)}
                  </p>
                )}
                <input type="file" id="file" name="file" aria-describedby={form.errors.file ? 'file-hint file-error' : 'file-hint'} />
              </div>
              <button type="submit" class="button">
                {t('portal.upload')}
              </button>
            </form>
          )}
        </section>
      )}
      {article && article.versions.length > 0 && (
        <section aria-labelledby="ver-h">
          <h2 id="ver-h">{t('portal.version_history')}</h2>
          <ul>
            {article.versions.map((v) => (
              <li key={v.version}>
                <a href={`/articles/${article.id}/versions/${v.version}`}>{t('portal.version_label', { version: v.version })}</a> <DateText iso={v.publishedAt} />
                {v.reviewerName && <span class="meta"> · {t('portal.approved_by', { name: v.reviewerName })}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

/** The general office's column tree editor. */
export function AdminColumnsPage({ ctx, columns }: { ctx: ViewContext; columns: ColumnNode[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('portal.columns')} crumbs={[adminCrumb(ctx), { label: t('portal.columns') }]}>
      <h1>{t('portal.columns')}</h1>
      <p>
        <a class="button primary" href="/admin/columns/new">
          {t('portal.new_column')}
        </a>
      </p>
      <ul class="tree">
        {columns.map((c) => (
          <li key={c.id} style={undefined} class={`depth-${Math.min(c.depth, 4)}`}>
            <a href={`/admin/columns/${c.id}`}>{columnName(c, ctx.locale)}</a> <span class="meta">/columns/{c.slug}</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

/** Create or edit a column. */
export function ColumnFormPage({ ctx, form, columns, id, notice }: { ctx: ViewContext; form: FormState; columns: ColumnNode[]; id?: number; notice?: string }) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    slug: t('portal.slug'),
    nameZh: t('portal.name_zh'),
    nameEn: t('portal.name_en'),
    parentId: t('portal.parent'),
    descriptionZh: t('portal.description_zh'),
    descriptionEn: t('portal.description_en'),
    sortOrder: t('departments.sort_order'),
  };
  const title = id ? t('portal.edit_column') : t('portal.new_column');
  return (
    <Layout ctx={ctx} title={title} crumbs={[adminCrumb(ctx), { href: '/admin/columns', label: t('portal.columns') }, { label: title }]}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={id ? `/admin/columns/${id}` : '/admin/columns/new'} class="form" novalidate>
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={form} name="slug" label={labels.slug!} required hint={t('departments.code_hint')} />
        <Field ctx={ctx} form={form} name="nameZh" label={labels.nameZh!} required />
        <Field ctx={ctx} form={form} name="nameEn" label={labels.nameEn!} />
        <Select
          ctx={ctx}
          form={form}
          name="parentId"
          label={labels.parentId!}
          options={columns.filter((c) => c.id !== id).map((c) => ({ value: String(c.id), label: `${'— '.repeat(c.depth)}${columnName(c, ctx.locale)}` }))}
        />
        <TextArea ctx={ctx} form={form} name="descriptionZh" label={labels.descriptionZh!} rows={3} />
        <TextArea ctx={ctx} form={form} name="descriptionEn" label={labels.descriptionEn!} rows={3} />
        <Field ctx={ctx} form={form} name="sortOrder" label={labels.sortOrder!} type="number" />
        <button type="submit" class="button primary">
          {t('form.save')}
        </button>
      </form>
      {id && (
        <form method="post" action={`/admin/columns/${id}/delete`}>
          <Csrf ctx={ctx} />
          <button type="submit" class="button danger">
            {t('portal.delete_column')}
          </button>
        </form>
      )}
    </Layout>
  );
}
