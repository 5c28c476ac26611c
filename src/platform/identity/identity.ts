// Validators are strict about the canonical form so that stored identifiers compare equal;
// user input goes through the normalise* helpers first.

/** GB 32100-2015 code alphabet; the index of a character is its numeric value. I, O, Z, S, V are left out to avoid confusion with 1, 0, 2, 5, U. */
const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_CODE_BODY = /^[0-9A-HJ-NPQRTUWXY]{17}$/;
const CREDIT_CODE_FULL = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const RESIDENT_ID_CHECK_TABLE = '10X98765432';
const RESIDENT_ID_FULL = /^\d{17}[\dX]$/;

/** Canonical form of user-typed input: NFKC folds full-width ＡＢＣ１２３ typed with Chinese IMEs into ASCII. */
function canonical(input: string): string {
  return input.normalize('NFKC').trim().toUpperCase();
}

/** Trims, folds full-width characters and upper-cases a 统一社会信用代码 before validation or storage. */
export function normaliseCreditCode(code: string): string {
  return canonical(code);
}

/** Check character (position 18) of a 统一社会信用代码 for its first 17 characters, per GB 32100-2015. */
export function creditCodeCheckChar(first17: string): string {
  if (!CREDIT_CODE_BODY.test(first17)) {
    throw new RangeError(
      `Invalid credit code prefix ${JSON.stringify(first17)}: expected 17 characters from ${CREDIT_CODE_CHARSET}`,
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_CHARSET.indexOf(first17.charAt(i)) * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(check);
}

/** Whether `code` is a well-formed 统一社会信用代码 (canonical form, correct check character). */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== 'string' || !CREDIT_CODE_FULL.test(code)) {
    return false;
  }
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
}

/** Trims, folds full-width characters and upper-cases a 居民身份证号码 (a typed lower-case x is common). */
export function normaliseResidentId(id: string): string {
  return canonical(id);
}

/** Check character of an 18-digit 居民身份证号码 for its first 17 digits (ISO 7064 MOD 11-2, GB 11643-1999). */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`Invalid resident ID prefix ${JSON.stringify(first17)}: expected 17 digits`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17.charAt(i)) * (RESIDENT_ID_WEIGHTS[i] ?? 0);
  }
  return RESIDENT_ID_CHECK_TABLE.charAt(sum % 11);
}

/** Today's date in China (UTC+8, no DST), so the result does not depend on the server's timezone. */
function todayInChina(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function isRealBirthDate(yyyymmdd: string, today: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return false;
  }
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  return iso >= '1900-01-01' && iso <= today;
}

/** Whether `id` is a valid 18-character 居民身份证号码: check character and a real birth date from 1900 up to today (China time). */
export function isValidResidentId(id: string, opts: { today?: string } = {}): boolean {
  if (typeof id !== 'string' || !RESIDENT_ID_FULL.test(id)) {
    return false;
  }
  if (!isRealBirthDate(id.slice(6, 14), opts.today ?? todayInChina())) {
    return false;
  }
  return residentIdCheckChar(id.slice(0, 17)) === id.charAt(17);
}

/** Masks a resident ID for display, keeping only the first and last character ('1****************X'). */
export function maskResidentId(id: string): string {
  // Policy: a resident ID is never shown in full. Keeping the first and last character lets a
  // person recognise their own number without revealing region, birth date or sequence; the
  // common "first 6 + last 4" style exposes the birthplace and most of the entropy.
  const chars = Array.from(id.trim());
  if (chars.length <= 2) {
    return '*'.repeat(chars.length);
  }
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Masks a personal name, keeping only the first character ('张三' → '张*', '欧阳娜娜' → '欧***'). */
export function maskName(name: string): string {
  // Array.from splits by code point, so rare characters outside the BMP (e.g. 𠇔) stay whole.
  const chars = Array.from(name.trim());
  if (chars.length <= 1) {
    return '*'.repeat(chars.length);
  }
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** Masks a mobile number as '138****5678'; anything not 11 digits long is masked more aggressively. */
export function maskMobile(m: string): string {
  const chars = Array.from(m.normalize('NFKC').replace(/[\s-]/g, ''));
  if (chars.length === 11) {
    return `${chars.slice(0, 3).join('')}****${chars.slice(7).join('')}`;
  }
  // Unknown shapes (landlines, +86 prefixes, typos) could leak most digits under the 3+4 rule,
  // so only the last two survive, and short strings are hidden entirely.
  if (chars.length >= 5) {
    return `${'*'.repeat(chars.length - 2)}${chars.slice(-2).join('')}`;
  }
  return '*'.repeat(chars.length);
}

/** Whether `m` is a mainland China mobile number (11 digits, 1[3-9]…), without country code or spaces. */
export function isValidMobile(m: string): boolean {
  return typeof m === 'string' && /^1[3-9]\d{9}$/.test(m);
}
