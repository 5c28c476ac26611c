import type { Executor } from '../../http/context.js';

// Aggregates for the progress charts, the screen and the agency report (grouped in the database).

const n = (v: string | number | bigint | null | undefined) => Number(v ?? 0);

/** Households of a project by signing, scheme and payment state. */
export async function householdCounts(db: Executor, projectId: number) {
  const rows = await db
    .selectFrom('expropriationHousehold')
    .select(['signingStatus', 'scheme', 'paymentStatus'])
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.sum<string | number | null>('compensation').as('amount')])
    .where('projectId', '=', projectId)
    .groupBy(['signingStatus', 'scheme', 'paymentStatus'])
    .execute();
  return rows.map((r) => ({ signingStatus: r.signingStatus, scheme: r.scheme, paymentStatus: r.paymentStatus, n: n(r.n), amount: n(r.amount) }));
}

/** Signings per day. */
export async function signedByDay(db: Executor, projectId: number) {
  const rows = await db
    .selectFrom('expropriationHousehold')
    .select('signedOn')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('projectId', '=', projectId)
    .where('signingStatus', '=', 'signed')
    .groupBy('signedOn')
    .orderBy('signedOn')
    .execute();
  return rows.map((r) => ({ day: r.signedOn ?? '', n: n(r.n) }));
}

/** Households and signings per building. */
export async function byBuilding(db: Executor, projectId: number) {
  const rows = await db
    .selectFrom('expropriationHousehold')
    .select(['building', 'signingStatus'])
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('projectId', '=', projectId)
    .groupBy(['building', 'signingStatus'])
    .orderBy('building')
    .execute();
  const out = new Map<string, { building: string; total: number; signed: number }>();
  for (const r of rows) {
    const b = out.get(r.building) ?? { building: r.building, total: 0, signed: 0 };
    b.total += n(r.n);
    if (r.signingStatus === 'signed') {
      b.signed += n(r.n);
    }
    out.set(r.building, b);
  }
  return [...out.values()];
}

/** Agency cases of a project with their documents' counts (for the report). */
export async function agencyCasesOf(db: Executor, projectId: number) {
  return db
    .selectFrom('expropriationAgencyCase')
    .select(['id', 'householdId', 'submittedOn', 'completedOn', 'specialGroup', 'homeVisitOn', 'satisfaction', 'callbackOn'])
    .where('projectId', '=', projectId)
    .execute();
}
