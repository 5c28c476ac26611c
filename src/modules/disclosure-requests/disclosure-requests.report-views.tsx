import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { APPLICANT_CATEGORIES, DISPUTE_KINDS, DISPUTE_RESULTS } from './disclosure-requests.codes.js';
import { code } from './disclosure-requests.parts.js';
import type { AnnualReport, CategoryCounts } from './disclosure-requests.report.js';

const COLUMNS = [...APPLICANT_CATEGORIES, 'total'] as const;

/** The rows of the applications table as label + counts, shared by the page and the CSV. */
export function applicationRows(ctx: ViewContext, r: AnnualReport): Array<{ label: string; counts: CategoryCounts; level: number }> {
  const a = r.applications;
  const rows: Array<{ label: string; counts: CategoryCounts; level: number }> = [
    { label: ctx.t('disclosureRequests.report.received'), counts: a.received, level: 0 },
    { label: ctx.t('disclosureRequests.report.carried_in'), counts: a.carriedIn, level: 0 },
  ];
  let last = '';
  for (const o of a.outcomes) {
    if (o.reason === null) {
      rows.push({ label: code(ctx, 'outcome', o.outcome), counts: o.counts, level: 1 });
    } else {
      if (o.outcome !== last) {
        const sum = Object.fromEntries(COLUMNS.map((k) => [k, a.outcomes.filter((x) => x.outcome === o.outcome).reduce((n, x) => n + x.counts[k], 0)])) as CategoryCounts;
        rows.push({ label: code(ctx, 'outcome', o.outcome), counts: sum, level: 1 });
      }
      rows.push({ label: code(ctx, 'reason', o.reason), counts: o.counts, level: 2 });
    }
    last = o.outcome;
  }
  rows.push({ label: ctx.t('disclosureRequests.report.outcome_total'), counts: a.outcomeTotal, level: 1 });
  rows.push({ label: ctx.t('disclosureRequests.report.carried_out'), counts: a.carriedOut, level: 0 });
  return rows;
}

/** The annual report's applications table, its check and the review/litigation table (printable). */
export function ReportPage({ ctx, report, agencies, scopeName }: { ctx: ViewContext; report: AnnualReport; agencies: Array<{ id: number; name: string }>; scopeName: string }) {
  const { t } = ctx;
  const title = t('disclosureRequests.report.title', { year: report.year });
  const q = report.departmentId ? `?department=${report.departmentId}` : '';
  const a = report.applications;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/disclosure-requests', label: t('disclosureRequests.title') }, { label: t('disclosureRequests.annual_report') }]}>
      <h1>{title}</h1>
      <form method="get" action={`/disclosure-requests/annual-report/${report.year}`} class="form inline no-print">
        <div class="field">
          <label for="department">{t('disclosureRequests.report.scope')}</label>
          <select id="department" name="department">
            <option value="">{t('disclosureRequests.report.government')}</option>
            {agencies.map((x) => (
              <option value={String(x.id)} selected={x.id === report.departmentId}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          {t('disclosureRequests.staff.filter')}
        </button>
      </form>
      <p class="meta">
        {scopeName} · <a href={`/disclosure-requests/annual-report/${report.year}.csv${q}`}>{t('disclosureRequests.report.csv')}</a>
      </p>
      <div class="table-scroll">
        <table class="table report">
          <caption>{t('disclosureRequests.report.category')}</caption>
          <thead>
            <tr>
              <th scope="col"></th>
              {COLUMNS.map((c) => (
                <th scope="col">{c === 'total' ? t('disclosureRequests.report.total') : code(ctx, 'category', c)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {applicationRows(ctx, report).map((r) => (
              <tr class={`level-${r.level}`}>
                <th scope="row">{r.label}</th>
                {COLUMNS.map((c) => (
                  <td>{r.counts[c]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="report-check" class={a.consistent ? 'notice success' : 'notice warning'}>
        {t('disclosureRequests.report.check')}：{a.consistent ? t('disclosureRequests.report.check_ok') : t('disclosureRequests.report.check_failed', { diff: a.difference.total })}（{a.received.total} + {a.carriedIn.total} = {a.outcomeTotal.total} + {a.carriedOut.total}）
      </p>
      <h2>{t('disclosureRequests.report.disputes_title')}</h2>
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr>
              <th scope="col"></th>
              {[...DISPUTE_RESULTS, 'total'].map((x) => (
                <th scope="col">{code(ctx, 'dispute_result', x)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DISPUTE_KINDS.map((k) => (
              <tr>
                <th scope="row">{code(ctx, 'dispute_kind', k)}</th>
                {[...DISPUTE_RESULTS, 'total' as const].map((x) => (
                  <td>{report.disputes[k][x]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
