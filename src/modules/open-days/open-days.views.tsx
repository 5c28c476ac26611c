import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Notice } from '../../views/components.js';
import type { DayGroup, ProgrammeFilter, ProgrammeTheme } from './open-days.programme.js';
import { LEVELS, remaining } from './open-days.programme.js';
import type { programme, publicPoint } from './open-days.public.js';
import { mapLink } from '../../platform/map.js';
import { processSteps } from './open-days.template.js';
import { CampaignDates, LevelBadge, Paragraphs, SessionTime, dayLabel, num, themeTitle } from './open-days.components.js';

type Programme = Awaited<ReturnType<typeof programme>>;

/** Links to a campaign's other views: survey, report, printable programme, calendar. */
function CampaignLinks({ ctx, data }: { ctx: ViewContext; data: Programme }) {
  const { t } = ctx;
  const slug = data.campaign.slug;
  return (
    <ul class="plan-counts">
      {data.survey !== 'none' && (
        <li>
          <a href={`/open-days/${slug}/survey`}>{data.survey === 'open' ? t('openDays.survey_open_link') : t('openDays.survey_link')}</a>
        </li>
      )}
      <li>
        <a href={`/open-days/${slug}/report`}>{t('openDays.report_link')}</a>
      </li>
      <li>
        <a href={`/open-days/${slug}/print`}>{t('openDays.print_link')}</a>
      </li>
      <li>
        <a href={`/open-days/${slug}/calendar.ics`} type="text/calendar">
          {t('openDays.ical_campaign')}
        </a>
      </li>
    </ul>
  );
}

function ThemeHeading({ ctx, theme, count }: { ctx: ViewContext; theme: ProgrammeTheme | null; count: number }) {
  return theme ? (
    <>
      {ctx.t('openDays.day_heading', { day: dayLabel(ctx, theme.day), theme: themeTitle(ctx, theme), count })}
    </>
  ) : (
    <>{ctx.t('openDays.no_theme_heading', { count })}</>
  );
}

/** The programme grouped by themed day and level; headings carry the counts. */
export function ProgrammeGroups({ ctx, groups, compact = false }: { ctx: ViewContext; groups: DayGroup[]; compact?: boolean }) {
  const { t } = ctx;
  return (
    <>
      {groups.map((g) => (
        <section class="od-day" key={g.theme?.id ?? 'none'} aria-labelledby={`day-${g.theme?.id ?? 'none'}`}>
          <h2 id={`day-${g.theme?.id ?? 'none'}`}>
            <ThemeHeading ctx={ctx} theme={g.theme} count={g.count} />
          </h2>
          {g.levels.map((l) => (
            <div key={l.level}>
              <h3>{t('openDays.level_heading', { level: t(`openDays.level.${l.level}` as 'openDays.level.city'), count: l.points.length })}</h3>
              {compact ? (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('openDays.code')}</th>
                      <th scope="col">{t('openDays.point')}</th>
                      <th scope="col">{t('openDays.organiser')}</th>
                      <th scope="col">{t('openDays.district')}</th>
                      <th scope="col">{t('openDays.places')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {l.points.map((p) => (
                      <tr key={p.id}>
                        <td>{p.code}</td>
                        <th scope="row">{p.topic}</th>
                        <td>{p.organiser}</td>
                        <td>{p.district || '-'}</td>
                        <td>{num(ctx, p.capacity)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <ul class="od-points">
                  {l.points.map((p) => (
                    <li key={p.id}>
                      <a href={`/open-days/points/${encodeURIComponent(p.code)}`}>{p.topic}</a>
                      <br />
                      <span class="meta">
                        {[p.organiser, p.district, t('openDays.places_left', { left: num(ctx, remaining(p)), total: num(ctx, p.capacity) })].filter((x) => x !== '').join(' · ')}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function FilterForm({ ctx, data }: { ctx: ViewContext; data: Programme }) {
  const { t } = ctx;
  const f: ProgrammeFilter = data.filter;
  const c = (n: number | undefined) => ` (${n ?? 0})`;
  return (
    <form method="get" action={`/open-days/${data.campaign.slug}`} class="filters" role="search" aria-label={t('openDays.filter_label')}>
      <div class="field">
        <label for="f-theme">{t('openDays.theme')}</label>
        <select id="f-theme" name="theme">
          <option value="">{t('openDays.all_days')}</option>
          {data.themes.map((th) => (
            <option key={th.id} value={String(th.id)} selected={f.theme === th.id}>
              {`${dayLabel(ctx, th.day)} ${themeTitle(ctx, th)}${c(data.facets.theme.get(th.id))}`}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-level">{t('openDays.level')}</label>
        <select id="f-level" name="level">
          <option value="">{t('openDays.all_levels')}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l} selected={f.level === l}>
              {t(`openDays.level.${l}`) + c(data.facets.level.get(l))}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-district">{t('openDays.district')}</label>
        <select id="f-district" name="district">
          <option value="">{t('openDays.all_districts')}</option>
          {data.districts.map((d) => (
            <option key={d} value={d} selected={f.district === d}>
              {d + c(data.facets.district.get(d))}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button primary">
        {t('form.filter')}
      </button>
      <a class="button" href={`/open-days/${data.campaign.slug}`}>
        {t('openDays.clear_filters')}
      </a>
    </form>
  );
}

/** The public programme of a campaign, filterable by day, level and district without JavaScript. */
export function ProgrammePage({ ctx, data }: { ctx: ViewContext; data: Programme }) {
  const { t } = ctx;
  const c = data.campaign;
  const filtered = data.filter.theme !== undefined || data.filter.level !== undefined || data.filter.district !== undefined;
  const byLevel = (l: string) => data.facets.level.get(l) ?? 0;
  return (
    <Layout ctx={ctx} title={c.title} crumbs={[{ href: '/open-days', label: t('openDays.title') }, { label: c.title }]}>
      <h1>
        {c.title}
        {c.slogan && <span class="meta"> · {c.slogan}</span>}
      </h1>
      <p class="lead">
        <CampaignDates ctx={ctx} c={c} />
        {c.status === 'closed' && <> · {t('openDays.campaign_closed_badge')}</>}
      </p>
      {c.description && <Paragraphs text={c.description} />}
      <ul class="od-counts" aria-label={t('openDays.counts_label')}>
        <li>
          <strong>{num(ctx, data.allTotals.points)}</strong> {t('openDays.points_unit')}
        </li>
        {!filtered &&
          LEVELS.map((l) => (
            <li key={l}>
              {t(`openDays.level.${l}`)} <strong>{num(ctx, byLevel(l))}</strong>
            </li>
          ))}
        <li>
          {t('openDays.places')} <strong>{num(ctx, data.allTotals.capacity)}</strong>
        </li>
        <li>
          {t('openDays.online_visits')} <strong>{num(ctx, data.allTotals.onlineVisits)}</strong>
        </li>
      </ul>
      {(c.unifiedTime || c.process) && (
        <section aria-labelledby="common-h">
          <h2 id="common-h">{t('openDays.common_standard')}</h2>
          {c.unifiedTime && (
            <p>
              {t('openDays.label_value', { label: t('openDays.unified_time'), value: c.unifiedTime })}
            </p>
          )}
          {c.process && (
            <>
              <p>
                <strong>{t('openDays.process')}</strong>
              </p>
              <ol>
                {processSteps(c.process).map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
      <CampaignLinks ctx={ctx} data={data} />
      <FilterForm ctx={ctx} data={data} />
      <p class="meta" role="status">
        {t('openDays.shown_count', { count: data.shownTotals.points, total: data.allTotals.points })}
      </p>
      {data.groups.length === 0 ? <p>{t('openDays.no_points')}</p> : <ProgrammeGroups ctx={ctx} groups={data.groups} />}
      {data.campaigns.length > 1 && (
        <section aria-labelledby="other-h">
          <h2 id="other-h">{t('openDays.other_campaigns')}</h2>
          <ul>
            {data.campaigns
              .filter((o) => o.id !== c.id)
              .map((o) => (
                <li key={o.id}>
                  <a href={`/open-days/${o.slug}`}>{`${o.year} ${o.title}`}</a>
                </li>
              ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}

type PointData = Awaited<ReturnType<typeof publicPoint>>;

function SessionsTable({ ctx, data }: { ctx: ViewContext; data: PointData }) {
  const { t } = ctx;
  const code = encodeURIComponent(data.point.code);
  const open = data.registration === 'open' && data.point.status === 'published';
  return (
    <table>
      <caption>{t('openDays.sessions')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('openDays.session_time')}</th>
          <th scope="col">{t('openDays.capacity')}</th>
          <th scope="col">{t('openDays.remaining')}</th>
          <th scope="col">{t('openDays.register')}</th>
        </tr>
      </thead>
      <tbody>
        {data.sessions.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} />
            </th>
            <td>{num(ctx, s.capacity)}</td>
            <td>{remaining(s) > 0 ? num(ctx, remaining(s)) : t('openDays.full')}</td>
            <td>
              {open ? (
                <a href={`/open-days/points/${code}/register?session=${s.id}`}>{remaining(s) > 0 ? t('openDays.register_session') : t('openDays.join_waitlist')}</a>
              ) : (
                t(`openDays.registration_state.${data.registration}` as 'openDays.registration_state.none')
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The public page of an open point: the template sections in the common order, sessions, map, online. */
export function PointPage({ ctx, data }: { ctx: ViewContext; data: PointData }) {
  const { t } = ctx;
  const { point: p, campaign: c } = data;
  const code = encodeURIComponent(p.code);
  return (
    <Layout ctx={ctx} title={p.topic} crumbs={[{ href: '/open-days', label: t('openDays.title') }, { href: `/open-days/${c.slug}`, label: c.title }, { label: p.topic }]}>
      <h1>{p.topic}</h1>
      <p>
        <LevelBadge ctx={ctx} level={p.level} /> {data.theme && <>{`${dayLabel(ctx, data.theme.day)} ${themeTitle(ctx, data.theme)}`}</>}
      </p>
      {p.status === 'cancelled' && <Notice kind="warning">{t('openDays.point_cancelled')}</Notice>}
      {data.adoptedFrom.map((n) => (
        <p key={n.id} class="od-adopted">
          <a href={`/open-days/${c.slug}/survey#need-${n.id}`}>{t('openDays.adopted_from', { title: n.title })}</a>
        </p>
      ))}
      <dl class="facts">
        <dt>{t('openDays.organiser')}</dt>
        <dd>{p.organiser}</dd>
        <dt>{t('openDays.code')}</dt>
        <dd>{p.code}</dd>
        {p.district && (
          <>
            <dt>{t('openDays.district')}</dt>
            <dd>{p.district}</dd>
          </>
        )}
        <dt>{t('openDays.address')}</dt>
        <dd>{p.address}</dd>
        {c.unifiedTime && (
          <>
            <dt>{t('openDays.unified_time')}</dt>
            <dd>{c.unifiedTime}</dd>
          </>
        )}
        <dt>{t('openDays.contact')}</dt>
        <dd>{[p.contactName, p.contactPhone].filter((x) => x !== '').join(' ') || '-'}</dd>
      </dl>
      {p.description && <Paragraphs text={p.description} />}

      <section class="od-sections" aria-labelledby="sections-h">
        <h2 id="sections-h">{t('openDays.content')}</h2>
        {data.sections.map((s) => (
          <div key={s.key}>
            <h3>{ctx.locale === 'en' ? s.titleEn : s.titleZh}</h3>
            {s.text ? <Paragraphs text={s.text} /> : <p class="meta">{t('openDays.section_empty')}</p>}
          </div>
        ))}
        {c.process && (
          <>
            <h3>{t('openDays.process')}</h3>
            <ol>
              {processSteps(c.process).map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h">{t('openDays.sessions_and_registration')}</h2>
        {data.sessions.length === 0 ? <p>{t('openDays.no_sessions')}</p> : <SessionsTable ctx={ctx} data={data} />}
        <p>
          <a href={`/open-days/points/${code}/calendar.ics`} type="text/calendar">
            {t('openDays.ical_point')}
          </a>
        </p>
      </section>

      <section aria-labelledby="where-h">
        <h2 id="where-h">{t('openDays.where')}</h2>
        {data.map && (
          <figure class="od-locator">
            <div dangerouslySetInnerHTML={{ __html: data.map }} />
            <figcaption class="meta">{t('openDays.map_caption', { district: p.district || '-' })}</figcaption>
          </figure>
        )}
        <p>{p.address}</p>
        <p>
          <a href={mapLink(p)} rel="noopener noreferrer external" target="_blank">
            {t('openDays.open_map')}
          </a>
        </p>
        <h3>{t('openDays.accessibility')}</h3>
        {p.accessibility ? <Paragraphs text={p.accessibility} /> : <p class="meta">{t('openDays.accessibility_none')}</p>}
      </section>

      <section aria-labelledby="online-h">
        <h2 id="online-h">{t('openDays.online')}</h2>
        {p.liveUrl || p.replayUrl ? (
          <ul>
            {p.liveUrl && (
              <li>
                <a href={`/open-days/points/${code}/watch?to=live`}>{t('openDays.watch_live')}</a>
              </li>
            )}
            {p.replayUrl && (
              <li>
                <a href={`/open-days/points/${code}/watch?to=replay`}>{t('openDays.watch_replay')}</a>
              </li>
            )}
          </ul>
        ) : (
          <p>{t('openDays.no_online')}</p>
        )}
        <p class="meta">{t('openDays.online_count', { count: num(ctx, p.onlineVisits) })}</p>
        <p>
          <a href={`/open-days/points/${code}/suggest`}>{t('openDays.suggest_link')}</a>
        </p>
      </section>
    </Layout>
  );
}

/** /open-days before any campaign is public. */
export function NoCampaignPage({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout ctx={ctx} title={ctx.t('openDays.title')} crumbs={[{ label: ctx.t('openDays.title') }]}>
      <h1>{ctx.t('openDays.title')}</h1>
      <p>{ctx.t('openDays.no_campaign')}</p>
    </Layout>
  );
}
