import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { DateText, Pagination } from '../../views/components.js';
import { SIZES, type EnterpriseFacts } from './enterprises.facts.js';
import { INDUSTRY_SECTIONS, describeIndustry } from './enterprises.industry.js';
import type { EnterpriseListQuery } from './enterprises.schema.js';
import { DeclarationsTable, FactsTable, factLabel } from './enterprises.facts-view.js';

const crumbs = (ctx: ViewContext, last?: string) => [
  { href: '/admin', label: ctx.t('nav.admin') },
  ...(last ? [{ href: '/admin/enterprises', label: ctx.t('enterprises.title') }, { label: last }] : [{ label: ctx.t('enterprises.title') }]),
];

/** The staff list of enterprises with search and filters (a GET form, so it works without JS). */
export function AdminEnterprisesPage({
  ctx,
  filter,
  rows,
  total,
  page,
  pageCount,
  towns,
  canImport,
}: {
  ctx: ViewContext;
  filter: EnterpriseListQuery;
  rows: Array<{ id: number; creditCode: string; name: string; industryCode: string; size: string | null; sizeDerived: number; town: string | null; employees: number | null }>;
  total: number;
  page: number;
  pageCount: number;
  towns: string[];
  canImport: boolean;
}) {
  const { t } = ctx;
  const sectionName = (s: (typeof INDUSTRY_SECTIONS)[number]) => `${s.letter} ${ctx.locale === 'en' ? s.nameEn : s.nameZh}`;
  const query = new URLSearchParams();
  for (const k of ['q', 'town', 'section', 'size'] as const) {
    if (filter[k]) {
      query.set(k, filter[k]);
    }
  }
  return (
    <Layout ctx={ctx} title={t('enterprises.title')} crumbs={crumbs(ctx)}>
      <h1>{t('enterprises.title')}</h1>
      <p>{t('enterprises.intro')}</p>
      {canImport && (
        <p>
          <a class="button primary" href="/admin/enterprises/import">
            {t('enterprises.import.title')}
          </a>{' '}
          <a href="/admin/enterprises/imports">{t('enterprises.import.reports')}</a>
        </p>
      )}
      <form method="get" action="/admin/enterprises" class="filters" role="search">
        <div class="field">
          <label for="q">{t('enterprises.search')}</label>
          <p class="hint" id="q-hint">
            {t('enterprises.search_hint')}
          </p>
          <input id="q" name="q" type="search" value={filter.q ?? ''} aria-describedby="q-hint" maxLength={100} />
        </div>
        <div class="field">
          <label for="town">{factLabel(ctx, 'town')}</label>
          <select id="town" name="town">
            <option value="">{t('enterprises.all')}</option>
            {towns.map((x) => (
              <option key={x} value={x} selected={filter.town === x}>
                {x}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="section">{t('enterprises.section')}</label>
          <select id="section" name="section">
            <option value="">{t('enterprises.all')}</option>
            {INDUSTRY_SECTIONS.map((s) => (
              <option key={s.letter} value={s.letter} selected={filter.section === s.letter}>
                {sectionName(s)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="size">{factLabel(ctx, 'size')}</label>
          <select id="size" name="size">
            <option value="">{t('enterprises.all')}</option>
            {[...SIZES, 'unknown' as const].map((s) => (
              <option key={s} value={s} selected={filter.size === s}>
                {t(`enterprises.size.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">{t('enterprises.filter')}</button>
      </form>
      <p class="meta" role="status">
        {t('enterprises.found', { count: total })}
      </p>
      {rows.length === 0 ? (
        <p>{t('enterprises.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('enterprises.name')}</th>
              <th scope="col">{t('enterprises.credit_code')}</th>
              <th scope="col">{t('enterprises.industry')}</th>
              <th scope="col">{factLabel(ctx, 'town')}</th>
              <th scope="col">{factLabel(ctx, 'size')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <td>
                  <a href={`/admin/enterprises/${e.id}`}>{e.name}</a>
                </td>
                <td>{e.creditCode}</td>
                <td>
                  {e.industryCode} {describeIndustry(e.industryCode).divisionName ?? ''}
                </td>
                <td>{e.town ?? '-'}</td>
                <td>
                  {t(`enterprises.size.${(e.size ?? 'unknown') as 'micro'}`)}
                  {e.size && e.sizeDerived ? t('enterprises.size_derived') : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination ctx={ctx} page={page} pageCount={pageCount} hrefFor={(n) => `/admin/enterprises?${query.toString() ? `${query.toString()}&` : ''}page=${n}`} />
    </Layout>
  );
}

/** One enterprise for staff: registration data, merged facts with sources, declaration history. */
export function AdminEnterprisePage({
  ctx,
  enterprise,
  facts,
  declarations,
}: {
  ctx: ViewContext;
  enterprise: { id: number; creditCode: string; name: string; legalRepresentative: string | null; legalMobile: string | null; registrationAsOf: string };
  facts: EnterpriseFacts;
  declarations: Array<{ id: number; factKey: string; value: string; declaredAt: string }>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={enterprise.name} crumbs={crumbs(ctx, enterprise.name)}>
      <h1>{enterprise.name}</h1>
      <h2>{t('enterprises.basic')}</h2>
      <dl class="meta-list">
        <dt>{t('enterprises.credit_code')}</dt>
        <dd>{enterprise.creditCode}</dd>
        <dt>{t('enterprises.legal_representative')}</dt>
        <dd>{enterprise.legalRepresentative ?? '-'}</dd>
        <dt>{t('enterprises.legal_mobile')}</dt>
        <dd>{enterprise.legalMobile ?? '-'}</dd>
        <dt>{t('enterprises.registration_as_of')}</dt>
        <dd>
          <DateText iso={enterprise.registrationAsOf} />
        </dd>
      </dl>
      <h2>{t('enterprises.facts')}</h2>
      <FactsTable ctx={ctx} facts={facts} caption={t('enterprises.facts')} />
      <p class="hint">{t('enterprises.derived_note')}</p>
      <h2>{t('enterprises.declarations')}</h2>
      <DeclarationsTable ctx={ctx} declarations={declarations} />
      <p>
        <a href="/admin/enterprises">{t('enterprises.back_to_list')}</a>
      </p>
    </Layout>
  );
}
