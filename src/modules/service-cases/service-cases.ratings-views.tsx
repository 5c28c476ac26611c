import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateText, ErrorSummary, Field, Notice, Select, TextArea, label, type FormState } from '../../views/components.js';
import type { DepartmentStats } from './service-cases.ratings.js';
import { RATING_LEVELS } from './service-cases.ratings.js';
import type { RatingRow } from './service-cases.ratings-repository.js';
import { FOLLOW_UP_METHODS } from './service-cases.schema.js';
import { levelLabel } from './service-cases.parts.js';

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

/** The public 好差评 statistics by department. */
export function StatsPage({ ctx, stats }: { ctx: ViewContext; stats: DepartmentStats[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('serviceCases.stats_title')} crumbs={[{ href: '/services', label: t('nav.services') }, { label: t('serviceCases.stats_title') }]}>
      <h1>{t('serviceCases.stats_title')}</h1>
      <p class="lead">{t('serviceCases.stats_intro')}</p>
      {stats.length === 0 ? (
        <p>{t('serviceCases.stats_empty')}</p>
      ) : (
        <table class="facts-table">
          <thead>
            <tr>
              <th scope="col">{t('serviceCases.stats_department')}</th>
              <th scope="col">{t('serviceCases.stats_total')}</th>
              {RATING_LEVELS.map((l) => (
                <th scope="col" key={l}>
                  {levelLabel(ctx, l)}
                </th>
              ))}
              <th scope="col">{t('serviceCases.stats_satisfaction')}</th>
              <th scope="col">{t('serviceCases.stats_bad_followed')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((d) => (
              <tr key={d.departmentId}>
                <th scope="row">{ctx.locale === 'en' ? d.nameEn || d.nameZh : d.nameZh}</th>
                <td>{d.total}</td>
                {RATING_LEVELS.map((l) => (
                  <td key={l}>{pct(d.byLevel[l] ?? 0, d.total)}</td>
                ))}
                <td>{d.satisfaction === null ? '—' : `${(100 * d.satisfaction).toFixed(1)}%`}</td>
                <td>
                  {d.followedUpInTime} / {d.bad}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

type StaffRating = RatingRow & { caseNumber: string; itemName: string };

/** Which rating form failed, to show its problems beside it. */
export interface RatingFormError {
  id: number;
  form: 'follow-up' | 'appeal' | 'decide';
  state: FormState;
}

const blank: FormState = { values: {}, errors: {} };

function RatingActions({ ctx, r, isAdmin, error, today }: { ctx: ViewContext; r: StaffRating; isAdmin: boolean; error?: RatingFormError | undefined; today: string }) {
  const { t } = ctx;
  const base = `/admin/services/ratings/${r.id}`;
  const st = (f: RatingFormError['form']) => (error?.id === r.id && error.form === f ? error.state : blank);
  return (
    <>
      {r.followUpStatus === 'pending' && (
        <form method="post" action={`${base}/follow-up`} class="form">
          <Csrf ctx={ctx} />
          <ErrorSummary ctx={ctx} form={st('follow-up')} labels={{ method: t('serviceCases.follow_up_method'), note: t('serviceCases.note'), followUpOn: t('serviceCases.follow_up_on'), fixByOn: t('serviceCases.fix_by_on') }} />
          <Select ctx={ctx} form={st('follow-up')} name="method" label={t('serviceCases.follow_up_method')} required options={FOLLOW_UP_METHODS.map((m) => ({ value: m, label: label(ctx, `serviceCases.follow_up_method.${m}`) }))} />
          <TextArea ctx={ctx} form={st('follow-up')} name="note" label={t('serviceCases.note')} required rows={2} />
          <Field ctx={ctx} form={{ ...st('follow-up'), values: { followUpOn: today, ...st('follow-up').values } }} name="followUpOn" type="date" label={t('serviceCases.follow_up_on')} required />
          <Field ctx={ctx} form={st('follow-up')} name="fixByOn" type="date" label={t('serviceCases.fix_by_on')} />
          <button type="submit" class="button primary">
            {t('serviceCases.record')}
          </button>
        </form>
      )}
      {r.appealStatus === 'none' && (
        <form method="post" action={`${base}/appeal`} class="form">
          <Csrf ctx={ctx} />
          <TextArea ctx={ctx} form={st('appeal')} name="reason" label={t('serviceCases.appeal_reason')} required rows={2} />
          <button type="submit" class="button">
            {t('serviceCases.appeal_send')}
          </button>
        </form>
      )}
      {r.appealStatus === 'pending' && isAdmin && (
        <form method="post" action={`${base}/decide`} class="form">
          <Csrf ctx={ctx} />
          <Select ctx={ctx} form={st('decide')} name="decision" label={t('serviceCases.appeal_decision')} required options={(['upheld', 'dismissed'] as const).map((d) => ({ value: d, label: label(ctx, `serviceCases.appeal_decision.${d}`) }))} />
          <TextArea ctx={ctx} form={st('decide')} name="note" label={t('serviceCases.note')} required rows={2} />
          <button type="submit" class="button primary">
            {t('serviceCases.appeal_decide')}
          </button>
        </form>
      )}
    </>
  );
}

/** The staff list of ratings: follow-ups to record, overdue ones, appeals, every bad rating. */
export function StaffRatingsPage({ ctx, kind, rows, today }: { ctx: ViewContext; kind: string; rows: StaffRating[]; today: string }) {
  const { t } = ctx;
  const kinds = ['follow_up', 'overdue', 'appeals', 'bad'] as const;
  return (
    <Layout ctx={ctx} title={t('serviceCases.ratings_title')} crumbs={[{ href: '/admin', label: t('nav.admin') }, { label: t('serviceCases.ratings_title') }]}>
      <h1>{t('serviceCases.ratings_title')}</h1>
      <nav aria-label={t('serviceCases.ratings_title')}>
        <ul class="tag-list">
          {kinds.map((k) => (
            <li key={k}>
              <a href={`/admin/services/ratings?list=${k}`} aria-current={k === kind ? 'page' : undefined}>
                {label(ctx, `serviceCases.ratings_list.${k}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 && <p>{t('serviceCases.ratings_empty')}</p>}
      {rows.map((r) => (
        <article key={r.id} class="card">
          <h2>
            <a href={`/admin/services/ratings/${r.id}`}>
              {levelLabel(ctx, r.level)} · {r.itemName}
            </a>
          </h2>
          <RatingFacts ctx={ctx} r={r} today={today} />
        </article>
      ))}
    </Layout>
  );
}

/** One rating with the steps staff may take: follow-up, appeal, decision on the appeal. */
export function StaffRatingPage({ ctx, r, isAdmin, today, notice, error }: { ctx: ViewContext; r: StaffRating; isAdmin: boolean; today: string; notice?: string | undefined; error?: RatingFormError | undefined }) {
  const { t } = ctx;
  const title = `${levelLabel(ctx, r.level)} · ${r.itemName}`;
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/admin', label: t('nav.admin') }, { href: '/admin/services/ratings', label: t('serviceCases.ratings_title') }, { label: title }]}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <RatingFacts ctx={ctx} r={r} today={today} />
      <RatingActions ctx={ctx} r={r} isAdmin={isAdmin} error={error} today={today} />
    </Layout>
  );
}

function RatingFacts({ ctx, r, today }: { ctx: ViewContext; r: StaffRating; today: string }) {
  const { t } = ctx;
  return (
          <dl class="facts">
            <dt>{t('serviceCases.case_number')}</dt>
            <dd>
              <a href={`/admin/services/cases/${r.caseNumber}`}>{r.caseNumber}</a>
            </dd>
            <dt>{t('serviceCases.channel')}</dt>
            <dd>
              {label(ctx, `serviceCases.rating_channel.${r.channel}`)} · <DateText iso={r.ratedOn} />
            </dd>
            {r.comment && (
              <>
                <dt>{t('serviceCases.comment')}</dt>
                <dd>{r.comment}</dd>
              </>
            )}
            <dt>{t('serviceCases.follow_up')}</dt>
            <dd>
              {label(ctx, `serviceCases.follow_up_status.${r.followUpStatus}`)}
              {r.followUpDueOn && (
                <>
                  {' · '}
                  {t('serviceCases.follow_up_due')} <DateText iso={r.followUpDueOn} />
                  {r.followUpStatus === 'pending' && r.followUpDueOn < today && <span class="status-badge status-rejected">{t('serviceCases.due.overdue')}</span>}
                </>
              )}
              {r.followUpMethod && ` · ${label(ctx, `serviceCases.follow_up_method.${r.followUpMethod}`)}：${r.followUpNote}`}
            </dd>
            {r.appealStatus !== 'none' && (
              <>
                <dt>{t('serviceCases.appeal')}</dt>
                <dd>
                  {label(ctx, `serviceCases.appeal_status.${r.appealStatus}`)}：{r.appealReason}
                  {r.appealDecisionNote && ` — ${r.appealDecisionNote}`}
                </dd>
              </>
            )}
          </dl>
  );
}
