import type { ViewContext } from '../../views/context.js';
import { label } from '../../views/components.js';
import { Layout } from '../../views/layout.js';
import { CHANNELS, ITEM_PHASES } from './expropriation.directory.js';
import type { ProjectRow } from './expropriation.repository.js';
import type { directoryStatus, progress } from './expropriation.service.js';
import { enumLabel, num, StateBadge, yuan } from './expropriation.components.js';

type Status = Awaited<ReturnType<typeof directoryStatus>>;
type Progress = Awaited<ReturnType<typeof progress>>;

/** The list of projects. */
export function ProjectsPage({ ctx, projects }: { ctx: ViewContext; projects: ProjectRow[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('expropriation.title')} crumbs={[{ label: t('expropriation.title') }]}>
      <h1>{t('expropriation.title')}</h1>
      <p class="lead">{t('expropriation.intro')}</p>
      <ul class="card-list">
        {projects.map((p) => (
          <li key={p.id} class="card">
            <h2>
              <a href={`/expropriation/projects/${p.id}`}>{p.name}</a>
            </h2>
            <p class="meta">
              {enumLabel(ctx, 'phase', p.phase)}
              {p.decisionNumber && <> · {p.decisionNumber}</>}
            </p>
          </li>
        ))}
      </ul>
      {projects.length === 0 && <p>{t('expropriation.no_projects')}</p>}
    </Layout>
  );
}

function Channels({ ctx, json }: { ctx: ViewContext; json: string }) {
  const c = JSON.parse(json) as Record<string, string>;
  return (
    <span>
      {CHANNELS.filter((k) => c[k])
        .map((k) => `${c[k] === 'required' ? '■' : '□'}${label(ctx, `expropriation.channel.${k}`)}`)
        .join(' ')}
    </span>
  );
}

/** The disclosure checklist, one table per phase with its counts. */
export function Checklist({ ctx, status, staffLinks }: { ctx: ViewContext; status: Status; staffLinks?: boolean }) {
  const { t } = ctx;
  return (
    <>
      {ITEM_PHASES.map((ph) => {
        const c = status.counts[ph];
        return (
          <section key={ph} aria-labelledby={`phase-${ph}`}>
            <h3 id={`phase-${ph}`}>{t('expropriation.phase_heading', { phase: enumLabel(ctx, 'phase', ph), total: c.total })}</h3>
            <p class="exp-counts">{t('expropriation.phase_counts', { published: c.published, due: c.due, late: c.late })}</p>
            <table class="exp-table">
              <thead>
                <tr>
                  <th scope="col">{t('expropriation.col.seq')}</th>
                  <th scope="col">{t('expropriation.col.item')}</th>
                  <th scope="col">{t('expropriation.col.basis')}</th>
                  <th scope="col">{t('expropriation.col.limit')}</th>
                  <th scope="col">{t('expropriation.col.channels')}</th>
                  <th scope="col">{t('expropriation.col.state')}</th>
                </tr>
              </thead>
              <tbody>
                {status.rows
                  .filter((r) => r.phase === ph)
                  .map((r) => (
                    <tr key={r.id} id={`item-${r.seq}`}>
                      <td>{r.seq}</td>
                      <td>
                        <strong>{r.level2}</strong>
                        <br />
                        <span class="hint">
                          {r.level1} · {r.content} · {enumLabel(ctx, 'audience', r.audience)} · {enumLabel(ctx, 'mode', r.mode)} · {r.responsible}
                        </span>
                      </td>
                      <td>{r.basis}</td>
                      <td>
                        {r.timeLimit}
                        {r.dueOn && <div class="hint">{t('expropriation.due_on', { date: r.dueOn })}</div>}
                      </td>
                      <td>
                        <Channels ctx={ctx} json={r.channels} />
                      </td>
                      <td>
                        <StateBadge ctx={ctx} state={r.state} />
                        {r.publishedOn && r.link && (
                          <div>
                            <a href={r.link}>{t('expropriation.published_on', { date: r.publishedOn })}</a>
                          </div>
                        )}
                        {staffLinks && (
                          <div>
                            {r.state !== 'published' && <><a href={`/admin/expropriation/projects/${r.projectId}/items/${r.seq}`}>{t('expropriation.publish_item')}</a> · </>}
                            <a href={`/admin/expropriation/projects/${r.projectId}/items/${r.seq}/edit`} aria-label={`${t('expropriation.edit_item')} ${r.seq} ${r.level2}`}>{t('expropriation.edit_item')}</a>
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}

/** The comment period of the scheme, checked against the 30-day minimum. */
export function CommentCheck({ ctx, comment }: { ctx: ViewContext; comment: Status['comment'] }) {
  const { t } = ctx;
  if (!comment) {
    return <p>{t('expropriation.comment_none')}</p>;
  }
  return (
    <ul>
      <li>{t('expropriation.comment_period', { from: comment.opensOn, to: comment.closesOn, days: comment.days })}</li>
      <li>{comment.longEnough ? t('expropriation.comment_long_enough') : <strong>{t('expropriation.comment_too_short')}</strong>}</li>
      {comment.revisionsPublishedOn && <li>{t('expropriation.revisions_published', { date: comment.revisionsPublishedOn })}</li>}
      {comment.revisionsOwed && (
        <li>
          <strong>{t('expropriation.revisions_owed')}</strong>
        </li>
      )}
      {comment.open && <li>{t('expropriation.comment_open')}</li>}
    </ul>
  );
}

/** Progress figures with their charts, each beside its table. */
export function ProgressSection({ ctx, p, charts }: { ctx: ViewContext; p: Progress; charts: { byDay: string; buildings: string; schemes: string; payments: string } }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="progress">
      <h2 id="progress">{t('expropriation.progress')}</h2>
      <p class="exp-big">{t('expropriation.signed_of', { signed: num(ctx, p.signed), total: num(ctx, p.total), pct: p.signedPct })}</p>
      <table class="exp-table">
        <tbody>
          <tr><th scope="row">{t('expropriation.scheme.monetary')}</th><td>{num(ctx, p.monetary)}</td></tr>
          <tr><th scope="row">{t('expropriation.scheme.exchange')}</th><td>{num(ctx, p.exchange)}</td></tr>
          <tr><th scope="row">{t('expropriation.payment.paid')}</th><td>{num(ctx, p.paid)} · {yuan(ctx, p.paidAmount)}</td></tr>
        </tbody>
      </table>
      <div class="chart-grid">
        <figure class="assessment-chart"><figcaption>{t('expropriation.chart_by_day')}</figcaption><div class="chart-svg" dangerouslySetInnerHTML={{ __html: charts.byDay }} /></figure>
        <figure class="assessment-chart"><figcaption>{t('expropriation.chart_schemes')}</figcaption><div class="chart-svg" dangerouslySetInnerHTML={{ __html: charts.schemes }} /></figure>
        <figure class="assessment-chart"><figcaption>{t('expropriation.chart_payments')}</figcaption><div class="chart-svg" dangerouslySetInnerHTML={{ __html: charts.payments }} /></figure>
        <figure class="assessment-chart"><figcaption>{t('expropriation.chart_buildings')}</figcaption><div class="chart-svg" dangerouslySetInnerHTML={{ __html: charts.buildings }} /></figure>
      </div>
      <details>
        <summary>{t('expropriation.buildings_table')}</summary>
        <table class="exp-table">
          <thead><tr><th scope="col">{t('expropriation.col.building')}</th><th scope="col">{t('expropriation.col.households')}</th><th scope="col">{t('expropriation.signing.signed')}</th></tr></thead>
          <tbody>{p.buildings.map((b) => <tr key={b.building}><td>{b.building}</td><td>{num(ctx, b.total)}</td><td>{num(ctx, b.signed)}</td></tr>)}</tbody>
        </table>
      </details>
    </section>
  );
}

/** A project's public page: facts, map, progress with charts, the comment check and the checklist. */
export function ProjectPage({ ctx, status, p, charts, map }: { ctx: ViewContext; status: Status; p: Progress; charts: { byDay: string; buildings: string; schemes: string; payments: string }; map: string | null }) {
  const { t } = ctx;
  const pr = status.project;
  const base = `/expropriation/projects/${pr.id}`;
  return (
    <Layout ctx={ctx} title={pr.name} crumbs={[{ href: '/expropriation', label: t('expropriation.title') }, { label: pr.name }]}>
      <h1>{pr.name}</h1>
      <dl class="facts">
        <dt>{t('expropriation.field.phase')}</dt><dd>{enumLabel(ctx, 'phase', pr.phase)}</dd>
        {pr.decisionNumber && <><dt>{t('expropriation.field.decisionNumber')}</dt><dd>{pr.decisionNumber}</dd></>}
        {pr.radiusM !== null && <><dt>{t('expropriation.field.area')}</dt><dd>{t('expropriation.area_radius', { radius: pr.radiusM })}</dd></>}
        <dt>{t('expropriation.field.valuerDays')}</dt><dd>{t('expropriation.valuer_days', { days: pr.valuerDays })}</dd>
      </dl>
      {pr.summary && <p>{pr.summary}</p>}
      <ul class="actions">
        <li><a href={`${base}/households`}>{t('expropriation.households_link')}</a></li>
        <li><a href={`${base}/screen`}>{t('expropriation.screen_link')}</a></li>
        <li><a href={`${base}/notice`}>{t('expropriation.notice_link')}</a></li>
        <li><a href="/expropriation/sign-in">{t('expropriation.sign_in_link')}</a></li>
      </ul>
      {map && <div class="od-locator" dangerouslySetInnerHTML={{ __html: map }} />}
      <ProgressSection ctx={ctx} p={p} charts={charts} />
      <section aria-labelledby="comment">
        <h2 id="comment">{t('expropriation.comment_heading')}</h2>
        <CommentCheck ctx={ctx} comment={status.comment} />
      </section>
      <section aria-labelledby="events">
        <h2 id="events">{t('expropriation.events_heading')}</h2>
        <ul>{status.events.map((e) => <li key={e.id}>{e.occurredOn} · {enumLabel(ctx, 'event', e.kind)}{e.note && <> · {e.note}</>}</li>)}</ul>
      </section>
      <section aria-labelledby="directory">
        <h2 id="directory">{t('expropriation.directory_heading')}</h2>
        <p class="hint">{t('expropriation.directory_hint')}</p>
        <Checklist ctx={ctx} status={status} />
      </section>
    </Layout>
  );
}
