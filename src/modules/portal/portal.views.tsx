import type { ViewContext } from '../../views/context.js';
import { Layout, type Crumb } from '../../views/layout.js';
import { DateText, Pagination } from '../../views/components.js';
import { columnDescription, columnName } from './portal.presenter.js';
import type { ColumnNode } from './portal.service.js';
import { departmentName } from '../departments/index.js';

interface ListItem {
  id: number;
  title: string;
  summary: string;
  lastPublishedAt: string | null;
  firstPublishedAt: string | null;
}

function ArticleList({ items, ctx }: { items: ListItem[]; ctx: ViewContext }) {
  if (items.length === 0) {
    return <p class="meta">{ctx.t('portal.no_articles')}</p>;
  }
  return (
    <ul class="article-list">
      {items.map((a) => (
        <li key={a.id}>
          <a href={`/articles/${a.id}`}>{a.title}</a> <DateText iso={a.firstPublishedAt} />
        </li>
      ))}
    </ul>
  );
}

/** The portal's home page: module entries, newest items, one block per top-level column. */
export function HomePage({ ctx, sections, latest }: { ctx: ViewContext; sections: Array<{ column: ColumnNode; items: ListItem[] }>; latest: ListItem[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('portal.home_title')}>
      <h1 class="visually-hidden">{t('site.name')}</h1>
      <p class="lead">{t('portal.home_intro')}</p>
      <nav aria-labelledby="modules-h">
        <h2 id="modules-h">{t('portal.sections')}</h2>
        <ul class="module-cards">
          {sections.map(({ column }) => (
            <li key={column.id} class="card">
              <a href={`/columns/${column.slug}`}>{columnName(column, ctx.locale)}</a>
              {columnDescription(column, ctx.locale) && <p class="meta">{columnDescription(column, ctx.locale)}</p>}
            </li>
          ))}
          {ctx.nav.map((n) => (
            <li key={n.href} class="card">
              <a href={n.href}>{t(n.labelKey as 'nav.home')}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="latest-h">
        <h2 id="latest-h">{t('portal.latest')}</h2>
        <ArticleList items={latest} ctx={ctx} />
      </section>
      <div class="section-grid">
        {sections.map(({ column, items }) => (
          <section key={column.id} class="card" aria-labelledby={`col-${column.id}`}>
            <h2 id={`col-${column.id}`}>
              <a href={`/columns/${column.slug}`}>{columnName(column, ctx.locale)}</a>
            </h2>
            {column.children.length > 0 && (
              <ul class="tag-list">
                {column.children.map((c) => (
                  <li key={c.id}>
                    <a class="tag" href={`/columns/${c.slug}`}>
                      {columnName(c, ctx.locale)}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <ArticleList items={items} ctx={ctx} />
            <p>
              <a href={`/columns/${column.slug}`}>{t('portal.more', { name: columnName(column, ctx.locale) })}</a>
            </p>
          </section>
        ))}
      </div>
    </Layout>
  );
}

function columnCrumbs(ctx: ViewContext, path: Array<{ slug: string; nameZh: string; nameEn: string }>, lastIsPage: boolean): Crumb[] {
  return path.map((c, i) => (lastIsPage && i === path.length - 1 ? { label: columnName(c, ctx.locale) } : { href: `/columns/${c.slug}`, label: columnName(c, ctx.locale) }));
}

/** A column: its description, sub-columns and the articles in it. */
export function ColumnPage({
  ctx,
  column,
  path,
  rows,
  total,
  page,
  pageCount,
}: {
  ctx: ViewContext;
  column: ColumnNode;
  path: Array<{ slug: string; nameZh: string; nameEn: string }>;
  rows: ListItem[];
  total: number;
  page: number;
  pageCount: number;
}) {
  const { t } = ctx;
  const name = columnName(column, ctx.locale);
  const description = columnDescription(column, ctx.locale);
  return (
    <Layout ctx={ctx} title={name} crumbs={columnCrumbs(ctx, path, true)}>
      <h1>{name}</h1>
      {description && <p class="lead">{description}</p>}
      {column.children.length > 0 && (
        <nav aria-label={t('portal.subcolumns')}>
          <ul class="tag-list">
            {column.children.map((c) => (
              <li key={c.id}>
                <a class="tag" href={`/columns/${c.slug}`}>
                  {columnName(c, ctx.locale)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p class="meta">{t('portal.article_count', { count: total })}</p>
      <ArticleList items={rows} ctx={ctx} />
      <Pagination ctx={ctx} page={page} pageCount={pageCount} hrefFor={(p) => `/columns/${column.slug}?page=${p}`} />
    </Layout>
  );
}

/** A published article (or one of its earlier versions). */
export function ArticlePage({
  ctx,
  data,
}: {
  ctx: ViewContext;
  data: {
    article: { id: number; firstPublishedAt: string | null; lastPublishedAt: string | null; publishedVersion: number };
    version: { version: number; title: string; summary: string; bodyHtml: string; publishedAt: string };
    attachments: Array<{ id: number; filename: string; size: number }>;
    versions: Array<{ version: number; title: string; publishedAt: string }>;
    department: { nameZh: string; nameEn: string; code: string } | undefined;
    columnPath: Array<{ slug: string; nameZh: string; nameEn: string }>;
    isLatest: boolean;
  };
}) {
  const { t } = ctx;
  const { article, version } = data;
  return (
    <Layout ctx={ctx} title={version.title} crumbs={[...columnCrumbs(ctx, data.columnPath, false), { label: version.title }]}>
      <article>
        <h1>{version.title}</h1>
        {!data.isLatest && (
          <p class="notice notice-warning" role="note">
            {t('portal.old_version', { version: version.version })} <a href={`/articles/${article.id}`}>{t('portal.see_latest')}</a>
          </p>
        )}
        <dl class="article-meta">
          <dt>{t('portal.published_at')}</dt>
          <dd>
            <DateText iso={article.firstPublishedAt} />
          </dd>
          <dt>{t('portal.last_updated')}</dt>
          <dd>
            <DateText iso={data.isLatest ? article.lastPublishedAt : version.publishedAt} />
          </dd>
          {data.department && (
            <>
              <dt>{t('portal.source')}</dt>
              <dd>
                <a href={`/departments/${data.department.code}`}>{departmentName(data.department, ctx.locale)}</a>
              </dd>
            </>
          )}
          <dt>{t('portal.version')}</dt>
          <dd>{t('portal.version_of', { version: version.version, count: article.publishedVersion })}</dd>
        </dl>
        {version.summary && <p class="lead">{version.summary}</p>}
        <div class="prose" dangerouslySetInnerHTML={{ __html: version.bodyHtml }} />
        {data.attachments.length > 0 && (
          <section aria-labelledby="att-h">
            <h2 id="att-h">{t('portal.attachments')}</h2>
            <ul>
              {data.attachments.map((f) => (
                <li key={f.id}>
                  <a href={`/files/${f.id}/${encodeURIComponent(f.filename)}`}>{f.filename}</a> ({Math.max(1, Math.round(f.size / 1024))} KB)
                </li>
              ))}
            </ul>
          </section>
        )}
        {data.versions.length > 1 && (
          <section aria-labelledby="ver-h">
            <h2 id="ver-h">{t('portal.version_history')}</h2>
            <ol reversed>
              {data.versions.map((v) => (
                <li key={v.version}>
                  <a href={`/articles/${article.id}/versions/${v.version}`} aria-current={v.version === version.version ? 'page' : undefined}>
                    {t('portal.version_label', { version: v.version })}
                  </a>{' '}
                  <DateText iso={v.publishedAt} />
                </li>
              ))}
            </ol>
          </section>
        )}
      </article>
    </Layout>
  );
}
