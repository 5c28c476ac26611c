import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { Statistics } from './service-catalogue.public.js';
import { statChart, type StatTable } from './service-catalogue.stats.js';
import { num } from './service-catalogue.components.js';

/** The statistics page: each table with its chart beside it, and the CSV download. */
export function StatisticsPage({ ctx, stats, tables }: { ctx: ViewContext; stats: Statistics; tables: StatTable[] }) {
  const { t } = ctx;
  const s = stats.totals;
  return (
    <Layout ctx={ctx} title={t('serviceCatalogue.statistics')} crumbs={[{ href: '/services', label: t('serviceCatalogue.title') }, { label: t('serviceCatalogue.statistics') }]}>
      <h1>{t('serviceCatalogue.statistics')}</h1>
      <p class="lead">{t('serviceCatalogue.statistics_intro', { total: num(ctx, s.total), departments: s.departments, enterprise: num(ctx, s.enterpriseRelated), noVisit: num(ctx, s.noVisit), instant: num(ctx, s.instantApproval) })}</p>
      <p>
        <a href="/services/statistics.csv" download>
          {t('serviceCatalogue.download_csv')}
        </a>
      </p>
      {tables.map((tb) => (
        <section key={tb.id} aria-labelledby={`st-${tb.id}`}>
          <h2 id={`st-${tb.id}`}>{tb.title}</h2>
          <table class="policy-meta sc-stats" id={`table-${tb.id}`}>
            <thead>
              <tr>
                {tb.header.map((h, i) => (
                  <th scope="col" key={i}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tb.rows.map((r) => (
                <tr key={r[0]}>
                  <th scope="row">{r[0]}</th>
                  {r.slice(1).map((v, i) => (
                    <td key={i} data-col={tb.header[i + 1]}>
                      {num(ctx, v as number)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <figure class="assessment-chart">
            <figcaption>{`${tb.title}（${tb.header[tb.chartColumn ?? 1]}）`}</figcaption>
            <div class="chart-svg" role="img" aria-label={`${tb.title}: ${t('serviceCatalogue.chart_note')}`} dangerouslySetInnerHTML={{ __html: statChart(tb) }} />
          </figure>
        </section>
      ))}
    </Layout>
  );
}
