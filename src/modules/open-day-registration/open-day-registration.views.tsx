import type { ViewContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { Csrf, ErrorSummary, Field, Notice, type FormState } from '../../views/components.js';
import { toChinaDateTime } from '../../platform/clock.js';
import { maskMobile } from '../../platform/identity/index.js';
import type { OpenPointRow } from '../open-days/index.js';
import type { RegistrationView } from './open-day-registration.repository.js';
import type { SessionAvailability } from './open-day-registration.service.js';
import { formatCode } from './open-day-registration.rules.js';
import { QrCode } from '../../views/qr-code.js';

/** "2019-10-22 09:30–11:30" (Beijing time); the end keeps its date when it falls on another day. */
export function slotText(startsAt: string, endsAt: string): string {
  const a = toChinaDateTime(startsAt);
  const b = toChinaDateTime(endsAt);
  return `${a}–${a.slice(0, 10) === b.slice(0, 10) ? b.slice(11) : b}`;
}

/** A registration's state as text (never colour alone). */
export function StatusBadge({ ctx, status }: { ctx: ViewContext; status: string }) {
  return <span class={`status-badge registration-${status}`}>{ctx.t(`registration.status.${status}` as 'registration.status.confirmed')}</span>;
}

const formLabels = (ctx: ViewContext) => ({
  sessionId: ctx.t('registration.session'),
  name: ctx.t('registration.name'),
  mobile: ctx.t('registration.mobile'),
  idNumber: ctx.t('registration.id_number'),
  email: ctx.t('registration.email'),
  joinWaitlist: ctx.t('registration.join_waitlist'),
  code: ctx.t('registration.code'),
  guestCategory: ctx.t('registration.guest_category'),
});

/** What a session offers, in words. */
function availabilityText(ctx: ViewContext, s: SessionAvailability): string {
  if (s.state === 'not_open') {
    return ctx.t('registration.state.not_open');
  }
  if (s.state === 'closed') {
    return ctx.t('registration.state.closed');
  }
  return s.placesLeft > 0 ? ctx.t('registration.places_left', { n: s.placesLeft }) : ctx.t('registration.full_waitlist', { n: s.waitlisted });
}

/** The choice of session: a radio group in a fieldset, its error tied to it. */
export function SessionChoice({ ctx, form, sessions, name = 'sessionId' }: { ctx: ViewContext; form: FormState; sessions: Array<SessionAvailability | (Omit<SessionAvailability, 'state'> & { state?: undefined })>; name?: string }) {
  const err = form.errors[name];
  const chosen = form.values[name];
  return (
    <fieldset class={err ? 'field has-error' : 'field'} id={name} aria-describedby={err ? `${name}-error` : undefined}>
      <legend>
        {ctx.t('registration.session')}
        <span class="req"> ({ctx.t('form.required')})</span>
      </legend>
      {err && (
        <p class="error" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.error_prefix')}</span>
          {ctx.t(err.key, err.params)}
        </p>
      )}
      {sessions.map((s) => (
        <label class="choice" key={s.id}>
          <input type="radio" name={name} value={String(s.id)} checked={chosen === String(s.id)} disabled={s.state !== undefined && s.state !== 'open'} required />{' '}
          {slotText(s.startsAt, s.endsAt)} · {s.state === undefined ? ctx.t('registration.places_left', { n: s.placesLeft }) : availabilityText(ctx, s)}
        </label>
      ))}
    </fieldset>
  );
}

/** The public registration form of an open point. */
export function RegisterPage({ ctx, data, form }: { ctx: ViewContext; data: { point: OpenPointRow; campaignTitle: string; sessions: SessionAvailability[] }; form: FormState }) {
  const { t } = ctx;
  const { point } = data;
  const anyOpen = data.sessions.some((s) => s.state === 'open');
  const title = t('registration.register_title', { topic: point.topic });
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/open-days', label: t('registration.open_days') }, { href: `/open-days/points/${point.code}`, label: point.topic }, { label: t('registration.register') }]}>
      <h1>{title}</h1>
      <dl class="dialogue-facts">
        <dt>{t('registration.campaign')}</dt>
        <dd>{data.campaignTitle}</dd>
        <dt>{t('registration.organiser')}</dt>
        <dd>{point.organiser}</dd>
        <dt>{t('registration.address')}</dt>
        <dd>{point.address}</dd>
      </dl>
      <p class="hint">{t('registration.rules_hint')}</p>
      {!anyOpen && <Notice kind="warning">{t('registration.none_open')}</Notice>}
      <ErrorSummary ctx={ctx} form={form} labels={formLabels(ctx)} />
      <form method="post" action={`/open-days/points/${point.code}/register`} class="form">
        <Csrf ctx={ctx} />
        <SessionChoice ctx={ctx} form={form} sessions={data.sessions} />
        <Field ctx={ctx} form={form} name="name" label={t('registration.name')} hint={t('registration.name_hint')} required maxLength={30} autoComplete="name" />
        <Field ctx={ctx} form={form} name="mobile" type="tel" label={t('registration.mobile')} hint={t('registration.mobile_hint')} required maxLength={20} autoComplete="tel" />
        <Field ctx={ctx} form={form} name="idNumber" label={t('registration.id_number')} hint={t('registration.id_number_hint')} maxLength={18} autoComplete="off" />
        <Field ctx={ctx} form={form} name="email" type="email" label={t('registration.email')} hint={t('registration.email_hint')} maxLength={200} autoComplete="email" />
        <div class="field">
          <label class="choice">
            <input type="checkbox" name="joinWaitlist" value="1" checked={form.values.joinWaitlist === '1' || form.values.joinWaitlist === 'on'} /> {t('registration.join_waitlist')}
          </label>
        </div>
        <button type="submit" class="button primary" disabled={!anyOpen}>
          {t('registration.submit')}
        </button>
      </form>
      <p>
        <a href="/open-days/registrations/lookup">{t('registration.lookup_link')}</a>
      </p>
    </Layout>
  );
}

/** The facts of one registration (the person's own view: the mobile stays masked all the same). */
export function RegistrationFacts({ ctx, r }: { ctx: ViewContext; r: RegistrationView }) {
  const { t } = ctx;
  return (
    <dl class="dialogue-facts">
      <dt>{t('registration.status')}</dt>
      <dd>
        <StatusBadge ctx={ctx} status={r.status} />
        {r.status === 'waitlisted' && r.waitlistSeq !== null && <> {t('registration.waitlist_seq', { n: r.waitlistSeq })}</>}
      </dd>
      <dt>{t('registration.code')}</dt>
      <dd>
        <strong class="registration-code">{formatCode(r.code)}</strong>
      </dd>
      <dt>{t('registration.campaign')}</dt>
      <dd>{r.campaignTitle}</dd>
      <dt>{t('registration.point')}</dt>
      <dd>
        <a href={`/open-days/points/${r.pointCode}`}>{r.pointTopic}</a>
      </dd>
      <dt>{t('registration.organiser')}</dt>
      <dd>{r.pointOrganiser}</dd>
      <dt>{t('registration.time')}</dt>
      <dd>{slotText(r.startsAt, r.endsAt)}</dd>
      <dt>{t('registration.address')}</dt>
      <dd>{r.pointAddress}</dd>
      <dt>{t('registration.name')}</dt>
      <dd>{r.name}</dd>
      <dt>{t('registration.mobile')}</dt>
      <dd>{maskMobile(r.mobile)}</dd>
    </dl>
  );
}

const DONE = ['registered', 'waitlisted', 'cancelled'] as const;

/** The private page of a registration: code, QR code for check-in, and the cancellation link. */
export function ConfirmationPage({ ctx, r, token, checkInUrl, done }: { ctx: ViewContext; r: RegistrationView; token: string; checkInUrl: string; done: string | undefined }) {
  const { t } = ctx;
  const notice = DONE.find((d) => d === done);
  const title = t(`registration.page.${r.status}` as 'registration.page.confirmed');
  return (
    <Layout ctx={ctx} title={title} crumbs={[{ href: '/open-days', label: t('registration.open_days') }, { label: title }]}>
      <h1>{title}</h1>
      {notice && <Notice kind="success">{t(`registration.done.${notice}`)}</Notice>}
      {r.status === 'confirmed' && (
        <section aria-labelledby="qr-h">
          <h2 id="qr-h">{t('registration.qr_title')}</h2>
          <QrCode text={checkInUrl} label={t('registration.qr_label', { code: formatCode(r.code) })} />
          <p class="hint">{t('registration.qr_hint')}</p>
        </section>
      )}
      <section aria-labelledby="facts-h">
        <h2 id="facts-h">{t('registration.details')}</h2>
        <RegistrationFacts ctx={ctx} r={r} />
      </section>
      <p class="hint">{t('registration.keep_link')}</p>
      {(r.status === 'confirmed' || r.status === 'waitlisted') && (
        <p>
          <a class="button" href={`/open-days/registrations/${token}/cancel`}>
            {t('registration.cancel')}
          </a>
        </p>
      )}
    </Layout>
  );
}

/** Asks before cancelling (the link in a message must not cancel by itself when merely opened). */
export function CancelPage({ ctx, r, token }: { ctx: ViewContext; r: RegistrationView; token: string }) {
  const { t } = ctx;
  const cancellable = r.status === 'confirmed' || r.status === 'waitlisted';
  return (
    <Layout ctx={ctx} title={t('registration.cancel_title')} crumbs={[{ href: `/open-days/registrations/${token}`, label: t('registration.details') }, { label: t('registration.cancel_title') }]}>
      <h1>{t('registration.cancel_title')}</h1>
      <RegistrationFacts ctx={ctx} r={r} />
      {cancellable ? (
        <form method="post" action={`/open-days/registrations/${token}/cancel`} class="form">
          <Csrf ctx={ctx} />
          <p>{t(r.status === 'confirmed' ? 'registration.cancel_confirm_place' : 'registration.cancel_confirm_waitlist')}</p>
          <button type="submit" class="button primary">
            {t('registration.cancel_submit')}
          </button>{' '}
          <a href={`/open-days/registrations/${token}`}>{t('registration.keep')}</a>
        </form>
      ) : (
        <Notice kind="warning">{t('registration.cannot_cancel')}</Notice>
      )}
    </Layout>
  );
}

/** Lookup without an account: code and mobile; the result below the form. */
export function LookupPage({ ctx, form, found }: { ctx: ViewContext; form: FormState; found: RegistrationView | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('registration.lookup_title')} crumbs={[{ href: '/open-days', label: t('registration.open_days') }, { label: t('registration.lookup_title') }]}>
      <h1>{t('registration.lookup_title')}</h1>
      <p class="hint">{t('registration.lookup_hint')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={formLabels(ctx)} />
      <form method="post" action="/open-days/registrations/lookup" class="form narrow">
        <Csrf ctx={ctx} />
        <Field ctx={ctx} form={form} name="code" label={t('registration.code')} hint={t('registration.code_hint')} required maxLength={20} autoComplete="off" />
        <Field ctx={ctx} form={form} name="mobile" type="tel" label={t('registration.mobile')} required maxLength={20} autoComplete="tel" />
        <button type="submit" class="button primary">
          {t('registration.lookup_submit')}
        </button>
      </form>
      {found && (
        <section aria-labelledby="found-h">
          <h2 id="found-h">{t('registration.details')}</h2>
          <RegistrationFacts ctx={ctx} r={found} />
          <p class="hint">{t('registration.lookup_cancel_hint')}</p>
        </section>
      )}
    </Layout>
  );
}

/** A signed-in citizen's registrations, with cancellation for those still open. */
export function MyRegistrationsPage({ ctx, rows, done }: { ctx: ViewContext; rows: RegistrationView[]; done: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('registration.mine')} crumbs={[{ href: '/account', label: t('account.title') }, { label: t('registration.mine') }]}>
      <h1>{t('registration.mine')}</h1>
      {done && <Notice kind="success">{t('registration.done.cancelled')}</Notice>}
      {rows.length === 0 ? (
        <p>{t('registration.mine_none')}</p>
      ) : (
        <table>
          <caption class="visually-hidden">{t('registration.mine')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registration.point')}</th>
              <th scope="col">{t('registration.time')}</th>
              <th scope="col">{t('registration.code')}</th>
              <th scope="col">{t('registration.status')}</th>
              <th scope="col">{t('registration.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/open-days/points/${r.pointCode}`}>{r.pointTopic}</a>
                  <br />
                  <span class="meta">{r.campaignTitle}</span>
                </td>
                <td>{slotText(r.startsAt, r.endsAt)}</td>
                <td>{formatCode(r.code)}</td>
                <td>
                  <StatusBadge ctx={ctx} status={r.status} />
                </td>
                <td>
                  {(r.status === 'confirmed' || r.status === 'waitlisted') && (
                    <form method="post" action={`/account/open-days/${r.id}/cancel`} class="inline">
                      <Csrf ctx={ctx} />
                      <button type="submit" class="link-button" aria-label={t('registration.cancel_named', { topic: r.pointTopic, time: slotText(r.startsAt, r.endsAt) })}>
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
    </Layout>
  );
}
