import { sql, type Insertable, type Selectable } from 'kysely';
import type { Executor } from '../../http/context.js';
import { isPostgres } from '../../db/schema-helpers.js';
import type { PolicyGuideTable, PolicyMatchRunTable, PolicyRuleExampleTable, PolicyRuleTable } from './navigator.table.js';
import { codeAt, offsetOf, tileOf, type Tile, type TileHead } from './navigator.tiles.js';

export type PolicyRuleRow = Selectable<PolicyRuleTable>;
export type PolicyRuleExampleRow = Selectable<PolicyRuleExampleTable>;

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

/** A policy's stored tiles without their classes: hash and pushed bits, by tile number. */
export async function tileHeads(db: Executor, policyId: number): Promise<Map<number, TileHead>> {
  const rows = await db.selectFrom('policyMatchTile').select(['tile', 'hash', 'pushed']).where('policyId', '=', policyId).execute();
  return new Map(rows.map((r) => [r.tile, { hash: r.hash, pushed: new Uint8Array(r.pushed) }]));
}

/** A policy's stored classes, by tile number. */
export async function policyClasses(db: Executor, policyId: number): Promise<Map<number, Uint8Array>> {
  const rows = await db.selectFrom('policyMatchTile').select(['tile', 'classes']).where('policyId', '=', policyId).execute();
  return new Map(rows.map((r) => [r.tile, new Uint8Array(r.classes)]));
}

/** A stored tile, whole. */
export interface TileRow extends Tile {
  policyId: number;
  tile: number;
  hash: number;
}

/** Every policy's tiles covering some tile numbers (for re-matching a few enterprises). */
export async function tilesAt(db: Executor, tiles: number[]): Promise<TileRow[]> {
  const rows = await db.selectFrom('policyMatchTile').select(['policyId', 'tile', 'hash', 'pushed', 'classes']).where('tile', 'in', tiles).execute();
  return rows.map((r) => ({ policyId: r.policyId, tile: r.tile, hash: r.hash, pushed: new Uint8Array(r.pushed), classes: new Uint8Array(r.classes) }));
}

const asBlob = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Writes tiles (inserting or replacing) and removes others. */
export async function writeTiles(db: Executor, rows: TileRow[], remove: Array<{ policyId: number; tile: number }> = []): Promise<void> {
  // Five parameters a row: 200 rows stay far below both engines' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('policyMatchTile')
      .values(rows.slice(i, i + 200).map((r) => ({ policyId: r.policyId, tile: r.tile, hash: r.hash, pushed: asBlob(r.pushed), classes: asBlob(r.classes) })))
      .onConflict((oc) => oc.columns(['policyId', 'tile']).doUpdateSet((eb) => ({ hash: eb.ref('excluded.hash'), pushed: eb.ref('excluded.pushed'), classes: eb.ref('excluded.classes') })))
      .execute();
  }
  for (const r of remove) {
    await db.deleteFrom('policyMatchTile').where('policyId', '=', r.policyId).where('tile', '=', r.tile).execute();
  }
}

/** The stored code of every policy with a tile covering one enterprise (navigator.tiles.ts decodes it). */
export async function storedCodesOf(db: Executor, enterpriseId: number): Promise<Array<{ policyId: number; code: number }>> {
  // Only the one byte leaves the database: substr on a blob counts bytes in SQLite, substring on bytea in PostgreSQL.
  const off = offsetOf(enterpriseId);
  const pos = (off >>> 1) + 1;
  const part = isPostgres(db) ? sql<Uint8Array>`substring(classes from ${sql.lit(pos)} for 1)` : sql<Uint8Array>`substr(classes, ${sql.lit(pos)}, 1)`;
  const rows = await db
    .selectFrom('policyMatchTile')
    .select(['policyId', part.as('b')])
    .where('tile', '=', tileOf(enterpriseId))
    .execute();
  return rows.map((r) => ({ policyId: r.policyId, code: codeAt(new Uint8Array(r.b), off & 1) })).filter((r) => r.code !== 0);
}

/** A policy's last match. */
export async function matchRun(db: Executor, policyId: number): Promise<Selectable<PolicyMatchRunTable> | undefined> {
  return db.selectFrom('policyMatchRun').selectAll().where('policyId', '=', policyId).executeTakeFirst();
}

/** Records a policy's match (or its being cleared, with no rule). */
export async function writeMatchRun(db: Executor, row: Insertable<PolicyMatchRunTable>): Promise<void> {
  await db
    .insertInto('policyMatchRun')
    .values(row)
    .onConflict((oc) => oc.column('policyId').doUpdateSet({ ruleId: row.ruleId, referenceDate: row.referenceDate, matchedAt: row.matchedAt, met: row.met, near: row.near, unknown: row.unknown }))
    .execute();
}

/** Every policy with stored tiles or a recorded match (so a policy that lost its rule is cleared too). */
export async function policiesWithMatches(db: Executor): Promise<number[]> {
  return (await db.selectFrom('policyMatchRun').select('policyId').orderBy('policyId').execute()).map((r) => r.policyId);
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

/** A setting's value. */
export async function readSetting(db: Executor, key: string): Promise<string | undefined> {
  return (await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Writes a setting. */
export async function writeSetting(db: Executor, key: string, value: string): Promise<void> {
  await db.insertInto('setting').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** Stores a push batch. */
export async function insertPushBatch(db: Executor, row: { topic: string; referenceDate: string; entries: number; payload: Uint8Array; createdAt: string }): Promise<void> {
  await db
    .insertInto('pushBatch')
    .values({ ...row, cursor: 0, finishedAt: null, payload: Buffer.from(row.payload.buffer, row.payload.byteOffset, row.payload.byteLength) })
    .execute();
}

/** The oldest push batch not yet finished (without its payload). */
export async function openPushBatch(db: Executor) {
  return db.selectFrom('pushBatch').select(['id', 'referenceDate', 'entries', 'cursor']).where('finishedAt', 'is', null).orderBy('id').limit(1).executeTakeFirst();
}

/** Bytes [from, from + length) of a batch's payload, read without the rest. */
export async function pushBatchSlice(db: Executor, id: number, from: number, length: number): Promise<Uint8Array> {
  const part = isPostgres(db) ? sql<Uint8Array>`substring(payload from ${sql.lit(from + 1)} for ${sql.lit(length)})` : sql<Uint8Array>`substr(payload, ${sql.lit(from + 1)}, ${sql.lit(length)})`;
  const r = await db.selectFrom('pushBatch').select(part.as('b')).where('id', '=', id).executeTakeFirstOrThrow();
  return new Uint8Array(r.b);
}

/** Moves a batch's cursor on, if nobody moved it meanwhile. */
export async function advancePushBatch(db: Executor, id: number, from: number, to: number, finishedAt: string | null): Promise<void> {
  await db.updateTable('pushBatch').set({ cursor: to, finishedAt }).where('id', '=', id).where('cursor', '=', from).execute();
}

