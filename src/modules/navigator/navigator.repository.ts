import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { PolicyGuideTable, PolicyMatchTable, PolicyRuleExampleTable, PolicyRuleTable } from './navigator.table.js';

export type PolicyRuleRow = Selectable<PolicyRuleTable>;
export type PolicyRuleExampleRow = Selectable<PolicyRuleExampleTable>;
export type PolicyMatchRow = Selectable<PolicyMatchTable>;

/** Every version of a policy's rule, newest first. */
export async function ruleVersions(db: Executor, policyId: number): Promise<PolicyRuleRow[]> {
  return db.selectFrom('policyRule').selectAll().where('policyId', '=', policyId).orderBy('version', 'desc').execute();
}

/** The version in force on a day: the newest version whose first day is on or before it. */
export async function ruleInForce(db: Executor, policyId: number, day: string): Promise<PolicyRuleRow | undefined> {
  return db.selectFrom('policyRule').selectAll().where('policyId', '=', policyId).where('effectiveFrom', '<=', day).orderBy('effectiveFrom', 'desc').orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** For many policies at once: the version of each in force on a day. */
export async function rulesInForce(db: Executor, policyIds: number[], day: string): Promise<Map<number, PolicyRuleRow>> {
  const out = new Map<number, PolicyRuleRow>();
  for (let i = 0; i < policyIds.length; i += 500) {
    const rows = await db.selectFrom('policyRule').selectAll().where('policyId', 'in', policyIds.slice(i, i + 500)).where('effectiveFrom', '<=', day).orderBy('effectiveFrom').orderBy('version').execute();
    for (const r of rows) {
      out.set(r.policyId, r); // ascending order: the last one seen is the one in force
    }
  }
  return out;
}

/** Adds a rule version. */
export async function insertRule(db: Executor, row: Insertable<PolicyRuleTable>): Promise<number> {
  return (await db.insertInto('policyRule').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** The next version number of a policy's rule. */
export async function nextVersion(db: Executor, policyId: number): Promise<number> {
  const r = await db.selectFrom('policyRule').select((eb) => eb.fn.max<number>('version').as('v')).where('policyId', '=', policyId).executeTakeFirst();
  return Number(r?.v ?? 0) + 1;
}

/** Ids of the policies that have at least one rule version. */
export async function policiesWithRules(db: Executor): Promise<number[]> {
  return (await db.selectFrom('policyRule').select('policyId').distinct().execute()).map((r) => r.policyId);
}

/** A policy's worked examples. */
export async function examples(db: Executor, policyId: number): Promise<PolicyRuleExampleRow[]> {
  return db.selectFrom('policyRuleExample').selectAll().where('policyId', '=', policyId).orderBy('id').execute();
}

/** Adds a worked example. */
export async function insertExample(db: Executor, row: Insertable<PolicyRuleExampleTable>): Promise<number> {
  return (await db.insertInto('policyRuleExample').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Removes a worked example of a policy; false when it was not there. */
export async function deleteExample(db: Executor, policyId: number, id: number): Promise<boolean> {
  const r = await db.deleteFrom('policyRuleExample').where('id', '=', id).where('policyId', '=', policyId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** The stored matches of a policy, by enterprise. */
export async function matchesOfPolicy(db: Executor, policyId: number): Promise<Map<number, PolicyMatchRow>> {
  const rows = await db.selectFrom('policyMatch').selectAll().where('policyId', '=', policyId).execute();
  return new Map(rows.map((r) => [r.enterpriseId, r]));
}

/** The stored matches of some enterprises. */
export async function matchesOfEnterprises(db: Executor, enterpriseIds: number[]): Promise<PolicyMatchRow[]> {
  const out: PolicyMatchRow[] = [];
  for (let i = 0; i < enterpriseIds.length; i += 500) {
    out.push(...(await db.selectFrom('policyMatch').selectAll().where('enterpriseId', 'in', enterpriseIds.slice(i, i + 500)).execute()));
  }
  return out;
}

/** Replaces a policy's stored matches. */
export async function replacePolicyMatches(db: Executor, policyId: number, rows: Array<Insertable<PolicyMatchTable>>): Promise<void> {
  await db.deleteFrom('policyMatch').where('policyId', '=', policyId).execute();
  await insertMatches(db, rows);
}

/** Replaces some enterprises' stored matches. */
export async function replaceEnterpriseMatches(db: Executor, enterpriseIds: number[], rows: Array<Insertable<PolicyMatchTable>>): Promise<void> {
  for (let i = 0; i < enterpriseIds.length; i += 500) {
    await db.deleteFrom('policyMatch').where('enterpriseId', 'in', enterpriseIds.slice(i, i + 500)).execute();
  }
  await insertMatches(db, rows);
}

async function insertMatches(db: Executor, rows: Array<Insertable<PolicyMatchTable>>): Promise<void> {
  // 9 columns a row: 100 rows stay far below both engines' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 100) {
    await db.insertInto('policyMatch').values(rows.slice(i, i + 100)).execute();
  }
}

/** Counts of stored matches by verdict for a policy. */
export async function matchCounts(db: Executor, policyId: number): Promise<Record<string, number>> {
  const rows = await db.selectFrom('policyMatch').select(['verdict', (eb) => eb.fn.countAll<number>().as('n')]).where('policyId', '=', policyId).groupBy('verdict').execute();
  return Object.fromEntries(rows.map((r) => [r.verdict, Number(r.n)]));
}

/** A policy's application guide. */
export async function findGuide(db: Executor, policyId: number): Promise<Selectable<PolicyGuideTable> | undefined> {
  return db.selectFrom('policyGuide').selectAll().where('policyId', '=', policyId).executeTakeFirst();
}

/** The guides of some policies, by policy id. */
export async function findGuides(db: Executor, policyIds: number[]): Promise<Map<number, Selectable<PolicyGuideTable>>> {
  if (policyIds.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('policyGuide').selectAll().where('policyId', 'in', policyIds).execute();
  return new Map(rows.map((r) => [r.policyId, r]));
}

/** Writes a policy's guide (insert, or update when one exists). */
export async function upsertGuide(db: Executor, row: Insertable<PolicyGuideTable>, exists: boolean): Promise<void> {
  if (exists) {
    await db.updateTable('policyGuide').set(row).where('policyId', '=', row.policyId).execute();
  } else {
    await db.insertInto('policyGuide').values(row).execute();
  }
}

/** Guides whose application window is open today and closes within `days` days. */
export async function guidesClosingSoon(db: Executor, today: string, days: number) {
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return db
    .selectFrom('policyGuide')
    .select(['policyId', 'applyUntil'])
    .where('applyUntil', '>=', today)
    .where('applyUntil', '<=', until)
    .where((eb) => eb.or([eb('applyFrom', 'is', null), eb('applyFrom', '<=', today)]))
    .execute();
}

/** Ids of the enterprises a policy is stored as met for. */
export async function metEnterprises(db: Executor, policyId: number): Promise<number[]> {
  return (await db.selectFrom('policyMatch').select('enterpriseId').where('policyId', '=', policyId).where('verdict', '=', 'met').execute()).map((r) => r.enterpriseId);
}

/** A setting's value. */
export async function readSetting(db: Executor, key: string): Promise<string | undefined> {
  return (await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Writes a setting. */
export async function writeSetting(db: Executor, key: string, value: string): Promise<void> {
  await db.insertInto('setting').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}
