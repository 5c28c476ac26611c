import { z } from 'zod';
import { blankToUndefined, idParam, optionalText } from '../../http/schema-helpers.js';
import { isValidMobile, isValidResidentId, normaliseResidentId } from '../../platform/identity/index.js';
import { GUEST_CATEGORIES, isValidCode, normaliseCode, normaliseMobile } from './open-day-registration.rules.js';

// One schema per endpoint; the HTML forms and the JSON API read input through the same ones.

/** A checkbox (form: "1"/"on") or a JSON boolean; absent is false. */
const flag = z.preprocess((v) => v === true || v === 'on' || v === '1' || v === 'true', z.boolean());

/** A mainland mobile number; spaces, dashes and a +86 prefix are dropped first. */
export const Mobile = z
  .string()
  .transform(normaliseMobile)
  .refine(isValidMobile, { error: 'validation.mobile' });

/** An optional 18-digit 居民身份证号码 with a valid check character and birth date. */
const OptionalResidentId = z.preprocess(
  blankToUndefined,
  z
    .string()
    .transform(normaliseResidentId)
    .refine((v) => isValidResidentId(v), { error: 'validation.resident_id' })
    .optional(),
);

/** An optional e-mail address. */
const OptionalEmail = z.preprocess(blankToUndefined, z.email().max(200).optional());

/** A real name: 2–30 characters of letters, CJK characters, the middle dot and spaces. */
const RealName = z
  .string()
  .trim()
  .min(1, { abort: true })
  .max(30)
  .regex(/^[\p{L}\p{M}·・.\s'-]{2,30}$/u, { error: 'registration.name_format' });

/** A registration code as typed or scanned ("abcd-efgh" works). */
export const Code = z
  .string()
  .max(40)
  .transform(normaliseCode)
  .refine(isValidCode, { error: 'registration.code_format' });

/** A public registration (the form at /open-days/points/:code/register and POST /api/v1/open-days/registrations). */
export const RegistrationSchema = z.strictObject({
  /** The session (time slot) to attend. */
  sessionId: idParam,
  /** Real name as on the ID card. */
  name: RealName,
  /** Mainland mobile number: the confirmation SMS goes there, and it identifies the person. */
  mobile: Mobile,
  /** Optional 居民身份证号码; when given it also identifies the person. */
  idNumber: OptionalResidentId,
  /** Optional e-mail for the confirmation. */
  email: OptionalEmail,
  /** Join the waitlist when the session is full (otherwise a full session is refused). */
  joinWaitlist: flag.default(false),
});
export type RegistrationInput = z.infer<typeof RegistrationSchema>;

/** An invited guest registered by staff. */
export const GuestSchema = z.strictObject({
  sessionId: idParam,
  name: RealName,
  mobile: Mobile,
  idNumber: OptionalResidentId,
  email: OptionalEmail,
  /** 人大代表 / 政协委员 / 市民代表 */
  guestCategory: z.enum(GUEST_CATEGORIES),
});
export type GuestInput = z.infer<typeof GuestSchema>;

/** Lookup without an account: the code and the mobile number it was made with. */
export const LookupSchema = z.strictObject({ code: Code, mobile: Mobile });
export type LookupInput = z.infer<typeof LookupSchema>;

/** Cancellation over the API: the token from the cancellation link. */
export const CancelSchema = z.strictObject({ token: z.string().trim().min(20).max(100) });

/** The check-in page's search: a code, or a name, or the last 4+ digits of a mobile number. */
export const CheckInQuery = z.object({
  q: optionalText(40),
  done: optionalText(20),
});

/** Check-in over the API (a scanner at the door). */
export const CheckInSchema = z.strictObject({ code: Code });

/** The attendance page and CSV: which campaign (default: the current one). */
export const AttendanceQuery = z.object({ campaign: z.preprocess(blankToUndefined, idParam.optional()) });
