import crypto from 'node:crypto';
import { normaliseResidentId } from '../../platform/identity/index.js';

// Household rules: the states a record moves through, the public mask, and the household's own key.

export const SURVEY_STATUSES = ['pending', 'registered', 'disputed'] as const;
export const RIGHTS_STATUSES = ['pending', 'confirmed', 'disputed'] as const;
export const SCHEMES = ['monetary', 'exchange'] as const;
export const SIGNING_STATUSES = ['unsigned', 'signed'] as const;
export const PAYMENT_STATUSES = ['unpaid', 'paid'] as const;

// Two-character surnames keep both characters, so 欧阳娜娜 reads 欧阳** rather than 欧***.
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '令狐', '钟离', '端木', '南宫', '西门', '独孤', '呼延', '闻人', '澹台', '公冶', '太叔', '申屠', '赫连', '万俟',
]);

/** A household owner's name as the public sees it: the surname kept, every other character a '*' (张* / 欧阳**). */
export function maskHouseholdName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) {
    return '*'.repeat(chars.length);
  }
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}

/** The hash an ID number is matched by, scoped to one project so equal hashes never link projects. */
export function idNumberHash(projectId: number, idNumber: string): string {
  return crypto.createHash('sha256').update(`${projectId}:${normaliseResidentId(idNumber)}`).digest('hex');
}

// 32 symbols without 0/O, 1/I: read aloud and typed from a printed notice.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

/** A fresh household access code, e.g. 'K7PQ2-MX9RD' (50 bits). */
export function newAccessCode(): string {
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    s += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  }
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** An access code as typed (lower case, spaces, dashes) reduced to its symbols. */
export function normaliseAccessCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Whether a typed code has the shape of an access code. */
export function isAccessCode(code: string): boolean {
  const n = normaliseAccessCode(code);
  return n.length === CODE_LENGTH && [...n].every((c) => CODE_ALPHABET.includes(c));
}

/** sha256 of a normalised access code, as stored. */
export function accessCodeHash(code: string): string {
  return crypto.createHash('sha256').update(normaliseAccessCode(code)).digest('hex');
}

/** Floor area in m² from the stored hundredths. */
export const areaM2 = (areaCm2: number): number => areaCm2 / 100;
