import crypto from 'node:crypto';
import type { Executor, CurrentUser, Role } from '../../http/context.js';
import { addMinutes, nowIso } from '../clock.js';

// Sessions live in the database so that any app instance can serve any request.
// The cookie holds a random token; the table holds only its sha256.

/** sha256 hex of a session token: the key stored in the database. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A fresh random token (256 bits, base64url). */
export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Opens a session for a user; returns the cookie token (shown once, never stored). */
export async function createSession(
  db: Executor,
  userId: number,
  hours: number,
  meta: { ip: string; userAgent: string },
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = nowIso();
  const expiresAt = addMinutes(now, hours * 60);
  await db
    .insertInto('session')
    .values({
      id: hashToken(token),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip.slice(0, 60),
      userAgent: meta.userAgent.slice(0, 300),
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The live session of a token with its user, or null when unknown, expired or the user is disabled. */
export async function findSession(
  db: Executor,
  token: string,
): Promise<{ sessionId: string; csrfToken: string; lastSeenAt: string; user: CurrentUser } | null> {
  const id = hashToken(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.userId')
    .select([
      'session.id as sessionId',
      'session.csrfToken',
      'session.lastSeenAt',
      'session.expiresAt',
      'user.id as userId',
      'user.username',
      'user.displayName',
      'user.role',
      'user.disabled',
    ])
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!row || row.expiresAt <= nowIso() || row.disabled === 1) {
    return null;
  }
  const depts = await db.selectFrom('userDepartment').select('departmentId').where('userId', '=', row.userId).execute();
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    lastSeenAt: row.lastSeenAt,
    user: {
      id: row.userId,
      username: row.username,
      displayName: row.displayName,
      role: row.role as Role,
      departmentIds: depts.map((d) => d.departmentId),
    },
  };
}

/** Slides a session's expiry forward (sessions end after `hours` without activity). */
export async function touchSession(db: Executor, sessionId: string, hours: number): Promise<void> {
  const now = nowIso();
  await db.updateTable('session').set({ lastSeenAt: now, expiresAt: addMinutes(now, hours * 60) }).where('id', '=', sessionId).execute();
}

/** Ends one session. */
export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** Ends every session of a user ("log out everywhere"); returns how many ended. */
export async function deleteUserSessions(db: Executor, userId: number): Promise<number> {
  const r = await db.deleteFrom('session').where('userId', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Removes expired sessions; run by a background job. */
export async function purgeExpiredSessions(db: Executor): Promise<number> {
  const r = await db.deleteFrom('session').where('expiresAt', '<=', nowIso()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
