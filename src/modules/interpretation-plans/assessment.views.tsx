import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateTimeText, ErrorSummary, Field, Notice, Select, type FormState } from '../../views/components.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import type { Assessment } from './assessment.service.js';
import { assessmentTables } from './assessment.export.js';

const k = (s: string) => s as MessageKey;

/** An inline SVG chart with a text alternative; the same numbers are in the table that follows it. */
function Chart({ id, title, alt, svg }: { id: string; title: string; alt: string; svg: string }) {
  return (
    <figure class="assessment-chart" aria-labelledby={`${id}-cap`}>
      <div class="chart-svg" role="img" aria-label={alt} dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption id={`${id}-cap`}>{title}</figcaption>
    </figure>
  );
}

/** The assessment page (also the printable report): period, setting, charts, tables, lists. */
export function AssessmentPage({ ctx, a, query, departments, charts, form, notice }: { ctx: ViewContext; a: Assessment; query: string; departments: Array<{ id: number; name: string }>; charts: { verdicts: string; scores: string }; form: FormState; notice?: string | undefined }) {
  const { t } = ctx;
  const [byDept, late, missing] = assessmentTables(a, t);
  const verdictSummary = a.departments.map((d) => `${d.department} ${t('assessment.verdict.with_policy')} ${d.with_policy}、${t('assessment.verdict.in_time')} ${d.in_time}、${t('assessment.verdict.late')} ${d.late}、${t('assessment.verdict.missing')} ${d.missing}、${t('assessment.verdict.pending')} ${d.pending}`).join('；');
  const scoreSummary = a.departments.filter((d) => d.score !== null).map((d) => `${d.department} ${d.score}`).join('；');
  return (
    <Layout ctx={ctx} title={t('assessment.title')} crumbs={[{ href: '/admin', label: t('nav.admin') }, { label: t('assessment.title') }]}>
      <h1>{t('assessment.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p class="report-meta">
        {t('assessment.period')}：{a.from} – {a.to} · {t('assessment.allowed_days')}：{a.allowed} · {t('assessment.generated_at')}：<DateTimeText iso={a.generatedAt} />
      </p>
      <p class="lead">{t('assessment.intro', { days: a.allowed })}</p>
      <p>{t('assessment.score_rule')}</p>
      <form method="get" action="/admin/assessment" class="filters" novalidate>
        <ErrorSummary ctx={ctx} form={form} labels={{ from: t('assessment.from'), to: t('assessment.to') }} />
        <Field ctx={ctx} form={form} name="from" label={t('assessment.from')} type="date" />
        <Field ctx={ctx} form={form} name="to" label={t('assessment.to')} type="date" />
        <Select ctx={ctx} form={form} name="departmentId" label={t('assessment.department')} options={departments.map((d) => ({ value: String(d.id), label: d.name }))} />
        <button class="button" type="submit">
          {t('assessment.apply')}
        </button>
      </form>
      <div class="toolbar">
        <a class="button" href={`/admin/assessment.csv?${query}`}>
          {t('assessment.export_csv')}
        </a>
        <a class="button" href={`/admin/assessment.xlsx?${query}`}>
          {t('assessment.export_xlsx')}
        </a>
        <a class="button" href={`/admin/assessment?${query}${query ? '&' : ''}print=1`}>
          {t('assessment.print')}
        </a>
      </div>
      {ctx.user?.role === 'admin' && (
        <form method="post" action="/admin/assessment/settings" class="form settings-form" novalidate>
          <Csrf ctx={ctx} />
          <Field ctx={ctx} form={form} name="allowedWorkingDays" label={t('assessment.allowed_days')} hint={t('assessment.allowed_days_hint')} type="number" required />
          <button class="button" type="submit">
            {t('assessment.save_days')}
          </button>
        </form>
      )}
      <section aria-labelledby="by-dept">
        <h2 id="by-dept">{byDept!.title}</h2>
        {a.departments.length > 0 && (
          <div class="chart-grid">
            <Chart id="chart-verdicts" title={t('assessment.chart_verdicts')} alt={t('assessment.chart_verdicts_alt', { summary: verdictSummary })} svg={charts.verdicts} />
            <Chart id="chart-scores" title={t('assessment.chart_scores')} alt={t('assessment.chart_scores_alt', { summary: scoreSummary || t('assessment.no_score') })} svg={charts.scores} />
          </div>
        )}
        <DataTable header={byDept!.header} rows={byDept!.rows} none={t('assessment.none')} />
      </section>
      <section aria-labelledby="late">
        <h2 id="late">{late!.title}</h2>
        <PolicyList ctx={ctx} rows={a.policies.filter((p) => p.verdict === 'late')} />
      </section>
      <section aria-labelledby="missing">
        <h2 id="missing">{missing!.title}</h2>
        <PolicyList ctx={ctx} rows={a.policies.filter((p) => p.verdict === 'missing')} />
      </section>
      <p class="meta screen-only">{t('assessment.print_hint')}</p>
    </Layout>
  );
}

function DataTable({ header, rows, none }: { header: string[]; rows: Array<Array<string | number | null>>; none: string }) {
  if (rows.length <= 1 && rows[0]?.[1] === 0) {
    return <p>{none}</p>;
  }
  return (
    <table class="assessment-table">
      <thead>
        <tr>
          {header.map((h) => (
            <th scope="col" key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (j === 0 ? <th scope="row" key={j}>{c}</th> : <td key={j}>{c ?? '—'}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PolicyList({ ctx, rows }: { ctx: ViewContext; rows: Assessment['policies'] }) {
  const { t } = ctx;
  if (rows.length === 0) {
    return <p>{t('assessment.none')}</p>;
  }
  return (
    <table class="assessment-table">
      <thead>
        <tr>
          <th scope="col">{t('assessment.policy')}</th>
          <th scope="col">{t('assessment.department')}</th>
          <th scope="col">{t('assessment.published_on')}</th>
          <th scope="col">{t('assessment.deadline')}</th>
          <th scope="col">{t('assessment.first_interpretation')}</th>
          <th scope="col">{t('assessment.verdict')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((p) => (
          <tr key={p.policyId}>
            <th scope="row">
              <a href={`/policies/${p.policyId}`}>{p.title}</a> <span class="meta">{p.docNumber}</span>
            </th>
            <td>{p.department}</td>
            <td>{p.publishedOn}</td>
            <td>{p.deadline}</td>
            <td>{p.firstInterpretationOn ?? '—'}</td>
            <td>{p.verdict === 'late' ? t('assessment.late_by_n', { n: p.lateBy }) : t(k(`assessment.verdict.${p.verdict}`))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
