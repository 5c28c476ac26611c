import { toChinaDateTime } from '../../platform/clock.js';
import { maskMobile, maskName } from '../../platform/identity/index.js';
import type { Translator } from '../../platform/i18n/index.js';
import type { RegistrationView } from './open-day-registration.repository.js';
import type { RegisterResult, SessionAvailability } from './open-day-registration.service.js';
import { privateLink } from './open-day-registration.service.js';
import type { attendanceReport } from './open-day-registration.staff.js';

// What each audience sees of a registration: the person (their private link or code + mobile) sees
// their own details with the mobile masked; staff at the door see name and masked mobile; nobody
// outside staff ever sees an ID number.

/** The answer to a registration: where it stands and the private link (the only time the token is shown). */
export function presentRegistered(r: RegisterResult) {
  return { code: r.code, status: r.status, waitlistPosition: r.waitlistPosition, url: privateLink(r.token), cancelToken: r.token };
}

/** A registration as its own person sees it (lookup, API). */
export function presentOwn(r: RegistrationView) {
  return {
    code: r.code,
    status: r.status as 'confirmed' | 'waitlisted' | 'cancelled' | 'checked_in' | 'no_show',
    waitlistSeq: r.status === 'waitlisted' ? r.waitlistSeq : null,
    name: r.name,
    mobile: maskMobile(r.mobile),
    campaign: r.campaignTitle,
    point: { code: r.pointCode, topic: r.pointTopic, organiser: r.pointOrganiser, address: r.pointAddress },
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    checkedInAt: r.checkedInAt,
  };
}

/** A registration as the door sees it after a check-in. */
export function presentCheckIn(r: { code: string; name: string; status: string; checkedInAt: string | null; kind: string; guestCategory: string | null }, already: boolean) {
  return { code: r.code, name: maskName(r.name), status: r.status, checkedInAt: r.checkedInAt, kind: r.kind, guestCategory: r.guestCategory, already };
}

/** A session's availability for the public. */
export function presentAvailability(s: SessionAvailability) {
  return { id: s.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity, placesLeft: s.placesLeft, waitlisted: s.waitlisted, registration: s.state };
}

type Report = Awaited<ReturnType<typeof attendanceReport>>;

/** Attendance per session as CSV rows (header first): figures only, no personal data. */
export function attendanceRows(r: Report, t: Translator): Array<Array<string | number>> {
  const header = [
    t('registration.campaign'),
    t('registration.point_code'),
    t('registration.point'),
    t('registration.organiser'),
    t('registration.level'),
    t('registration.district'),
    t('registration.starts_at'),
    t('registration.ends_at'),
    t('registration.capacity'),
    t('registration.fig.registered'),
    t('registration.fig.checked_in'),
    t('registration.fig.no_show'),
    t('registration.fig.expected'),
    t('registration.fig.waitlisted'),
    t('registration.fig.cancelled'),
  ];
  const title = r.campaign?.title ?? '';
  return [
    header,
    ...r.sessions.map((s) => {
      const a = s.attendance;
      return [title, s.point.code, s.point.topic, s.point.organiser, s.point.level, s.point.district, toChinaDateTime(s.startsAt), toChinaDateTime(s.endsAt), s.capacity, a.registered, a.checkedIn, a.noShow, a.expected, a.waitlisted, a.cancelled];
    }),
  ];
}
