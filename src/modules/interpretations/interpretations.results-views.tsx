import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { DateText } from '../../views/components.js';
import type { MessageKey } from '../../platform/i18n/index.js';
import type { FeedbackSummary } from './interpretations.feedback.js';
import { formLabel } from './interpretations.parts.js';

const BAR_MAX = 260;
const ROW = 28;

/**
 * Horizontal bars drawn as SVG (the CSP forbids inline styles, so widths cannot be CSS). The table
 * beside it carries the same numbers, so the chart is hidden from screen readers.
 */
function Bars({ rows }: { rows: Array<{ label: string; percent: number }> }) {
  const height = rows.length * ROW + 4;
  return (
    <svg class="survey-bars" viewBox={`0 0 ${BAR_MAX + 170} ${height}`} width={BAR_MAX + 170} height={height} aria-hidden="true" focusable="false">
      {rows.map((r, n) => (
        <g key={n} transform={`translate(0 ${n * ROW + 2})`}>
          <text x="0" y="17" font-size="14" fill="#1a1a1a">
            {r.label}
          </text>
          <rect x="100" y="3" width={Math.max(1, (r.percent / 100) * BAR_MAX)} height="18" fill="#9b1c1c" />
          <text x={106 + (r.percent / 100) * BAR_MAX} y="17" font-size="14" fill="#1a1a1a">
            {`${r.percent}%`}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Staff results: helpfulness per interpretation, latest comments, the survey by respondent type. */
export function FeedbackResultsPage({ ctx, summary, sort }: { ctx: ViewContext; summary: FeedbackSummary; sort: 'votes' | 'least_helpful' }) {
  const { t } = ctx;
  const title = t('interpretations.results.title');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/admin', label: t('nav.admin') }, { href: '/admin/interpretations', label: t('interpretations.manage') }, { label: title }]}>
      <h1>{title}</h1>
      <section aria-labelledby="helpful-h">
        <h2 id="helpful-h">{t('interpretations.results.helpfulness')}</h2>
        <p class="actions">
          <a class="tag" href="/admin/interpretations/feedback" aria-current={sort === 'votes' ? 'true' : undefined}>
            {t('interpretations.results.sort_votes')}
          </a>
          <a class="tag" href="/admin/interpretations/feedback?sort=least_helpful" aria-current={sort === 'least_helpful' ? 'true' : undefined}>
            {t('interpretations.results.sort_least')}
          </a>
        </p>
        {summary.helpfulness.length === 0 ? (
          <p>{t('interpretations.results.no_votes')}</p>
        ) : (
          <table class="helpfulness">
            <thead>
              <tr>
                <th scope="col">{t('portal.title')}</th>
                <th scope="col">{t('interpretations.form')}</th>
                <th scope="col">{t('interpretations.results.yes')}</th>
                <th scope="col">{t('interpretations.results.no')}</th>
                <th scope="col">{t('interpretations.results.total')}</th>
                <th scope="col">{t('interpretations.results.yes_percent')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.helpfulness.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <a href={`/admin/interpretations/${r.id}`}>{r.title}</a>
                    <br />
                    <span class="meta">{r.policyTitle}</span>
                  </th>
                  <td>{formLabel(ctx, r.form)}</td>
                  <td>{r.yes}</td>
                  <td>{r.no}</td>
                  <td>{r.total}</td>
                  <td>{`${r.yesPercent}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="comments-h">
        <h2 id="comments-h">{t('interpretations.results.comments')}</h2>
        {summary.comments.length === 0 ? (
          <p>{t('interpretations.results.no_comments')}</p>
        ) : (
          <ul class="feedback-comments">
            {summary.comments.map((c) => (
              <li key={c.id}>
                <p>{c.comment}</p>
                <p class="meta">
                  {t(c.helpful ? 'interpretations.results.yes' : 'interpretations.results.no')} · <a href={`/admin/interpretations/${c.interpretationId}`}>{c.title}</a> · <DateText iso={c.createdAt} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="survey-h">
        <h2 id="survey-h">{t('interpretations.results.survey')}</h2>
        {summary.survey.groups
          .filter((g) => g.total > 0)
          .map((g) => {
            const type = t(`interpretations.survey.respondent.${g.respondentType}` as MessageKey);
            const caption = t('interpretations.results.respondents', { type, count: g.total });
            return (
              <div class="survey-group" key={g.respondentType}>
                <h3>{caption}</h3>
                <div class="survey-result">
                  <table>
                    <caption class="visually-hidden">{t('interpretations.results.chart', { type })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('interpretations.survey.preferred_form')}</th>
                        <th scope="col">{t('interpretations.results.count')}</th>
                        <th scope="col">{t('interpretations.results.percent')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.forms.map((f) => (
                        <tr key={f.form}>
                          <th scope="row">{t(`interpretations.survey.form.${f.form}` as MessageKey)}</th>
                          <td>{f.count}</td>
                          <td>{`${f.percent}%`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <Bars rows={g.forms.map((f) => ({ label: t(`interpretations.survey.form.${f.form}` as MessageKey), percent: f.percent }))} />
                </div>
                {g.graphicNecessary.yes + g.graphicNecessary.no > 0 && <p>{t('interpretations.results.graphic_necessary', { yes: g.graphicNecessary.yes, percent: g.graphicNecessary.yesPercent })}</p>}
              </div>
            );
          })}
      </section>
    </Layout>
  );
}
