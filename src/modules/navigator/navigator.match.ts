import type { Executor } from '../../http/context.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { loadEnterpriseFacts } from '../enterprises/index.js';
import { policyBriefs, type PolicyBrief } from '../policies/index.js';
import { CLASS_NOT_MET, toColumns } from './navigator.compile.js';
import { compileBatch } from './navigator.codegen.js';
import { classifyRules } from './navigator.classify-pool.js';
import { directoryColumns, factsChanged } from './navigator.facts-cache.js';
import * as repo from './navigator.repository.js';
import { NewMatches, pushNewMatches } from './navigator.push.js';
import type { Condition } from './navigator.rules.js';
import { buildTiles, codeOf, decode, emptyTile, idsWithVerdict, patchTile, tileHash, tileOf, type StoredMatch, type VerdictCounts } from './navigator.tiles.js';

// Matching: enterprises against the rule in force of every active policy, stored per policy in tiles
// (navigator.tiles.ts): met, near (差一项, with the condition it lacks) or unknown. Re-matching is
// incremental: a policy's rule or state changes → that policy against every enterprise (the directory's
// columns stay in memory, navigator.facts-cache.ts); enterprises change → those enterprises against
// every policy, patching their bytes. New "met" matches notify the enterprise through the outbox in the
// same transaction; a pushed bit kept with each match means the same policy is never pushed to the
// same enterprise twice. An enterprise with several new policies in one run gets one message listing them.

/** Above this many changed enterprises, re-matching every policy whole is cheaper than patching. */
const PATCH_LIMIT = 20_000;

/** A policy takes part in matching while it is published and valid. */
export function isActive(p: Pick<PolicyBrief, 'status' | 'validity'> | undefined): boolean {
  return p !== undefined && p.status === 'published' && p.validity === 'valid';
}

/** What a re-match did. */
export interface MatchSummary {
  met: number;
  near: number;
  unknown: number;
  notified: number;
}

/** The rule each policy is judged by on a day: undefined for a policy not active or without a rule in force. */
async function rulesFor(trx: Executor, policyIds: number[], referenceDate: string) {
  const briefs = new Map((await policyBriefs(trx, policyIds)).map((p) => [p.id, p]));
  const rules = await repo.rulesInForce(trx, policyIds, referenceDate);
  return { briefs, ruleOf: (id: number) => (isActive(briefs.get(id)) ? rules.get(id) : undefined) };
}

async function nextClasses(judged: AsyncGenerator<Int32Array>): Promise<Int32Array> {
  const r = await judged.next();
  if (r.done) {
    throw new Error('fewer classifications than rules');
  }
  return r.value;
}

/** Re-matches policies against the whole directory, storing each one's tiles and notifying new matches. */
async function matchPolicies(trx: Executor, policyIds: number[], referenceDate: string): Promise<MatchSummary> {
  const total: MatchSummary = { met: 0, near: 0, unknown: 0, notified: 0 };
  if (policyIds.length === 0) {
    return total;
  }
  const { cols, creditCodes } = await directoryColumns(trx);
  const { briefs, ruleOf } = await rulesFor(trx, policyIds, referenceDate);
  const jobs = policyIds.map((policyId) => ({ policyId, rule: ruleOf(policyId) }));
  // Judged on every core, handed back in order while this thread stores the previous policy's tiles.
  const judged = classifyRules(
    cols,
    jobs.flatMap((j) => (j.rule ? [JSON.parse(j.rule.tree) as Condition] : [])),
    referenceDate,
  );
  const fresh = new NewMatches(cols.size);
  const now = nowIso();
  try {
    for (const { policyId, rule } of jobs) {
      const classes = rule ? await nextClasses(judged) : undefined;
      // A policy with no rule in force keeps only its pushed bits.
      const update = buildTiles(cols.ids, classes ?? new Int32Array(0), classes ? cols.size : 0, await repo.tileHeads(trx, policyId));
      await repo.writeTiles(
        trx,
        [...update.write].map(([tile, t]) => ({ policyId, tile, ...t })),
        update.remove.map((tile) => ({ policyId, tile })),
      );
      await repo.writeMatchRun(trx, { policyId, ruleId: rule?.id ?? null, referenceDate, matchedAt: now, ...update.counts });
      for (const row of update.newlyMet) {
        fresh.add(row, policyId);
      }
      total.met += update.counts.met;
      total.near += update.counts.near;
      total.unknown += update.counts.unknown;
    }
  } finally {
    await judged.return(undefined);
  }
  total.notified = await pushNewMatches(trx, fresh, cols.ids, creditCodes, briefs, referenceDate);
  return total;
}

/** Matches one policy against every enterprise (or clears its matches when it is not active or has no rule). */
export async function matchPolicy(trx: Executor, policyId: number, referenceDate = todayInChina()): Promise<MatchSummary> {
  return matchPolicies(trx, [policyId], referenceDate);
}

/** Every policy with a rule (or with stored matches) against every enterprise: the CLI's `match` and the daily run. */
export async function matchAll(trx: Executor, referenceDate = todayInChina()): Promise<MatchSummary> {
  const ids = [...new Set([...(await repo.policiesWithRules(trx)), ...(await repo.policiesWithMatches(trx))])].sort((a, b) => a - b);
  return matchPolicies(trx, ids, referenceDate);
}

/** Matches some enterprises against every active policy with a rule (after an import or a correction). */
export async function matchEnterprises(trx: Executor, enterpriseIds: number[], referenceDate = todayInChina()): Promise<MatchSummary> {
  if (enterpriseIds.length === 0) {
    return { met: 0, near: 0, unknown: 0, notified: 0 };
  }
  const facts = await loadEnterpriseFacts(trx, { ids: enterpriseIds });
  await factsChanged(trx, facts);
  if (facts.length > PATCH_LIMIT) {
    return matchAll(trx, referenceDate);
  }
  const cols = toColumns(facts);
  const policyIds = [...new Set([...(await repo.policiesWithRules(trx)), ...(await repo.policiesWithMatches(trx))])];
  const { briefs, ruleOf } = await rulesFor(trx, policyIds, referenceDate);
  const tileNos = [...new Set(Array.from(cols.ids, tileOf))];
  const tiles = new Map<string, repo.TileRow>();
  for (let i = 0; i < tileNos.length; i += 500) {
    for (const t of await repo.tilesAt(trx, tileNos.slice(i, i + 500))) {
      tiles.set(`${t.policyId}:${t.tile}`, t);
    }
  }
  const fresh = new NewMatches(cols.size);
  const classes = new Int32Array(cols.size);
  const total: MatchSummary = { met: 0, near: 0, unknown: 0, notified: 0 };
  const now = nowIso();
  const changed = new Map<string, repo.TileRow>();
  for (const policyId of policyIds) {
    const rule = ruleOf(policyId);
    const run = await repo.matchRun(trx, policyId);
    if (!rule && !run) {
      continue;
    }
    if (rule) {
      compileBatch(JSON.parse(rule.tree) as Condition, cols, referenceDate)(classes);
    } else {
      classes.fill(CLASS_NOT_MET);
    }
    const counts: VerdictCounts = { met: run?.met ?? 0, near: run?.near ?? 0, unknown: run?.unknown ?? 0 };
    for (let i = 0; i < cols.size; i++) {
      const id = cols.ids[i]!;
      const key = `${policyId}:${tileOf(id)}`;
      let tile = tiles.get(key);
      if (!tile) {
        if (codeOf(classes[i]!) === 0) {
          continue; // not met and never pushed: nothing to store
        }
        tile = { policyId, tile: tileOf(id), hash: 0, ...emptyTile() };
        tiles.set(key, tile);
      }
      const r = patchTile(tile, id, classes[i]!, counts);
      if (r.newlyMet) {
        fresh.add(i, policyId);
      }
      if (r.changed) {
        changed.set(key, tile);
      }
    }
    await repo.writeMatchRun(trx, { policyId, ruleId: rule?.id ?? run?.ruleId ?? null, referenceDate: run?.referenceDate ?? referenceDate, matchedAt: now, ...counts });
    total.met += counts.met;
    total.near += counts.near;
    total.unknown += counts.unknown;
  }
  await repo.writeTiles(
    trx,
    [...changed.values()].map((t) => ({ ...t, hash: tileHash(t.classes) })),
  );
  total.notified = await pushNewMatches(
    trx,
    fresh,
    cols.ids,
    facts.map((f) => f.creditCode),
    briefs,
    referenceDate,
  );
  return total;
}

/** Ids of the enterprises a policy is stored as met for. */
export async function metEnterprises(db: Executor, policyId: number): Promise<number[]> {
  return idsWithVerdict(await repo.policyClasses(db, policyId), 'met');
}

/** The stored matches of one enterprise: policy, verdict and the leaf index a near miss lacks. */
export async function storedMatchesOf(db: Executor, enterpriseId: number): Promise<Array<StoredMatch & { policyId: number }>> {
  return (await repo.storedCodesOf(db, enterpriseId)).map((r) => ({ policyId: r.policyId, ...decode(r.code) })).filter((m) => m.verdict !== 'not_met');
}
