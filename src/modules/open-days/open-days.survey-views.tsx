import type { FieldProblem } from '../../http/errors.js';
import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateTimeText, ErrorSummary, Field, Notice, Select, TextArea, type FormState } from '../../views/components.js';
import type { CampaignRow, NeedRow } from './open-days.repository.js';
import type { PublicNeed } from './open-days.presenter.js';
import type { AdoptedPoint } from './open-days.survey.repository.js';
import { NEED_CATEGORIES } from './open-days.survey.js';
import { dayLabel } from './open-days.components.js';

const category = (ctx: ViewContext, c: string) => ctx.t(`openDays.need_category.${c}` as 'openDays.need_category.other');

const needLabels = (ctx: ViewContext) => ({
  title: ctx.t('openDays.need_title'),
  category: ctx.t('openDays.need_category'),
  description: ctx.t('openDays.need_description'),
  proposerName: ctx.t('openDays.proposer_name'),
  contact: ctx.t('openDays.need_contact'),
});

/** The public needs survey: the ranking with a vote button per proposal, and the proposal form while open. */
export function SurveyPage({ ctx, campaign, needs, voted, state, form, notice }: { ctx: ViewContext; campaign: CampaignRow; needs: PublicNeed[]; voted: Set<number>; state: string; form: FormState; notice?: { kind: 'success' | 'warning'; text: string } }) {
  const { t } = ctx;
  const open = state === 'open';
  const window = { from: campaign.surveyOpensOn ? dayLabel(ctx, campaign.surveyOpensOn) : '-', to: campaign.surveyClosesOn ? dayLabel(ctx, campaign.surveyClosesOn) : '-' };
  return (
    <Layout ctx={ctx} title={t('openDays.survey_title', { title: campaign.title })} crumbs={[{ href: '/open-days', label: t('openDays.title') }, { href: `/open-days/${campaign.slug}`, label: campaign.title }, { label: t('openDays.survey') }]}>
      <h1>{t('openDays.survey_title', { title: campaign.title })}</h1>
      <p class="lead">{t('openDays.survey_intro')}</p>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <p>
        <strong>{t(`openDays.survey_state.${state}` as 'openDays.survey_state.open', window)}</strong>
      </p>
      <section aria-labelledby="ranking-h">
        <h2 id="ranking-h">{t('openDays.ranking')}</h2>
        {needs.length === 0 ? (
          <p>{t('openDays.no_needs')}</p>
        ) : (
          <ol>
            {needs.map((n) => (
              <li key={n.id} class="od-need" id={`need-${n.id}`}>
                <h3>{n.title}</h3>
                <p class="meta">
                  {category(ctx, n.category)} · {t('openDays.proposed_by', { name: n.proposerName || t('openDays.anonymous') })}
                </p>
                {n.description && <p>{n.description}</p>}
                {n.adoptedPoint && (
                  <p class="od-adopted">
                    <a href={`/open-days/points/${encodeURIComponent(n.adoptedPoint.code)}`} class="status-badge status-published">
                      {t('openDays.adopted_as', { topic: n.adoptedPoint.topic })}
                    </a>
                  </p>
                )}
                <p>
                  <span class="od-votes">{t('openDays.votes', { count: n.votes })}</span>{' '}
                  {voted.has(n.id) ? (
                    <span class="status-badge status-published">{t('openDays.voted')}</span>
                  ) : (
                    open && (
                      <form method="post" action={`/open-days/${campaign.slug}/survey/${n.id}/vote`} class="inline">
                        <Csrf ctx={ctx} />
                        <button type="submit" class="button" aria-label={t('openDays.vote_for', { title: n.title })}>
                          {t('openDays.vote')}
                        </button>
                      </form>
                    )
                  )}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {open && (
        <section aria-labelledby="propose-h">
          <h2 id="propose-h">{t('openDays.propose')}</h2>
          <p class="hint">{t('openDays.propose_hint')}</p>
          <ErrorSummary ctx={ctx} form={form} labels={needLabels(ctx)} />
          <form method="post" action={`/open-days/${campaign.slug}/survey`} class="form">
            <Csrf ctx={ctx} />
            <Field ctx={ctx} form={form} name="title" label={t('openDays.need_title')} required maxLength={100} />
            <Select ctx={ctx} form={form} name="category" label={t('openDays.need_category')} required options={NEED_CATEGORIES.map((c) => ({ value: c, label: category(ctx, c) }))} />
            <TextArea ctx={ctx} form={form} name="description" label={t('openDays.need_description')} hint={t('openDays.need_description_hint')} rows={4} />
            <Field ctx={ctx} form={form} name="proposerName" label={t('openDays.proposer_name')} hint={t('openDays.proposer_name_hint')} maxLength={30} autoComplete="name" />
            <Field ctx={ctx} form={form} name="contact" label={t('openDays.need_contact')} hint={t('openDays.need_contact_hint')} maxLength={100} />
            <button type="submit" class="button primary">
              {t('openDays.propose_submit')}
            </button>
          </form>
        </section>
      )}
    </Layout>
  );
}

/** Problems of one need's adoption form, shown beside that need only. */
export interface AdoptFormError {
  needId: number;
  errors: Record<string, FieldProblem>;
  values: Record<string, string>;
}

/** Where staff follow an adopted point: its public page, or its edit page while it is a draft. */
const staffPointHref = (p: AdoptedPoint) => (p.status === 'draft' ? `/admin/open-days/points/${p.id}` : `/open-days/points/${encodeURIComponent(p.code)}`);

/** A need's adoption (需求采纳): the point it became with a withdraw button, or a small form to adopt it. */
function Adoption({ ctx, campaign, need, points, canModerate, error }: { ctx: ViewContext; campaign: CampaignRow; need: NeedRow & { adoptedPoint: AdoptedPoint | null }; points: AdoptedPoint[]; canModerate: boolean; error?: AdoptFormError }) {
  const { t } = ctx;
  const adopted = need.adoptedPoint;
  if (adopted) {
    return (
      <>
        <a href={staffPointHref(adopted)}>{t('openDays.adopted_as', { topic: adopted.topic })}</a> <span class="meta">{adopted.code}</span>
        {canModerate && (
          <form method="post" action={`/admin/open-days/${campaign.id}/needs/${need.id}/unadopt`} class="inline">
            <Csrf ctx={ctx} />
            <button type="submit" class="button" aria-label={t('openDays.unadopt_for', { title: need.title })}>
              {t('openDays.unadopt')}
            </button>
          </form>
        )}
      </>
    );
  }
  if (!canModerate || need.status !== 'published') {
    return <>-</>;
  }
  if (points.length === 0) {
    return <p class="meta">{t('openDays.adopt_no_points')}</p>;
  }
  const id = `adopt-${need.id}`;
  const p = error?.errors.pointId;
  const chosen = error?.values.pointId ?? '';
  return (
    <form method="post" action={`/admin/open-days/${campaign.id}/needs/${need.id}/adopt`} class="filters">
      <Csrf ctx={ctx} />
      <div class={p ? 'field has-error' : 'field'}>
        <label for={id}>{t('openDays.adopt_point')}</label>
        {p && (
          <p class="error" id={`${id}-error`}>
            <span class="visually-hidden">{t('form.error_prefix')}</span>
            {t(p.key, p.params)}
          </p>
        )}
        <select id={id} name="pointId" required aria-invalid={p ? 'true' : undefined} aria-describedby={p ? `${id}-error` : undefined}>
          <option value="">{t('form.choose')}</option>
          {points.map((o) => (
            <option key={o.id} value={String(o.id)} selected={String(o.id) === chosen}>
              {`${o.code} ${o.topic}`}
              {o.status !== 'published' ? `（${t(`openDays.point_status.${o.status}` as 'openDays.point_status.draft')}）` : ''}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button" aria-label={t('openDays.adopt_for', { title: need.title })}>
        {t('openDays.adopt')}
      </button>
    </form>
  );
}

/** Planners' view of the survey: every proposal ranked with its votes, moderation and adoption for the general office. */
export function AdminNeedsPage({
  ctx,
  campaign,
  needs,
  counts,
  points,
  canModerate,
  notice,
  adoptError,
}: {
  ctx: ViewContext;
  campaign: CampaignRow;
  needs: Array<NeedRow & { adoptedPoint: AdoptedPoint | null }>;
  counts: Record<string, number>;
  points: AdoptedPoint[];
  canModerate: boolean;
  notice?: string;
  adoptError?: AdoptFormError;
}) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('openDays.needs_admin', { title: campaign.title })}
      crumbs={[{ href: '/admin', label: t('nav.admin') }, { href: '/admin/open-days', label: t('openDays.manage') }, { href: `/admin/open-days/${campaign.id}`, label: campaign.title }, { label: t('openDays.survey') }]}
    >
      <h1>{t('openDays.needs_admin', { title: campaign.title })}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ul class="od-counts">
        {(['pending', 'published', 'rejected'] as const).map((s) => (
          <li key={s}>
            {t(`openDays.need_status.${s}`)} <strong>{counts[s] ?? 0}</strong>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/open-days/${campaign.slug}/survey`}>{t('openDays.survey_public_page')}</a>
      </p>
      {needs.length === 0 ? (
        <p>{t('openDays.no_needs')}</p>
      ) : (
        <table>
          <caption>{t('openDays.ranking')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('openDays.rank')}</th>
              <th scope="col">{t('openDays.need_title')}</th>
              <th scope="col">{t('openDays.votes_col')}</th>
              <th scope="col">{t('openDays.status')}</th>
              <th scope="col">{t('openDays.proposer')}</th>
              <th scope="col">{t('openDays.actions')}</th>
              <th scope="col">{t('openDays.adoption')}</th>
            </tr>
          </thead>
          <tbody>
            {needs.map((n, i) => (
              <tr key={n.id} id={`need-${n.id}`}>
                <td>{i + 1}</td>
                <th scope="row">
                  {n.title}
                  <br />
                  <span class="meta">
                    {category(ctx, n.category)} · <DateTimeText iso={n.createdAt} />
                  </span>
                  {n.description && <p class="meta">{n.description}</p>}
                </th>
                <td>{n.votes}</td>
                <td>
                  <span class={`status-badge status-${n.status === 'pending' ? 'in_review' : n.status}`}>{t(`openDays.need_status.${n.status}` as 'openDays.need_status.pending')}</span>
                </td>
                <td>{[n.proposerName, n.contact].filter((x) => x !== '').join(' / ') || '-'}</td>
                <td>
                  {canModerate &&
                    (['published', 'rejected'] as const)
                      .filter((to) => to !== n.status)
                      .map((to) => (
                        <form key={to} method="post" action={`/admin/open-days/${campaign.id}/needs/${n.id}/moderate`} class="inline">
                          <Csrf ctx={ctx} />
                          <input type="hidden" name="status" value={to} />
                          <button type="submit" class={to === 'rejected' ? 'button danger' : 'button'} aria-label={t('openDays.label_value', { label: t(`openDays.moderate.${to}`), value: n.title })}>
                            {t(`openDays.moderate.${to}`)}
                          </button>
                        </form>
                      ))}
                </td>
                <td>
                  <Adoption ctx={ctx} campaign={campaign} need={n} points={points} canModerate={canModerate} error={adoptError?.needId === n.id ? adoptError : undefined} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
