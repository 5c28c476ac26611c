import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import type { CampaignReport, ReportTable } from './open-days.report.js';
import { headline } from './open-days.report.js';
import { CampaignDates, num } from './open-days.components.js';

/** Which chart each table gets: a bar from one column, or stacked columns. */
export const CHARTS: Record<string, { bar: number } | { stack: number[] }> = {
  years: { bar: 2 },
  levels: { bar: 1 },
  themes: { bar: 1 },
  registrations_theme: { stack: [1, 2, 3, 4, 5] },
  registrations_level: { stack: [1, 2, 3, 4, 5] },
  suggestion_status: { bar: 1 },
  suggestion_unit: { bar: 1 },
  measure_progress: { bar: 1 },
};

const hasData = (table: ReportTable) => table.rows.some((r) => r.slice(1).some((v) => typeof v === 'number' && v > 0));

function TableBlock({ ctx, table, chart }: { ctx: ViewContext; table: ReportTable; chart: string | null }) {
  return (
    <section aria-labelledby={`t-${table.id}`} class="od-chart">
      <h2 id={`t-${table.id}`}>{table.title}</h2>
      {!hasData(table) ? (
        <p>{ctx.t('openDays.no_data')}</p>
      ) : (
        <>
          {chart && (
            <figure class="assessment-chart" aria-hidden="true">
              <div class="chart-svg" dangerouslySetInnerHTML={{ __html: chart }} />
            </figure>
          )}
          <table class="od-report-table">
            <caption class="visually-hidden">{table.title}</caption>
            <thead>
              <tr>
                {table.header.map((h, i) => (
                  <th scope="col" key={i}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((v, j) =>
                    j === 0 ? (
                      <th scope="row" key={j}>
                        {v ?? '-'}
                      </th>
                    ) : (
                      <td key={j}>{typeof v === 'number' ? num(ctx, v) : (v ?? '-')}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The results report of a campaign: headline figures, then each table with its chart (charts hidden from screen readers, the table says it all). */
export function ReportPage({ ctx, report, tables, charts, printable }: { ctx: ViewContext; report: CampaignReport; tables: ReportTable[]; charts: Map<string, string>; printable: boolean }) {
  const { t } = ctx;
  const c = report.campaign;
  const h = headline(report);
  const title = t('openDays.report_title', { title: c.title });
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/open-days', label: t('openDays.title') }, { href: `/open-days/${c.slug}`, label: c.title }, { label: t('openDays.report_link') }]}>
      <h1>{title}</h1>
      <p class="lead">
        {c.slogan && <>{c.slogan} · </>}
        <CampaignDates ctx={ctx} c={c} />
      </p>
      {!printable && (
        <ul class="plan-counts od-screen-only">
          <li>
            <a href={`/open-days/${c.slug}/report/print`}>{t('openDays.report_print')}</a>
          </li>
          <li>
            <a href={`/open-days/${c.slug}/report.csv`} download>
              {t('openDays.report_csv')}
            </a>
          </li>
        </ul>
      )}
      {printable && <p class="od-screen-only">{t('openDays.print_hint')}</p>}
      <dl class="facts" aria-label={t('openDays.headline')}>
        <dt>{t('openDays.points_count')}</dt>
        <dd>{num(ctx, h.points)}</dd>
        <dt>{t('openDays.organisers_count')}</dt>
        <dd>{num(ctx, h.organisers)}</dd>
        <dt>{t('openDays.places')}</dt>
        <dd>{num(ctx, h.places)}</dd>
        <dt>{t('openDays.registered')}</dt>
        <dd>{num(ctx, h.registered)}</dd>
        <dt>{t('openDays.checked_in')}</dt>
        <dd>{num(ctx, h.checkedIn)}</dd>
        <dt>{t('openDays.online_visits')}</dt>
        <dd>{num(ctx, h.onlineVisits)}</dd>
        <dt>{t('openDays.suggestions')}</dt>
        <dd>{num(ctx, h.suggestions)}</dd>
        <dt>{t('openDays.measures')}</dt>
        <dd>{num(ctx, h.measures)}</dd>
      </dl>
      <p class="meta">{t('openDays.attendance_formula')}</p>
      {tables.map((table) => (
        <TableBlock key={table.id} ctx={ctx} table={table} chart={charts.get(table.id) ?? null} />
      ))}
    </Layout>
  );
}
