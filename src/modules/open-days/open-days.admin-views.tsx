import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, ErrorSummary, Field, Notice, TextArea, type FormState } from '../../views/components.js';
import type { CampaignRow, ThemeRow } from './open-days.repository.js';
import type { TemplateSection } from './open-days.template.js';
import { CampaignDates, LevelBadge, dayLabel, num, themeTitle } from './open-days.components.js';

/** The staff area's breadcrumbs down to the open days, plus more steps. */
export const adminCrumbs = (ctx: ViewContext, ...more: Array<{ href?: string; label: string }>) => [{ href: '/admin', label: ctx.t('nav.admin') }, { href: '/admin/open-days', label: ctx.t('openDays.manage') }, ...more];

/** A campaign's state as a badge. */
export function CampaignStatus({ ctx, status }: { ctx: ViewContext; status: string }) {
  const cls = status === 'draft' ? 'draft' : status === 'published' ? 'published' : 'withdrawn';
  return <span class={`status-badge status-${cls}`}>{ctx.t(`openDays.campaign_status.${status}` as 'openDays.campaign_status.draft')}</span>;
}

/** Staff list of campaigns. */
export function AdminCampaignsPage({ ctx, rows, canCreate }: { ctx: ViewContext; rows: CampaignRow[]; canCreate: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('openDays.manage')} crumbs={[{ href: '/admin', label: t('nav.admin') }, { label: t('openDays.manage') }]}>
      <h1>{t('openDays.manage')}</h1>
      {canCreate && (
        <p>
          <a class="button primary" href="/admin/open-days/new">
            {t('openDays.new_campaign')}
          </a>
        </p>
      )}
      {rows.length === 0 ? (
        <p>{t('openDays.no_campaigns')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('openDays.campaign')}</th>
              <th scope="col">{t('openDays.dates')}</th>
              <th scope="col">{t('openDays.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a href={`/admin/open-days/${c.id}`}>{`${c.year} ${c.title}`}</a>
                </th>
                <td>
                  <CampaignDates ctx={ctx} c={c} />
                </td>
                <td>
                  <CampaignStatus ctx={ctx} status={c.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

const campaignLabels = (ctx: ViewContext) => ({
  slug: ctx.t('openDays.slug'),
  title: ctx.t('openDays.campaign_title'),
  slogan: ctx.t('openDays.slogan'),
  description: ctx.t('openDays.description'),
  startsOn: ctx.t('openDays.starts_on'),
  endsOn: ctx.t('openDays.ends_on'),
  themes: ctx.t('openDays.themes_field'),
  unifiedTime: ctx.t('openDays.unified_time'),
  templateSections: ctx.t('openDays.template_field'),
  process: ctx.t('openDays.process'),
  surveyOpensOn: ctx.t('openDays.survey_opens'),
  surveyClosesOn: ctx.t('openDays.survey_closes'),
  registrationOpensAt: ctx.t('openDays.registration_opens'),
  registrationClosesAt: ctx.t('openDays.registration_closes'),
  answerDays: ctx.t('openDays.answer_days'),
});

/** The campaign form (new or edit). */
export function CampaignFormPage({ ctx, form, campaign }: { ctx: ViewContext; form: FormState; campaign?: CampaignRow }) {
  const { t } = ctx;
  const title = campaign ? t('openDays.edit_campaign') : t('openDays.new_campaign');
  const crumbs = campaign ? adminCrumbs(ctx, { href: `/admin/open-days/${campaign.id}`, label: campaign.title }, { label: title }) : adminCrumbs(ctx, { label: title });
  return (
    <Layout ctx={ctx} title={title} crumbs={crumbs}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={campaignLabels(ctx)} />
      <form method="post" action={campaign ? `/admin/open-days/${campaign.id}/edit` : '/admin/open-days/new'} class="form">
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={form} name="title" label={t('openDays.campaign_title')} required maxLength={200} />
        <Field ctx={ctx} form={form} name="slug" label={t('openDays.slug')} hint={t('openDays.slug_hint')} required maxLength={60} />
        <Field ctx={ctx} form={form} name="slogan" label={t('openDays.slogan')} maxLength={100} />
        <TextArea ctx={ctx} form={form} name="description" label={t('openDays.description')} rows={3} />
        <Field ctx={ctx} form={form} name="startsOn" type="date" label={t('openDays.starts_on')} required />
        <Field ctx={ctx} form={form} name="endsOn" type="date" label={t('openDays.ends_on')} required />
        <TextArea ctx={ctx} form={form} name="themes" label={t('openDays.themes_field')} hint={t('openDays.themes_hint')} rows={4} />
        <Field ctx={ctx} form={form} name="unifiedTime" label={t('openDays.unified_time')} hint={t('openDays.unified_time_hint')} maxLength={200} />
        <TextArea ctx={ctx} form={form} name="templateSections" label={t('openDays.template_field')} hint={t('openDays.template_hint')} required rows={5} />
        <TextArea ctx={ctx} form={form} name="process" label={t('openDays.process')} hint={t('openDays.process_hint')} rows={4} />
        <Field ctx={ctx} form={form} name="surveyOpensOn" type="date" label={t('openDays.survey_opens')} hint={t('openDays.window_hint')} />
        <Field ctx={ctx} form={form} name="surveyClosesOn" type="date" label={t('openDays.survey_closes')} />
        <Field ctx={ctx} form={form} name="registrationOpensAt" type="datetime-local" label={t('openDays.registration_opens')} hint={t('openDays.datetime_hint')} />
        <Field ctx={ctx} form={form} name="registrationClosesAt" type="datetime-local" label={t('openDays.registration_closes')} hint={t('openDays.datetime_hint')} />
        <Field ctx={ctx} form={form} name="answerDays" type="number" label={t('openDays.answer_days')} hint={t('openDays.answer_days_hint')} required />
        <button type="submit" class="button primary">
          {t('form.save')}
        </button>
      </form>
    </Layout>
  );
}

interface StaffPoint {
  id: number;
  code: string;
  topic: string;
  level: string;
  organiser: string;
  district: string;
  status: string;
  themeId: number | null;
  capacity: number;
  booked: number;
  sessions: number;
  onlineVisits: number;
  editable: boolean;
}

/** A campaign for staff: its settings, state actions, and its points with places and bookings. */
export function AdminCampaignPage({ ctx, campaign, themes, sections, points, isAdmin, canAdd, notice }: { ctx: ViewContext; campaign: CampaignRow; themes: ThemeRow[]; sections: TemplateSection[]; points: StaffPoint[]; isAdmin: boolean; canAdd: boolean; notice?: string }) {
  const { t } = ctx;
  const c = campaign;
  const theme = (id: number | null) => themes.find((x) => x.id === id);
  return (
    <Layout ctx={ctx} title={c.title} crumbs={adminCrumbs(ctx, { label: c.title })}>
      <h1>
        {`${c.year} ${c.title}`} <CampaignStatus ctx={ctx} status={c.status} />
      </h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <dl class="facts">
        <dt>{t('openDays.dates')}</dt>
        <dd>
          <CampaignDates ctx={ctx} c={c} />
        </dd>
        <dt>{t('openDays.themes_field')}</dt>
        <dd>{themes.map((th) => `${dayLabel(ctx, th.day)} ${themeTitle(ctx, th)}`).join(t('openDays.list_sep')) || '-'}</dd>
        <dt>{t('openDays.template_field')}</dt>
        <dd>{sections.map((s) => (ctx.locale === 'en' ? s.titleEn : s.titleZh)).join(t('openDays.list_sep')) || '-'}</dd>
        <dt>{t('openDays.public_page')}</dt>
        <dd>{c.status === 'draft' ? t('openDays.not_public_yet') : <a href={`/open-days/${c.slug}`}>{`/open-days/${c.slug}`}</a>}</dd>
      </dl>
      <div class="actions toolbar">
        {isAdmin && (
          <a class="button" href={`/admin/open-days/${c.id}/edit`}>
            {t('openDays.edit_campaign')}
          </a>
        )}
        <a class="button" href={`/admin/open-days/${c.id}/needs`}>
          {t('openDays.survey')}
        </a>
        {isAdmin && c.status !== 'closed' && (
          <form method="post" action={`/admin/open-days/${c.id}/${c.status === 'draft' ? 'publish' : 'close'}`} class="inline">
            <Csrf ctx={ctx} />
            <button type="submit" class="button primary">
              {c.status === 'draft' ? t('openDays.publish_campaign') : t('openDays.close_campaign')}
            </button>
          </form>
        )}
        {canAdd && c.status !== 'closed' && (
          <a class="button primary" href={`/admin/open-days/${c.id}/points/new`}>
            {t('openDays.new_point')}
          </a>
        )}
      </div>
      <h2>{t('openDays.points_heading', { count: points.length })}</h2>
      {points.length === 0 ? (
        <p>{t('openDays.no_points')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('openDays.code')}</th>
              <th scope="col">{t('openDays.point')}</th>
              <th scope="col">{t('openDays.level')}</th>
              <th scope="col">{t('openDays.theme')}</th>
              <th scope="col">{t('openDays.status')}</th>
              <th scope="col">{t('openDays.booked_of_places')}</th>
              <th scope="col">{t('openDays.online_visits')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => {
              const th = theme(p.themeId);
              return (
                <tr key={p.id}>
                  <td>{p.code}</td>
                  <th scope="row">
                    {p.editable ? <a href={`/admin/open-days/points/${p.id}`}>{p.topic}</a> : p.topic}
                    <br />
                    <span class="meta">{[p.organiser, p.district].filter((x) => x !== '').join(' · ')}</span>
                  </th>
                  <td>
                    <LevelBadge ctx={ctx} level={p.level} />
                  </td>
                  <td>{th ? `${dayLabel(ctx, th.day)} ${themeTitle(ctx, th)}` : '-'}</td>
                  <td>{t(`openDays.point_status.${p.status}` as 'openDays.point_status.draft')}</td>
                  <td>{t('openDays.booked_cell', { booked: num(ctx, p.booked), capacity: num(ctx, p.capacity), sessions: p.sessions })}</td>
                  <td>{num(ctx, p.onlineVisits)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
