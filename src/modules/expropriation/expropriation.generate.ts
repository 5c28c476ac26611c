import { residentIdCheckChar } from '../../platform/identity/index.js';
import { nowIso } from '../../platform/clock.js';
import { accessCodeHash, idNumberHash } from './expropriation.households.js';
import type { NewHousehold } from './expropriation.repository.js';

// Generated households for the demo, the benchmark and the tests: every state a record can be in,
// drawn from a seeded generator so every run is the same.

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '欧阳', '司马', '于', '董', '潘'];
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '德胜', '玉珍', '淑芬', '建国', '海燕'];
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A valid 居民身份证号码 of 龙沙区 (230202) drawn from the generator. */
export function generatedResidentId(r: () => number): string {
  const birth = addDays('1940-01-01', Math.floor(r() * 20_000)).replace(/-/g, '');
  const first17 = `230202${birth}${String(Math.floor(r() * 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A deterministic access code (demo and tests only: real codes come from crypto.randomInt). */
export function generatedAccessCode(r: () => number): string {
  let s = '';
  for (let i = 0; i < 10; i++) {
    s += pick(r, [...CODE_ALPHABET]);
  }
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** What the generator is told about a project's timeline. */
export interface GenerateOptions {
  projectId: number;
  count: number;
  /** Household numbers are prefix + 5 digits. */
  prefix: string;
  /** The day signing opened; no signing when null (a project before its decision). */
  signingFrom: string | null;
  today: string;
  /** Households (the first ones) that get an access code; the rest have none issued yet. */
  withCodes?: number;
  /** Share of households signed (0..1). */
  signedShare: number;
  buildings: number;
}

/** Households in every state, with each one's access code ('' when none was issued) and ID number (so tests and the demo can sign in). */
export function generateHouseholds(r: () => number, o: GenerateOptions): { rows: NewHousehold[]; codes: string[]; idNumbers: string[] } {
  const now = nowIso();
  const rows: NewHousehold[] = [];
  const codes: string[] = [];
  const idNumbers: string[] = [];
  const signingDays = o.signingFrom ? Math.max(1, Math.round((Date.parse(o.today) - Date.parse(o.signingFrom)) / 86_400_000)) : 0;
  let order = 0;
  for (let i = 0; i < o.count; i++) {
    // Identity first: the first households' names, ID numbers and codes do not depend on the dates.
    const idNumber = generatedResidentId(r);
    const code = i < (o.withCodes ?? o.count) ? generatedAccessCode(r) : '';
    const name = pick(r, SURNAMES) + pick(r, GIVEN);
    const building = `${(i % o.buildings) + 1}号楼`;
    const areaCm2 = Math.round((35 + r() * 85) * 100);
    const price = 5200 + Math.floor(r() * 1600);
    const valuation = Math.round((areaCm2 / 100) * price);
    const survey = r();
    const surveyStatus = survey < 0.02 ? 'disputed' : survey < 0.03 ? 'pending' : 'registered';
    const rightsStatus = surveyStatus !== 'registered' ? 'pending' : r() < 0.02 ? 'disputed' : 'confirmed';
    const decided = o.signingFrom !== null && surveyStatus === 'registered';
    const signed = decided && rightsStatus === 'confirmed' && r() < o.signedShare;
    const scheme = decided ? (r() < 0.6 ? 'monetary' : 'exchange') : null;
    // Early signers signed more often: the square makes the curve front-loaded, as signing drives are.
    const signedOn = signed ? addDays(o.signingFrom!, Math.floor(r() ** 2 * signingDays)) : null;
    const paid = signed && scheme === 'monetary' && signedOn! <= addDays(o.today, -10) && r() < 0.85;
    codes.push(code);
    idNumbers.push(idNumber);
    rows.push({
      projectId: o.projectId,
      number: `${o.prefix}${String(i + 1).padStart(5, '0')}`,
      ownerName: name,
      idNumber,
      idHash: idNumberHash(o.projectId, idNumber),
      building,
      unit: `${1 + Math.floor(r() * 4)}单元`,
      room: `${1 + Math.floor(r() * 6)}0${1 + Math.floor(r() * 2)}`,
      areaCm2,
      surveyStatus,
      surveyNote: surveyStatus === 'disputed' ? '面积认定有异议，待复核' : '',
      rightsStatus,
      valuation: decided ? valuation : null,
      scheme,
      compensation: decided ? valuation + Math.round(valuation * 0.1) : null,
      subsidy: decided ? 5000 + Math.floor(r() * 20) * 500 : null,
      signingStatus: signed ? 'signed' : 'unsigned',
      signedOn,
      selectionOrder: signed && scheme === 'exchange' ? ++order : null,
      paymentStatus: paid ? 'paid' : 'unpaid',
      paidOn: paid ? addDays(signedOn!, 3 + Math.floor(r() * 5)) : null,
      accessCodeHash: code ? accessCodeHash(code) : null,
      version: 1,
      correctedOn: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  return { rows, codes, idNumbers };
}
