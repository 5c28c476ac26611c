import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateTimeText, ErrorSummary, Pagination, type FormState } from '../../views/components.js';
import type { FieldProblem } from '../../http/errors.js';
import { HEADERS_ZH, type Column } from './enterprises.rows.js';

const crumbs = (ctx: ViewContext, last: string) => [
  { href: '/admin', label: ctx.t('nav.admin') },
  { href: '/admin/enterprises', label: ctx.t('enterprises.title') },
  { label: last },
];

/** The counts of a report, as a definition list and a one-line summary. */
interface ReportCounts {
  id: number;
  fileName: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  inserted: number;
  updated: number;
  unchanged: number;
  refused: number;
}

/** A field name in the reader's language (the file's header in Chinese, the key in English). */
export const columnLabel = (ctx: ViewContext, field: string): string => (ctx.locale === 'en' ? field : (HEADERS_ZH[field as Column] ?? field));

/** One refused row's reasons as text: "字段：原因；…". */
export const reasonsText = (ctx: ViewContext, problems: FieldProblem[]): string => problems.map((p) => `${columnLabel(ctx, p.field)}：${ctx.t(p.key, p.params)}`).join('；');

function Counts({ ctx, r }: { ctx: ViewContext; r: ReportCounts }) {
  const { t } = ctx;
  return (
    <>
      <p class="notice notice-success" role="status">
        {t('enterprises.import.summary', { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, refused: r.refused })}
      </p>
      <dl class="meta-list">
        <dt>{t('enterprises.import.file_name')}</dt>
        <dd>{r.fileName}</dd>
        <dt>{t('enterprises.import.status')}</dt>
        <dd>{t(`enterprises.import.status.${r.status as 'done'}`)}</dd>
        <dt>{t('enterprises.import.started')}</dt>
        <dd>
          <DateTimeText iso={r.startedAt} />
        </dd>
        <dt>{t('enterprises.import.finished')}</dt>
        <dd>
          <DateTimeText iso={r.finishedAt} />
        </dd>
      </dl>
    </>
  );
}

function Refusals({ ctx, id, refused, rows }: { ctx: ViewContext; id: number; refused: number; rows: Array<{ line: number; creditCode: string; problems: FieldProblem[] }> }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="refused-heading">
      <h2 id="refused-heading">{t('enterprises.import.refused_rows')}</h2>
      {rows.length === 0 ? (
        <p>{t('enterprises.import.refused_none')}</p>
      ) : (
        <>
          <p>
            <a href={`/admin/enterprises/imports/${id}/refused.csv`}>{t('enterprises.import.download_refused')}</a>
          </p>
          <table class="refused-rows">
            <thead>
              <tr>
                <th scope="col">{t('enterprises.import.line')}</th>
                <th scope="col">{t('enterprises.credit_code')}</th>
                <th scope="col">{t('enterprises.import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td>{r.creditCode || '-'}</td>
                  <td>
                    <ul>
                      {r.problems.map((p) => (
                        <li key={p.field}>
                          <strong>{columnLabel(ctx, p.field)}</strong>：{t(p.key, p.params)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {refused > rows.length && <p>{t('enterprises.import.refused_more', { count: refused - rows.length })}</p>}
        </>
      )}
    </section>
  );
}

/** The upload form, and the report of the run just made. */
export function ImportPage({ ctx, form, maxMb, report }: { ctx: ViewContext; form: FormState; maxMb: number; report?: { counts: ReportCounts; refusals: Array<{ line: number; creditCode: string; problems: FieldProblem[] }> } }) {
  const { t } = ctx;
  const labels = { file: t('enterprises.import.file'), asOf: t('enterprises.import.as_of') };
  const fileErr = form.errors.file;
  const asOfErr = form.errors.asOf;
  return (
    <Layout ctx={ctx} title={t('enterprises.import.title')} crumbs={crumbs(ctx, t('enterprises.import.title'))}>
      <h1>{t('enterprises.import.title')}</h1>
      {report && (
        <section aria-labelledby="report-heading">
          <h2 id="report-heading">{t('enterprises.import.report')}</h2>
          <Counts ctx={ctx} r={report.counts} />
          <Refusals ctx={ctx} id={report.counts.id} refused={report.counts.refused} rows={report.refusals} />
        </section>
      )}
      <p>{t('enterprises.import.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="post" action={`/admin/enterprises/import?_csrf=${encodeURIComponent(ctx.csrfToken)}`} enctype="multipart/form-data">
        <Csrf ctx={ctx} />
        <div class={asOfErr ? 'field has-error' : 'field'}>
          <label for="asOf">{labels.asOf}</label>
          <p class="hint" id="asOf-hint">
            {t('enterprises.import.as_of_hint')}
          </p>
          {asOfErr && (
            <p class="error" id="asOf-error">
              {t(asOfErr.key, asOfErr.params)}
            </p>
          )}
          <input id="asOf" name="asOf" type="date" value={typeof form.values.asOf === 'string' ? form.values.asOf : ''} aria-describedby={asOfErr ? 'asOf-hint asOf-error' : 'asOf-hint'} aria-invalid={asOfErr ? 'true' : undefined} />
        </div>
        <div class={fileErr ? 'field has-error' : 'field'}>
          <label for="file">
            {labels.file} <span class="req">({t('form.required')})</span>
          </label>
          <p class="hint" id="file-hint">
            {t('enterprises.import.file_hint', { mb: maxMb })}
          </p>
          {fileErr && (
            <p class="error" id="file-error">
              {t(fileErr.key, fileErr.params)}
            </p>
          )}
          <input id="file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required aria-describedby={fileErr ? 'file-hint file-error' : 'file-hint'} aria-invalid={fileErr ? 'true' : undefined} />
        </div>
        <button type="submit" class="button primary">
          {t('enterprises.import.submit')}
        </button>
      </form>
      <h2>{t('enterprises.import.columns')}</h2>
      <p>{t('enterprises.import.columns_text')}</p>
      <p>
        <a href="/admin/enterprises/import/template.csv" download>
          {t('enterprises.import.template')}
        </a>{' '}
        · <a href="/admin/enterprises/imports">{t('enterprises.import.reports')}</a>
      </p>
    </Layout>
  );
}

/** Past import reports. */
export function ImportsPage({ ctx, rows, page, pageCount }: { ctx: ViewContext; rows: ReportCounts[]; page: number; pageCount: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('enterprises.import.reports')} crumbs={crumbs(ctx, t('enterprises.import.reports'))}>
      <h1>{t('enterprises.import.reports')}</h1>
      <p>
        <a class="button primary" href="/admin/enterprises/import">
          {t('enterprises.import.title')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{t('enterprises.import.reports_none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('enterprises.import.started')}</th>
              <th scope="col">{t('enterprises.import.file_name')}</th>
              <th scope="col">{t('enterprises.import.status')}</th>
              <th scope="col">{t('enterprises.import.inserted')}</th>
              <th scope="col">{t('enterprises.import.updated')}</th>
              <th scope="col">{t('enterprises.import.unchanged')}</th>
              <th scope="col">{t('enterprises.import.refused')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/admin/enterprises/imports/${r.id}`}>
                    <DateTimeText iso={r.startedAt} />
                  </a>
                </td>
                <td>{r.fileName}</td>
                <td>{t(`enterprises.import.status.${r.status as 'done'}`)}</td>
                <td>{r.inserted}</td>
                <td>{r.updated}</td>
                <td>{r.unchanged}</td>
                <td>{r.refused}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination ctx={ctx} page={page} pageCount={pageCount} hrefFor={(n) => `/admin/enterprises/imports?page=${n}`} />
    </Layout>
  );
}

/** One past report with its refused rows. */
export function ImportReportPage({ ctx, report, refusals }: { ctx: ViewContext; report: ReportCounts; refusals: Array<{ line: number; creditCode: string; problems: FieldProblem[] }> }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('enterprises.import.report')} crumbs={crumbs(ctx, t('enterprises.import.report'))}>
      <h1>
        {t('enterprises.import.report')} · {report.fileName}
      </h1>
      <Counts ctx={ctx} r={report} />
      <Refusals ctx={ctx} id={report.id} refused={report.refused} rows={refusals} />
      <p>
        <a href="/admin/enterprises/imports">{t('enterprises.import.reports')}</a>
      </p>
    </Layout>
  );
}
