import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, DateTimeText, ErrorSummary, Field, Notice, Select, type FormState } from '../../views/components.js';
import { maskMobile } from '../../platform/identity/index.js';
import type { OpenPointRow } from '../open-days/index.js';
import type { RegistrationView, SessionContext } from './open-day-registration.repository.js';
import type { Attendance } from './open-day-registration.staff.js';
import { formatCode, GUEST_CATEGORIES } from './open-day-registration.rules.js';
import { SessionChoice, slotText, StatusBadge } from './open-day-registration.views.js';

const crumbs = (ctx: ViewContext, point: OpenPointRow | null, last: string) => [
  { href: '/admin', label: ctx.t('nav.admin') },
  { href: '/admin/open-days/attendance', label: ctx.t('registration.attendance') },
  ...(point ? [{ label: point.topic }] : []),
  { label: last },
];

/** The attendance columns, shared by the session and point tables. */
function AttendanceCells({ a }: { a: Attendance }) {
  return (
    <>
      <td>{a.registered}</td>
      <td>{a.checkedIn}</td>
      <td>{a.noShow}</td>
      <td>{a.expected}</td>
      <td>{a.waitlisted}</td>
      <td>{a.cancelled}</td>
    </>
  );
}

function AttendanceHead({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <>
      <th scope="col">{t('registration.fig.registered')}</th>
      <th scope="col">{t('registration.fig.checked_in')}</th>
      <th scope="col">{t('registration.fig.no_show')}</th>
      <th scope="col">{t('registration.fig.expected')}</th>
      <th scope="col">{t('registration.fig.waitlisted')}</th>
      <th scope="col">{t('registration.fig.cancelled')}</th>
    </>
  );
}

/** One search result with its check-in button. */
function ResultRow({ ctx, point, r }: { ctx: ViewContext; point: OpenPointRow; r: RegistrationView }) {
  const { t } = ctx;
  const canCheckIn = r.status === 'confirmed' || r.status === 'no_show';
  return (
    <tr>
      <td>{formatCode(r.code)}</td>
      <td>
        {r.name}
        {r.kind === 'guest' && r.guestCategory && <span class="meta"> · {t(`registration.guest.${r.guestCategory}` as 'registration.guest.deputy')}</span>}
      </td>
      <td>{maskMobile(r.mobile)}</td>
      <td>{slotText(r.startsAt, r.endsAt)}</td>
      <td>
        <StatusBadge ctx={ctx} status={r.status} />
        {r.checkedInAt && (
          <>
            {' '}
            <DateTimeText iso={r.checkedInAt} />
          </>
        )}
      </td>
      <td>
        {canCheckIn && (
          <form method="post" action={`/admin/open-days/points/${point.code}/check-in/${r.id}`} class="inline">
            <Csrf ctx={ctx} />
            <button type="submit" class="button primary" aria-label={t('registration.check_in_named', { name: r.name, code: formatCode(r.code) })}>
              {t('registration.check_in')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}

/** The door of an open point: search by code, name or mobile suffix; check in; sessions with their figures and no-shows. */
export function CheckInPage({
  ctx,
  data,
  q,
  notice,
  error,
}: {
  ctx: ViewContext;
  data: { point: OpenPointRow; sessions: Array<{ session: SessionContext; attendance: Attendance; noShowDue: boolean }>; results: RegistrationView[] | null; total: Attendance };
  q: string;
  notice?: string | undefined;
  error?: string | undefined;
}) {
  const { t } = ctx;
  const { point } = data;
  return (
    <Layout ctx={ctx} title={t('registration.check_in_title', { topic: point.topic })} crumbs={crumbs(ctx, point, t('registration.check_in'))}>
      <h1>{t('registration.check_in_title', { topic: point.topic })}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      {error && (
        <div class="error-summary" role="alert">
          <p>{error}</p>
        </div>
      )}
      <form method="get" action={`/admin/open-days/points/${point.code}/check-in`} class="form narrow" role="search">
        <div class="field">
          <label for="q">{t('registration.search_label')}</label>
          <p class="hint" id="q-hint">
            {t('registration.search_hint')}
          </p>
          <input id="q" name="q" type="search" value={q} aria-describedby="q-hint" autoComplete="off" maxLength={40} autoFocus />
        </div>
        <button type="submit" class="button primary">
          {t('registration.search')}
        </button>
      </form>
      {data.results && (
        <section aria-labelledby="results-h">
          <h2 id="results-h">{t('registration.results', { n: data.results.length })}</h2>
          {data.results.length === 0 ? (
            <p>{t('registration.no_results')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('registration.code')}</th>
                  <th scope="col">{t('registration.name')}</th>
                  <th scope="col">{t('registration.mobile')}</th>
                  <th scope="col">{t('registration.time')}</th>
                  <th scope="col">{t('registration.status')}</th>
                  <th scope="col">{t('registration.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.results.map((r) => (
                  <ResultRow key={r.id} ctx={ctx} point={point} r={r} />
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      <section aria-labelledby="sessions-h">
        <h2 id="sessions-h">{t('registration.sessions_figures')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('registration.time')}</th>
              <th scope="col">{t('registration.capacity')}</th>
              <AttendanceHead ctx={ctx} />
              <th scope="col">{t('registration.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.sessions.map(({ session: s, attendance, noShowDue }) => (
              <tr key={s.id}>
                <td>{slotText(s.startsAt, s.endsAt)}</td>
                <td>{s.capacity}</td>
                <AttendanceCells a={attendance} />
                <td>
                  {noShowDue && attendance.expected > 0 ? (
                    <form method="post" action={`/admin/open-days/points/${point.code}/sessions/${s.id}/no-shows`} class="inline">
                      <Csrf ctx={ctx} />
                      <button type="submit" class="button" aria-label={t('registration.mark_no_shows_named', { time: slotText(s.startsAt, s.endsAt) })}>
                        {t('registration.mark_no_shows')}
                      </button>
                    </form>
                  ) : (
                    <span class="meta">{noShowDue ? '—' : t('registration.no_show_later')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>
        <a href={`/admin/open-days/points/${point.code}/guests`}>{t('registration.guests_title')}</a>
      </p>
    </Layout>
  );
}

const guestLabels = (ctx: ViewContext) => ({
  sessionId: ctx.t('registration.session'),
  name: ctx.t('registration.name'),
  mobile: ctx.t('registration.mobile'),
  idNumber: ctx.t('registration.id_number'),
  email: ctx.t('registration.email'),
  guestCategory: ctx.t('registration.guest_category'),
});

/** Invited guests of a point: the quota, who is registered, and the form to add one. */
export function GuestsPage({
  ctx,
  data,
  form,
  notice,
}: {
  ctx: ViewContext;
  data: { point: OpenPointRow; sessions: SessionContext[]; guests: RegistrationView[]; reserve: Map<number, number>; active: number };
  form: FormState;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const { point } = data;
  const sessions = data.sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity, placesLeft: Math.max(0, s.capacity - s.booked), waitlisted: s.waitlisted }));
  return (
    <Layout ctx={ctx} title={t('registration.guests_title')} crumbs={crumbs(ctx, point, t('registration.guests_title'))}>
      <h1>
        {t('registration.guests_title')} · {point.topic}
      </h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>{t('registration.guest_quota_line', { quota: point.guestQuota, used: data.active })}</p>
      <p class="hint">{t('registration.guest_rule')}</p>
      <ul>
        {data.sessions.map((s) => (
          <li key={s.id}>
            {slotText(s.startsAt, s.endsAt)}: {t('registration.reserved_line', { n: data.reserve.get(s.id) ?? 0 })}
          </li>
        ))}
      </ul>
      <section aria-labelledby="guests-h">
        <h2 id="guests-h">{t('registration.guest_list')}</h2>
        {data.guests.length === 0 ? (
          <p>{t('registration.guest_none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('registration.name')}</th>
                <th scope="col">{t('registration.guest_category')}</th>
                <th scope="col">{t('registration.time')}</th>
                <th scope="col">{t('registration.code')}</th>
                <th scope="col">{t('registration.status')}</th>
                <th scope="col">{t('registration.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.guests.map((g) => (
                <tr key={g.id}>
                  <td>{g.name}</td>
                  <td>{g.guestCategory ? t(`registration.guest.${g.guestCategory}` as 'registration.guest.deputy') : ''}</td>
                  <td>{slotText(g.startsAt, g.endsAt)}</td>
                  <td>{formatCode(g.code)}</td>
                  <td>
                    <StatusBadge ctx={ctx} status={g.status} />
                  </td>
                  <td>
                    {g.status === 'confirmed' && (
                      <form method="post" action={`/admin/open-days/points/${point.code}/guests/${g.id}/cancel`} class="inline">
                        <Csrf ctx={ctx} />
                        <button type="submit" class="link-button" aria-label={t('registration.cancel_named', { topic: g.name, time: slotText(g.startsAt, g.endsAt) })}>
                          {t('registration.cancel')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="add-guest-h">
        <h2 id="add-guest-h">{t('registration.add_guest')}</h2>
        <ErrorSummary ctx={ctx} form={form} labels={guestLabels(ctx)} />
        <form method="post" action={`/admin/open-days/points/${point.code}/guests`} class="form">
          <Csrf ctx={ctx} />
          <SessionChoice ctx={ctx} form={form} sessions={sessions} />
          <Select ctx={ctx} form={form} name="guestCategory" label={t('registration.guest_category')} required options={GUEST_CATEGORIES.map((c) => ({ value: c, label: t(`registration.guest.${c}`) }))} />
          <Field ctx={ctx} form={form} name="name" label={t('registration.name')} required maxLength={30} />
          <Field ctx={ctx} form={form} name="mobile" type="tel" label={t('registration.mobile')} required maxLength={20} />
          <Field ctx={ctx} form={form} name="idNumber" label={t('registration.id_number')} hint={t('registration.id_number_hint')} maxLength={18} />
          <Field ctx={ctx} form={form} name="email" type="email" label={t('registration.email')} maxLength={200} />
          <button type="submit" class="button primary">
            {t('registration.add_guest')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

type PointRow = {
  id: number;
  code: string;
  topic: string;
  organiser: string;
  level: string;
  district: string;
  capacity: number;
  attendance: Attendance;
  /** The viewer works this point's check-in desk (the row links to it). */
  desk: boolean;
};

/** Attendance of a campaign per point, with totals and the CSV export. */
export function AttendancePage({ ctx, data }: { ctx: ViewContext; data: { campaigns: Array<{ id: number; title: string }>; campaign: { id: number; title: string } | null; points: PointRow[]; total: Attendance } }) {
  const { t } = ctx;
  const capacity = data.points.reduce((a, p) => a + p.capacity, 0);
  return (
    <Layout ctx={ctx} title={t('registration.attendance')} crumbs={[{ href: '/admin', label: t('nav.admin') }, { label: t('registration.attendance') }]}>
      <h1>{t('registration.attendance')}</h1>
      <form method="get" action="/admin/open-days/attendance" class="filters">
        <Select ctx={ctx} form={{ values: { campaign: data.campaign ? String(data.campaign.id) : '' }, errors: {} }} name="campaign" label={t('registration.campaign')} options={data.campaigns.map((c) => ({ value: String(c.id), label: c.title }))} />
        <button type="submit" class="button">
          {t('form.filter')}
        </button>
      </form>
      {data.campaign === null ? (
        <p>{t('registration.no_campaign')}</p>
      ) : (
        <>
          <p>
            <a href={`/admin/open-days/attendance.csv?campaign=${data.campaign.id}`} download>
              {t('registration.export_csv')}
            </a>
          </p>
          <table>
            <caption>{t('registration.attendance_caption', { title: data.campaign.title, points: data.points.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registration.point')}</th>
                <th scope="col">{t('registration.organiser')}</th>
                <th scope="col">{t('registration.capacity')}</th>
                <AttendanceHead ctx={ctx} />
              </tr>
            </thead>
            <tbody>
              {data.points.map((p) => (
                <tr key={p.id}>
                  <td>{p.desk ? <a href={`/admin/open-days/points/${p.code}/check-in`}>{p.topic}</a> : p.topic}</td>
                  <td>{p.organiser}</td>
                  <td>{p.capacity}</td>
                  <AttendanceCells a={p.attendance} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('registration.total')}
                </th>
                <td>{capacity}</td>
                <AttendanceCells a={data.total} />
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </Layout>
  );
}
