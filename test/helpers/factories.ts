import crypto from 'node:crypto';
import type { Db } from '../../src/db/connect.js';
import type { Role } from '../../src/http/context.js';
import { nowIso } from '../../src/platform/clock.js';
import { hashPassword } from '../../src/modules/accounts/index.js';

// Factories build fresh rows for each test; nothing is shared between test files.

const uid = () => crypto.randomBytes(4).toString('hex');
/** The password every factory user gets. */
export const PASSWORD = 'test-pass-1234';
let cachedHash: Promise<string> | null = null;

/** A department with a unique code. */
export async function makeDepartment(db: Db, over: Partial<{ code: string; nameZh: string }> = {}) {
  const now = nowIso();
  const code = over.code ?? `d-${uid()}`;
  const r = await db.kysely
    .insertInto('department')
    .values({ code, nameZh: over.nameZh ?? `测试部门${code}`, nameEn: 'Test department', kind: 'department', functions: '', address: '', officeHours: '', phone: '', email: '', website: '', headName: '', headTitle: '', sortOrder: 0, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, code };
}

/** A user of some role, optionally in departments; password is PASSWORD. */
export async function makeUser(db: Db, role: Role, departmentIds: number[] = [], over: Partial<{ username: string; displayName: string }> = {}) {
  cachedHash ??= hashPassword(PASSWORD);
  const now = nowIso();
  const username = over.username ?? `${role}-${uid()}`;
  const r = await db.kysely
    .insertInto('user')
    .values({ username, displayName: over.displayName ?? `用户${username}`, passwordHash: await cachedHash, role, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (departmentIds.length) {
    await db.kysely
      .insertInto('userDepartment')
      .values(departmentIds.map((departmentId) => ({ userId: r.id, departmentId })))
      .execute();
  }
  return { id: r.id, username, password: PASSWORD };
}

/** A portal column. */
export async function makeColumn(db: Db, parentId: number | null = null, over: Partial<{ slug: string; nameZh: string }> = {}) {
  const now = nowIso();
  const slug = over.slug ?? `c-${uid()}`;
  const r = await db.kysely
    .insertInto('portalColumn')
    .values({ parentId, slug, nameZh: over.nameZh ?? `栏目${slug}`, nameEn: 'Column', descriptionZh: '', descriptionEn: '', sortOrder: 0, createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, slug };
}

/**
 * The policy card fields a normative document or major policy needs before it can be submitted
 * (the graphic version is drawn from them); spread into a policy form or API body.
 */
export const POLICY_CARD_FIELDS = {
  cardAudience: '本市依法登记的企业',
  cardSupport: '按投资额给予最高100万元补助',
  cardHowToApply: '通过市政务服务网在线申请',
} as const;
