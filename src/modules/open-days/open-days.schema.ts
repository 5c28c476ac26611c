import { z } from 'zod';
import { blankToUndefined, idParam, optionalText, requiredText } from '../../http/schema-helpers.js';
import { LEVELS } from './open-days.programme.js';
import { NEED_CATEGORIES } from './open-days.survey.js';
import { isDate } from './open-days.template.js';
import { chinaLocalToIso } from '../../platform/clock.js';

/** Campaign states: drafts are staff-only; published campaigns are public; closed ones are archived. */
export const CAMPAIGN_STATUSES = ['draft', 'published', 'closed'] as const;
/** Point states: drafts are staff-only; cancelled points stay listed as cancelled. */
export const POINT_STATUSES = ['draft', 'published', 'cancelled'] as const;

const date = z.string().trim().refine(isDate, { error: 'validation.date' });
const optionalDate = z.preprocess(blankToUndefined, date.optional());

/** A Beijing wall-clock time from a datetime-local input, as an ISO instant. */
const chinaDateTime = z
  .string()
  .trim()
  .min(1)
  .transform((v, ctx) => {
    const iso = chinaLocalToIso(v);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: 'openDays.datetime_format' });
      return z.NEVER;
    }
    return iso;
  });
const optionalDateTime = z.preprocess(blankToUndefined, chinaDateTime.optional());

/** An optional http(s) link. */
const optionalUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/[^\s<>"]+$/, { error: 'openDays.url_format' })
    .optional(),
);

/**
 * A campaign slug starts with its year ("2019", "2026-12"), so that it can never collide with the
 * fixed paths under /open-days (points, survey, suggestions …).
 */
export const SLUG_RE = /^\d{4}(-[a-z0-9]+)*$/;

/** A campaign as staff enter it; the template and themes are parsed line by line by the service. */
export const CampaignSchema = z
  .strictObject({
    slug: z.string().trim().max(60).regex(SLUG_RE, { error: 'openDays.slug_format' }),
    title: requiredText(200),
    slogan: optionalText(100),
    description: optionalText(5000),
    startsOn: date,
    endsOn: date,
    /** One themed day per line: "YYYY-MM-DD｜中文主题｜English theme". */
    themes: z.string().max(5000).default(''),
    unifiedTime: optionalText(200),
    /** One section per line: "key｜中文标题｜English title｜hint". */
    templateSections: z.string().max(5000).default(''),
    /** One step per line. */
    process: optionalText(3000),
    surveyOpensOn: optionalDate,
    surveyClosesOn: optionalDate,
    registrationOpensAt: optionalDateTime,
    registrationClosesAt: optionalDateTime,
    answerDays: z.coerce.number().int().min(1).max(60),
  })
  .superRefine((v, ctx) => {
    if (typeof v.startsOn === 'string' && typeof v.endsOn === 'string' && v.endsOn < v.startsOn) {
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'openDays.ends_before_start' });
    }
    if ((v.surveyOpensOn === undefined) !== (v.surveyClosesOn === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.surveyOpensOn === undefined ? 'surveyOpensOn' : 'surveyClosesOn'], message: 'openDays.window_both' });
    } else if (v.surveyOpensOn && v.surveyClosesOn && v.surveyClosesOn < v.surveyOpensOn) {
      ctx.addIssue({ code: 'custom', path: ['surveyClosesOn'], message: 'openDays.ends_before_start' });
    }
    if ((v.registrationOpensAt === undefined) !== (v.registrationClosesAt === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.registrationOpensAt === undefined ? 'registrationOpensAt' : 'registrationClosesAt'], message: 'openDays.window_both' });
    } else if (v.registrationOpensAt && v.registrationClosesAt && v.registrationClosesAt <= v.registrationOpensAt) {
      ctx.addIssue({ code: 'custom', path: ['registrationClosesAt'], message: 'openDays.ends_before_start' });
    }
  });
export type CampaignInput = z.infer<typeof CampaignSchema>;

const optionalNumber = (min: number, max: number) => z.preprocess(blankToUndefined, z.coerce.number().min(min).max(max).optional());

/**
 * An open point as staff enter it. The template sections arrive as fields named `section_<key>`;
 * the service checks them against the campaign's template.
 */
export const PointSchema = z
  .object({
    code: z.preprocess(blankToUndefined, z.string().trim().max(30).regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,29}$/, { error: 'openDays.code_format' }).optional()),
    level: z.enum(LEVELS),
    themeId: z.preprocess(blankToUndefined, idParam.optional()),
    district: optionalText(40),
    departmentId: z.preprocess(blankToUndefined, idParam.optional()),
    organiser: requiredText(120),
    topic: requiredText(200),
    address: requiredText(200),
    lat: optionalNumber(-90, 90),
    lng: optionalNumber(-180, 180),
    description: optionalText(5000),
    accessibility: optionalText(2000),
    contactName: optionalText(60),
    contactPhone: z.preprocess(blankToUndefined, z.string().trim().max(40).regex(/^[0-9+\-() ]{5,40}$/, { error: 'openDays.phone_format' }).optional()),
    liveUrl: optionalUrl,
    replayUrl: optionalUrl,
    guestQuota: z.preprocess((v) => (v === '' || v === undefined ? 0 : v), z.coerce.number().int().min(0).max(10_000)),
    status: z.enum(POINT_STATUSES).default('draft'),
  })
  .catchall(z.string().max(5000))
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.lng === undefined)) {
      ctx.addIssue({ code: 'custom', path: [v.lat === undefined ? 'lat' : 'lng'], message: 'openDays.coords_both' });
    }
    if (v.level !== 'city' && !v.district) {
      ctx.addIssue({ code: 'custom', path: ['district'], message: 'openDays.district_required' });
    }
  });
export type PointInput = z.infer<typeof PointSchema>;

/** A session (time slot) of a point. */
export const SessionSchema = z
  .strictObject({
    startsAt: chinaDateTime,
    endsAt: chinaDateTime,
    capacity: z.coerce.number().int().min(1).max(100_000),
  })
  .superRefine((v, ctx) => {
    if (typeof v.startsAt === 'string' && typeof v.endsAt === 'string' && v.endsAt <= v.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'openDays.ends_before_start' });
    }
  });
export type SessionInput = z.infer<typeof SessionSchema>;

/** A proposal in the needs survey. */
export const NeedSchema = z.strictObject({
  title: requiredText(100),
  description: optionalText(1000),
  category: z.enum(NEED_CATEGORIES),
  proposerName: optionalText(30),
  /** Phone or e-mail for planners; never public. */
  contact: optionalText(100),
});
export type NeedInput = z.infer<typeof NeedSchema>;

/** Moderation of a proposal. */
export const ModerateNeedSchema = z.strictObject({ status: z.enum(['published', 'rejected']) });

/** Adoption of a proposal as an open point (需求采纳). */
export const AdoptNeedSchema = z.strictObject({ pointId: idParam });

/** The programme's GET filters; bad values are ignored rather than refused (they come from links). */
export const ProgrammeQuery = z.object({
  theme: z.preprocess(blankToUndefined, idParam.optional().catch(undefined)),
  level: z.preprocess(blankToUndefined, z.enum(LEVELS).optional().catch(undefined)),
  district: z.preprocess(blankToUndefined, z.string().max(40).optional().catch(undefined)),
});
