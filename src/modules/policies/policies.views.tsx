import type { PolicyPageSection } from './policies.hooks.js';
import type { PolicyTerm } from './policies.terms.js';
import { parseCard } from './policies.card.js';
import { AttachmentList, GlossarySection, GraphicSection, MarkedText, TermMarker, VersionsNav, type GraphicSource } from './policies.versions.views.js';
import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Pagination } from '../../views/components.js';
import type { PolicyListFilter } from './policies.schema.js';
import type { PolicyArticleRow, PolicyRow } from './policies.repository.js';
import { articleLabel, toChineseNumeral } from './policies.structure.js';
import { departmentName } from '../departments/index.js';

type Facet<T> = Array<{ value: T; count: number }>;

interface ListRow {
  id: number;
  title: string;
  docNumber: string;
  issuingOrgan: string;
  publishedOn: string | null;
  validity: string;
}

/** The query string of the list with some filters changed (null removes one); the page resets. */
function listHref(f: PolicyListFilter, change: Partial<Record<'theme' | 'organ' | 'year' | 'validity' | 'department' | 'q' | 'sort' | 'page', string | number | null>>): string {
  const p = new URLSearchParams();
  const merged: Record<string, string | number | undefined | null> = { theme: f.theme, organ: f.organ, year: f.year, validity: f.validity, department: f.department, q: f.q, sort: f.sort, ...change };
  for (const [k, v] of Object.entries(merged)) {
    if (v !== undefined && v !== null && v !== '' && !(k === 'page' && v === 1)) {
      p.set(k, String(v));
    }
  }
  const qs = p.toString();
  return qs ? `/policies?${qs}` : '/policies';
}

function FacetGroup<T extends string | number>({ ctx, title, name, facet, current, label, f }: { ctx: ViewContext; title: string; name: 'theme' | 'organ' | 'year' | 'validity' | 'department'; facet: Facet<T>; current: T | undefined; label: (v: T) => string; f: PolicyListFilter }) {
  if (facet.length === 0) {
    return null;
  }
  return (
    <section class="facet" aria-labelledby={`facet-${name}`}>
      <h3 id={`facet-${name}`}>{title}</h3>
      <ul>
        {current !== undefined && (
          <li>
            <a href={listHref(f, { [name]: null, page: null })}>{ctx.t('policies.all')}</a>
          </li>
        )}
        {facet.map((x) => (
          <li key={String(x.value)}>
            <a href={listHref(f, { [name]: x.value, page: null })} aria-current={current === x.value ? 'true' : undefined}>
              {label(x.value)} <span class="meta">({x.count})</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The public policy library with facets. */
export function PolicyListPage({
  ctx,
  filter,
  rows,
  total,
  page,
  pageCount,
  facets,
  departments,
  snippets,
}: {
  ctx: ViewContext;
  snippets: Map<number, Array<{ text: string; mark: boolean }>>;
  filter: PolicyListFilter;
  rows: ListRow[];
  total: number;
  page: number;
  pageCount: number;
  facets: { theme: Facet<string>; organ: Facet<string>; validity: Facet<string>; department: Facet<number>; year: Facet<number> };
  departments: Map<number, { nameZh: string; nameEn: string }>;
}) {
  const { t } = ctx;
  const validity = (v: string) => t(`policies.validity.${v}` as 'policies.validity.valid');
  return (
    <Layout ctx={ctx} title={t('policies.title')} crumbs={[{ label: t('policies.title') }]}>
      <h1>{t('policies.title')}</h1>
      <p class="lead">{t('policies.intro')}</p>
      <form method="get" action="/policies" class="filters" role="search">
        <div class="field">
          <label for="q">{t('policies.search')}</label>
          <input id="q" name="q" type="search" value={filter.q ?? ''} maxLength={100} aria-describedby="q-hint" />
          <p class="hint" id="q-hint">
            {t('policies.search_hint')}
          </p>
        </div>
        {(['theme', 'organ', 'year', 'validity', 'department'] as const).map((k) => (filter[k] !== undefined ? <input type="hidden" name={k} value={String(filter[k])} key={k} /> : null))}
        <button type="submit" class="button">
          {t('form.filter')}
        </button>
      </form>
      <div class="columns-2">
        <aside aria-label={t('policies.filters')}>
          <h2>{t('policies.filters')}</h2>
          <p>
            <a href="/policies">{t('policies.clear_filters')}</a>
          </p>
          <FacetGroup ctx={ctx} title={t('policies.theme')} name="theme" facet={facets.theme} current={filter.theme} label={(v) => v} f={filter} />
          <FacetGroup ctx={ctx} title={t('policies.year')} name="year" facet={facets.year} current={filter.year} label={(v) => String(v)} f={filter} />
          <FacetGroup ctx={ctx} title={t('policies.validity')} name="validity" facet={facets.validity} current={filter.validity} label={validity} f={filter} />
          <FacetGroup ctx={ctx} title={t('policies.issuing_organ')} name="organ" facet={facets.organ} current={filter.organ} label={(v) => v} f={filter} />
          <FacetGroup
            ctx={ctx}
            title={t('policies.department')}
            name="department"
            facet={facets.department}
            current={filter.department}
            label={(v) => {
              const d = departments.get(v);
              return d ? departmentName(d, ctx.locale) : String(v);
            }}
            f={filter}
          />
        </aside>
        <section aria-labelledby="results-h">
          <h2 id="results-h">{t('policies.found', { count: total })}</h2>
          {filter.q && (
            <p class="meta">
              {t('policies.sort')}:{' '}
              {filter.sort === 'date' ? <a href={listHref(filter, { sort: null, page: null })}>{t('policies.sort_relevance')}</a> : <strong>{t('policies.sort_relevance')}</strong>} ·{' '}
              {filter.sort === 'date' ? <strong>{t('policies.sort_date')}</strong> : <a href={listHref(filter, { sort: 'date', page: null })}>{t('policies.sort_date')}</a>}
            </p>
          )}
          {rows.length === 0 ? (
            <p>{t('policies.none')}</p>
          ) : (
            <ul class="article-list policy-list">
              {rows.map((p) => (
                <li key={p.id}>
                  <a href={`/policies/${p.id}`}>{p.title}</a>
                  <span class="meta">
                    {' '}
                    {p.docNumber} · {p.publishedOn} · <span class={`status-badge validity-${p.validity}`}>{validity(p.validity)}</span>
                  </span>
                  {snippets.get(p.id) && (
                    <p class="snippet">
                      {snippets.get(p.id)!.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Pagination ctx={ctx} page={page} pageCount={pageCount} hrefFor={(n) => listHref(filter, { page: n })} />
          <p>
            <a href="/policies/feed.atom" type="application/atom+xml">
              {t('policies.feed')}
            </a>{' '}
            · <a href="/policies/feed.rss">{t('policies.feed_rss')}</a>
          </p>
        </section>
      </div>
    </Layout>
  );
}

function ValidityBanner({ ctx, p, successor }: { ctx: ViewContext; p: PolicyRow; successor: { id: number; title: string } | undefined }) {
  if (p.validity === 'valid') {
    return null;
  }
  const { t } = ctx;
  return (
    <div class="notice notice-warning validity-banner" role="note">
      <strong>{t(`policies.banner.${p.validity}` as 'policies.banner.expired', { date: p.validityEndedOn ?? '-' })}</strong>
      {successor && (
        <>
          {' '}
          {t('policies.banner.successor')}
          <a href={`/policies/${successor.id}`}>{successor.title}</a>
        </>
      )}
    </div>
  );
}

/** One policy: its metadata table (as on gov.cn), summary, contents and the text article by article. */
export function PolicyPage({
  ctx,
  policy: p,
  articles,
  department,
  successor,
  replaces,
  sections = [],
  terms = [],
  attachments = [],
  graphic = { kind: 'none' },
}: {
  ctx: ViewContext;
  sections?: PolicyPageSection[];
  terms?: PolicyTerm[];
  attachments?: Array<{ fileId: number; title: string; filename: string; size: number }>;
  graphic?: GraphicSource;
  policy: PolicyRow;
  articles: PolicyArticleRow[];
  department: { nameZh: string; nameEn: string; code: string } | undefined;
  successor: { id: number; title: string } | undefined;
  replaces: { id: number; title: string } | undefined;
}) {
  const { t } = ctx;
  const chapters: Array<{ number: number | null; title: string | null; articles: PolicyArticleRow[] }> = [];
  for (const a of articles) {
    const last = chapters.at(-1);
    if (last && last.number === a.chapterNumber) {
      last.articles.push(a);
    } else {
      chapters.push({ number: a.chapterNumber, title: a.chapterTitle, articles: [a] });
    }
  }
  const hasChapters = chapters.some((c) => c.number !== null);
  const numbered = articles.some((a) => a.anchor.startsWith('tiao-'));
  const marker = new TermMarker(terms);
  const card = parseCard(p.card);
  return (
    <Layout ctx={ctx} title={p.title} crumbs={[{ href: '/policies', label: t('policies.title') }, { label: p.title }]}>
      <article class="policy">
        <ValidityBanner ctx={ctx} p={p} successor={successor} />
        <h1>{p.title}</h1>
        <table class="policy-meta">
          <caption class="visually-hidden">{t('policies.title')}</caption>
          <tbody>
            <tr>
              <th scope="row">{t('policies.index_no')}</th>
              <td>{p.indexNo}</td>
              <th scope="row">{t('policies.theme')}</th>
              <td>{p.theme}</td>
            </tr>
            <tr>
              <th scope="row">{t('policies.issuing_organ')}</th>
              <td>{p.issuingOrgan}</td>
              <th scope="row">{t('policies.written_on')}</th>
              <td>{p.writtenOn}</td>
            </tr>
            <tr>
              <th scope="row">{t('policies.doc_number')}</th>
              <td>{p.docNumber || '-'}</td>
              <th scope="row">{t('policies.published_on')}</th>
              <td>{p.publishedOn ?? '-'}</td>
            </tr>
            <tr>
              <th scope="row">{t('policies.effective_on')}</th>
              <td>{p.effectiveOn ?? '-'}</td>
              <th scope="row">{t('policies.validity')}</th>
              <td>
                {t(`policies.validity.${p.validity}` as 'policies.validity.valid')}
                {p.validityEndedOn ? `（${p.validityEndedOn}）` : ''}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('policies.keywords')}</th>
              <td>{p.keywords || '-'}</td>
              <th scope="row">{t('policies.service_object')}</th>
              <td>{p.serviceObject || '-'}</td>
            </tr>
            <tr>
              <th scope="row">{t('policies.category')}</th>
              <td colSpan={3}>{t(`policies.category.${p.category}` as 'policies.category.normative')}</td>
            </tr>
            <tr>
              <th scope="row">{t('policies.department')}</th>
              <td colSpan={3}>{department ? <a href={`/departments/${department.code}`}>{departmentName(department, ctx.locale)}</a> : '-'}</td>
            </tr>
          </tbody>
        </table>
        {replaces && (
          <p>
            {t('policies.replaces')}: <a href={`/policies/${replaces.id}`}>{replaces.title}</a> · <a href={`/policies/${p.id}/compare`}>{t('policies.compare_link')}</a>
          </p>
        )}
        <VersionsNav ctx={ctx} hasSummary={p.summary.trim() !== ''} hasGraphic={graphic.kind !== 'none'} extra={replaces ? [{ href: `/policies/${p.id}/compare`, label: t('policies.compare_link') }] : []} />
        {p.summary && (
          <section aria-labelledby="summary-h" class="policy-summary">
            <h2 id="summary-h">{t('policies.summary')}</h2>
            <ul>
              {p.summary
                .split('\n')
                .map((l) => l.trim())
                .filter(Boolean)
                .map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
            </ul>
          </section>
        )}
        <GraphicSection ctx={ctx} policyId={p.id} graphic={graphic} card={card} />
        {hasChapters && (
          <nav aria-labelledby="toc-h" class="policy-toc">
            <h2 id="toc-h">{t('policies.contents')}</h2>
            <ol>
              {chapters
                .filter((c) => c.number !== null)
                .map((c) => (
                  <li key={c.number}>
                    <a href={`#zhang-${c.number}`}>
                      {t('policies.chapter', { n: ctx.locale === 'en' ? String(c.number) : toChineseNumeral(c.number!) })} {c.title}
                    </a>
                  </li>
                ))}
            </ol>
          </nav>
        )}
        <section aria-labelledby="text-h" class="policy-text">
          <h2 id="text-h">{t('policies.full_text')}</h2>
          {p.preamble && (
            <div class="prose">
              {p.preamble.split('\n').map((l, i) => (
                <p key={i}>
                  <MarkedText ctx={ctx} text={l} marker={marker} />
                </p>
              ))}
            </div>
          )}
          {chapters.map((c, ci) => (
            <section key={ci} id={c.number !== null ? `zhang-${c.number}` : undefined} aria-labelledby={c.number !== null ? `zhang-${c.number}-h` : undefined}>
              {c.number !== null && (
                <h3 id={`zhang-${c.number}-h`}>
                  第{toChineseNumeral(c.number)}章 {c.title}
                </h3>
              )}
              {c.articles.map((a) => (
                <div class="policy-article" id={a.anchor} key={a.anchor}>
                  {a.text.split('\n').map((line, i) => (
                    <p key={i}>
                      {i === 0 && numbered && <strong class="article-no">{articleLabel(a.number)} </strong>}
                      <MarkedText ctx={ctx} text={line} marker={marker} />
                    </p>
                  ))}
                  <a class="article-link" href={`#${a.anchor}`}>
                    <span class="visually-hidden">
                      {t('policies.article_link')} {numbered ? articleLabel(a.number) : a.number}
                    </span>
                    <span aria-hidden="true">#</span>
                  </a>
                </div>
              ))}
            </section>
          ))}
        </section>
        <GlossarySection ctx={ctx} terms={terms} />
        <AttachmentList ctx={ctx} policyId={p.id} attachments={attachments} />
        {sections.map((s) => s.node)}
      </article>
    </Layout>
  );
}
