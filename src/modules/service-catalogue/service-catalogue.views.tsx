import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Pagination, label } from '../../views/components.js';
import { AUDIENCES, FLAGS, ITEM_TYPES } from './service-catalogue.rules.js';
import type { BrowseFilter } from './service-catalogue.schema.js';
import type { BrowseResult } from './service-catalogue.public.js';
import { FlagBadges, daysText, deptName, itemUrl, num } from './service-catalogue.components.js';

// The public browse/search page. The item page is in service-catalogue.item-views.tsx.

type Key = keyof BrowseFilter;

/** The browse URL with some filters changed (null removes one); the page resets unless given. */
export function browseHref(f: BrowseFilter, change: Partial<Record<Key, string | number | null>>): string {
  const p = new URLSearchParams();
  const merged: Partial<Record<Key, string | number | null>> = { ...f, page: undefined, ...change };
  for (const k of ['q', 'department', 'theme', 'audience', 'type', 'flag', 'page'] as const) {
    const v = merged[k];
    if (v !== undefined && v !== null && v !== '' && !(k === 'page' && v === 1)) {
      p.set(k, String(v));
    }
  }
  const s = p.toString();
  return s ? `/services?${s}` : '/services';
}

interface Option {
  value: string | number;
  text: string;
  count?: number;
}

function FacetGroup({ ctx, title, name, options, current, f }: { ctx: ViewContext; title: string; name: Key; options: Option[]; current: string | number | undefined; f: BrowseFilter }) {
  return (
    <section class="facet" aria-labelledby={`facet-${name}`}>
      <h3 id={`facet-${name}`}>{title}</h3>
      <ul>
        <li>
          <a href={browseHref(f, { [name]: null })} aria-current={current === undefined ? 'true' : undefined}>
            {ctx.t('serviceCatalogue.all')}
          </a>
        </li>
        {options.map((o) => (
          <li key={String(o.value)}>
            <a href={browseHref(f, { [name]: o.value })} aria-current={current === o.value ? 'true' : undefined}>
              {o.text}
              {o.count !== undefined && <span class="meta"> ({num(ctx, o.count)})</span>}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function SearchForm({ ctx, f }: { ctx: ViewContext; f: BrowseFilter }) {
  const { t } = ctx;
  return (
    <form method="get" action="/services" class="filters" role="search">
      <div class="field">
        <label for="q">{t('serviceCatalogue.search')}</label>
        <input id="q" name="q" type="search" value={f.q ?? ''} maxLength={100} aria-describedby="q-hint" />
        <p class="hint" id="q-hint">
          {t('serviceCatalogue.search_hint')}
        </p>
      </div>
      {(['department', 'theme', 'audience', 'type', 'flag'] as const).map((k) => (f[k] !== undefined ? <input type="hidden" name={k} value={String(f[k])} key={k} /> : null))}
      <button type="submit" class="button primary">
        {t('serviceCatalogue.search_button')}
      </button>
    </form>
  );
}

/** The public catalogue: search, filters as links, a page of items. */
export function BrowsePage({ ctx, filter, data }: { ctx: ViewContext; filter: BrowseFilter; data: BrowseResult }) {
  const { t } = ctx;
  const departments = data.facets.departments.filter((d) => d.n > 0).map((d) => ({ value: d.id, text: deptName(ctx, { departmentZh: d.nameZh, departmentEn: d.nameEn }), count: d.n }));
  return (
    <Layout ctx={ctx} title={t('serviceCatalogue.title')} crumbs={[{ label: t('serviceCatalogue.title') }]}>
      <h1>{t('serviceCatalogue.title')}</h1>
      <p class="lead">{t('serviceCatalogue.intro')}</p>
      <p>
        <a href="/services/statistics">{t('serviceCatalogue.statistics')}</a>
      </p>
      <SearchForm ctx={ctx} f={filter} />
      <div class="columns-2">
        <aside aria-label={t('serviceCatalogue.filters')}>
          <h2>{t('serviceCatalogue.filters')}</h2>
          <p>
            <a href={filter.q ? browseHref({ page: 1, q: filter.q }, {}) : '/services'}>{t('serviceCatalogue.clear')}</a>
          </p>
          <FacetGroup ctx={ctx} title={t('serviceCatalogue.by_flag')} name="flag" options={FLAGS.map((x) => ({ value: x, text: label(ctx, `serviceCatalogue.flag.${x}`) }))} current={filter.flag} f={filter} />
          <FacetGroup ctx={ctx} title={t('serviceCatalogue.by_audience')} name="audience" options={AUDIENCES.filter((a) => a !== 'both').map((x) => ({ value: x, text: label(ctx, `serviceCatalogue.audience.${x}`) }))} current={filter.audience} f={filter} />
          <FacetGroup ctx={ctx} title={t('serviceCatalogue.by_theme')} name="theme" options={data.facets.themes.map((x) => ({ value: x.theme, text: x.theme, count: x.n }))} current={filter.theme} f={filter} />
          <FacetGroup ctx={ctx} title={t('serviceCatalogue.by_type')} name="type" options={ITEM_TYPES.map((x) => ({ value: x, text: label(ctx, `serviceCatalogue.type.${x}`) }))} current={filter.type} f={filter} />
          <FacetGroup ctx={ctx} title={t('serviceCatalogue.by_department')} name="department" options={departments} current={filter.department} f={filter} />
        </aside>
        <section aria-labelledby="results-h">
          <h2 id="results-h">{filter.q ? t('serviceCatalogue.results_for', { q: filter.q, count: num(ctx, data.total) }) : t('serviceCatalogue.results', { count: num(ctx, data.total) })}</h2>
          {data.items.length === 0 ? (
            <p>{t('serviceCatalogue.no_results')}</p>
          ) : (
            <ul class="article-list sc-list">
              {data.items.map((it) => (
                <li key={it.id}>
                  <a href={itemUrl(it.code)}>{it.name}</a>
                  <p class="meta">
                    {[deptName(ctx, it), label(ctx, `serviceCatalogue.type.${it.itemType}`), label(ctx, `serviceCatalogue.case.${it.caseType}`), `${t('serviceCatalogue.field.promisedDays')}: ${daysText(ctx, it.promisedDays)}`, it.code].join(' · ')}
                  </p>
                  <FlagBadges ctx={ctx} item={it} />
                </li>
              ))}
            </ul>
          )}
          <Pagination ctx={ctx} page={data.page} pageCount={data.pageCount} hrefFor={(p) => browseHref(filter, { page: p })} />
        </section>
      </div>
    </Layout>
  );
}
