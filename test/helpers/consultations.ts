import type { Db } from '../../src/db/connect.js';

// Helpers for the consultation tests: moving a round's period into the past or future directly,
// because a round's own rules (quite rightly) refuse to let staff do so once it has opened.

/** Sets a round's period in the database (test fixture only). */
export async function setPeriod(db: Db, roundId: number, opensOn: string, closesOn: string): Promise<void> {
  await db.kysely.updateTable('consultationRound').set({ opensOn, closesOn }).where('id', '=', roundId).execute();
}

/** The latest round of a draft. */
export async function latestRound(db: Db, draftId: number) {
  return db.kysely.selectFrom('consultationRound').selectAll().where('draftId', '=', draftId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
}

/** Audit entries of an action. */
export async function auditCount(db: Db, action: string): Promise<number> {
  const r = await db.kysely.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', action).executeTakeFirstOrThrow();
  return Number(r.n);
}
