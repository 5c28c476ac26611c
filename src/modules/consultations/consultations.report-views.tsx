import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { DateText, Notice } from '../../views/components.js';
import type * as repo from './consultations.repository.js';
import type { RoundReport } from './consultations.report.js';
import { DECISIONS } from './consultations.rules.js';
import { DecisionBadge, Paragraphs, Period, articleLabel, kindLabel } from './consultations.parts.js';

/** What the report pages show besides the report itself. */
export interface ReportContext {
  draft: repo.DraftRow;
  round: repo.RoundRow;
  department: string;
}

function Counts({ ctx, r }: { ctx: ViewContext; r: RoundReport }) {
  const { t } = ctx;
  return (
    <table class="consult-table">
      <caption>{t('consultations.report.counts')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('consultations.report.total')}</th>
          {DECISIONS.map((d) => (
            <th scope="col" key={d}>
              {t(`consultations.decision.${d}`)}
            </th>
          ))}
          <th scope="col">{t('consultations.report.from_events')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>{r.total}</td>
          {DECISIONS.map((d) => (
            <td key={d}>{r.counts[d]}</td>
          ))}
          <td>{r.fromEvents}</td>
        </tr>
      </tbody>
    </table>
  );
}

function ByArticle({ ctx, r }: { ctx: ViewContext; r: RoundReport }) {
  const { t } = ctx;
  return (
    <table class="consult-table">
      <caption>{t('consultations.report.by_article')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('consultations.article')}</th>
          <th scope="col">{t('consultations.report.total')}</th>
          {DECISIONS.map((d) => (
            <th scope="col" key={d}>
              {t(`consultations.decision.${d}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {r.byArticle.map((a) => (
          <tr key={a.number ?? 0}>
            <th scope="row">
              {articleLabel(ctx, a.number)} {a.heading}
            </th>
            <td>{a.total}</td>
            {DECISIONS.map((d) => (
              <td key={d}>{a.counts[d]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CommentTable({ ctx, r }: { ctx: ViewContext; r: RoundReport }) {
  const { t } = ctx;
  return (
    <table class="consult-table consult-report-comments">
      <caption>{t('consultations.report.each_comment')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('consultations.article')}</th>
          <th scope="col">{t('consultations.report.source_commenter')}</th>
          <th scope="col">{t('consultations.content')}</th>
          <th scope="col">{t('consultations.report.decision_reason')}</th>
        </tr>
      </thead>
      <tbody>
        {r.comments.map((c) => (
          <tr key={c.id}>
            <td>{articleLabel(ctx, c.articleNumber)}</td>
            <td>
              {c.source === 'event' ? c.eventTitle : t('consultations.source.online')}
              <br />
              {c.commenter || t('consultations.anonymous')}
            </td>
            <td>{c.content}</td>
            <td>
              <DecisionBadge ctx={ctx} decision={c.decision} /> {c.reason}
              {c.groupId !== null && c.groupId !== c.id && <span class="meta"> {t('consultations.report.grouped_with', { id: c.groupId })}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The adoption report of a round (采纳情况报告), on screen or as the printable version. */
export function ReportPage({ ctx, data, report, print, preview }: { ctx: ViewContext; data: ReportContext; report: RoundReport; print: boolean; preview?: boolean }) {
  const { t } = ctx;
  const { draft, round } = data;
  const title = t('consultations.report.title', { n: round.seq });
  const base = `/consultations/${draft.id}/rounds/${round.seq}/report`;
  return (
    <Layout ctx={ctx} title={`${draft.title} ${title}`} crumbs={[{ href: '/consultations', label: t('consultations.title') }, { href: `/consultations/${draft.id}`, label: draft.title }, { label: title }]}>
      <div class={print ? 'consult-print' : undefined}>
        <h1>
          {draft.title}
          <br />
          {title}
        </h1>
        <p class="meta">
          {data.department} · {kindLabel(ctx, draft.kind)} · {t('consultations.period')}：<Period ctx={ctx} r={round} /> {round.reportPublishedAt && (
            <>
              {' · '}
              {t('consultations.report.published_on')} <DateText iso={round.reportPublishedAt} />
            </>
          )}
        </p>
        {preview && (
          <Notice kind="warning">
            <p>{t('consultations.report.preview', { n: report.undecided })}</p>
          </Notice>
        )}
        {!print && !preview && (
          <p class="actions">
            <a href={`${base}?print=1`}>{t('consultations.report.print')}</a>
            <a href={`${base}.csv`}>{t('consultations.report.csv')}</a>
          </p>
        )}
        {round.reportSummary && <Paragraphs text={round.reportSummary} />}
        <Counts ctx={ctx} r={report} />
        {report.events.length > 0 && (
          <section aria-labelledby="events-h">
            <h2 id="events-h">{t('consultations.events')}</h2>
            <ul>
              {report.events.map((e) => (
                <li key={e.id}>
                  <DateText iso={e.heldOn} /> {e.title}（{t(`consultations.event_kind.${e.kind as 'hearing'}`)}）{e.participants && `：${e.participants}`}
                </li>
              ))}
            </ul>
          </section>
        )}
        <h2>{t('consultations.report.by_article')}</h2>
        <ByArticle ctx={ctx} r={report} />
        <h2>{t('consultations.report.each_comment')}</h2>
        <CommentTable ctx={ctx} r={report} />
      </div>
    </Layout>
  );
}
