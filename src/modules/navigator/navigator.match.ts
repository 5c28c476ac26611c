import type { Insertable } from 'kysely';
import type { Executor } from '../../http/context.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { enqueueNotification } from '../../platform/outbox/index.js';
import { loadEnterpriseFacts, type EnterpriseFacts } from '../enterprises/index.js';
import { policyBrief, policyBriefs, type PolicyBrief } from '../policies/index.js';
import { CLASS_MET, CLASS_NOT_MET, CLASS_UNKNOWN, compileRule, toColumns, type CompiledRule } from './navigator.compile.js';
import { compileBatch } from './navigator.codegen.js';
import * as repo from './navigator.repository.js';
import type { PolicyMatchTable } from './navigator.table.js';
import type { Condition } from './navigator.rules.js';

// Matching: enterprises against the rule in force of every active policy, stored as met, near (差一项)
// or unknown with the leaf verdicts as the explanation in short. Re-matching is incremental: a policy's
// rule or state changes → that policy against every enterprise; enterprises change → those enterprises
// against every policy. New "met" matches notify the enterprise through the outbox, in the same
// transaction, with a dedupe key so the same policy is never pushed to the same enterprise twice.

/** Enterprises read per batch when a policy is matched against all of them. */
const BATCH = 10_000;
const LETTER = ['N', 'M', 'U'] as const;

/** A policy takes part in matching while it is published and valid. */
export function isActive(p: Pick<PolicyBrief, 'status' | 'validity'> | undefined): boolean {
  return p !== undefined && p.status === 'published' && p.validity === 'valid';
}

/** The stored row of a classified pair, or undefined for a plain "not met". */
function rowOf(policyId: number, enterpriseId: number, ruleId: number, c: CompiledRule, i: number, k: number, referenceDate: string, now: string): Insertable<PolicyMatchTable> | undefined {
  if (k === CLASS_NOT_MET) {
    return undefined;
  }
  const verdict = k === CLASS_MET ? 'met' : k === CLASS_UNKNOWN ? 'unknown' : 'near';
  const leafVerdicts = Array.from(c.leafVerdicts(i), (v) => LETTER[v]).join('');
  return { policyId, enterpriseId, ruleId, verdict, nearMiss: k >= 0 ? c.leaves[k]!.id : null, leafVerdicts, referenceDate, matchedAt: now };
}

async function notifyNewMatches(trx: Executor, policy: PolicyBrief, enterprises: Map<number, EnterpriseFacts>, ids: number[]): Promise<number> {
  let sent = 0;
  for (const id of ids) {
    const e = enterprises.get(id);
    if (!e) {
      continue;
    }
    const r = await enqueueNotification(trx, {
      recipient: { kind: 'enterprise', key: e.creditCode },
      dedupeKey: `policy-match:${e.creditCode}:${policy.id}`,
      topic: 'policy-match',
      title: `新的惠企政策与您匹配：${policy.title}`,
      body: `根据贵单位登记和申报的信息，《${policy.title}》${policy.docNumber ? `（${policy.docNumber}）` : ''}的适用条件均已满足。登录查看符合的理由、申报条件和办理指南。`,
      link: `/navigator#policy-${policy.id}`,
    });
    sent += r.created ? 1 : 0;
  }
  return sent;
}

/** What a re-match did. */
export interface MatchSummary {
  met: number;
  near: number;
  unknown: number;
  notified: number;
}

/** Matches one policy against every enterprise (or clears its matches when it is not active or has no rule). */
export async function matchPolicy(trx: Executor, policyId: number, referenceDate = todayInChina()): Promise<MatchSummary> {
  const policy = await policyBrief(trx, policyId);
  const rule = isActive(policy) ? await repo.ruleInForce(trx, policyId, referenceDate) : undefined;
  if (!policy || !rule) {
    await repo.replacePolicyMatches(trx, policyId, []);
    return { met: 0, near: 0, unknown: 0, notified: 0 };
  }
  const tree = JSON.parse(rule.tree) as Condition;
  const before = await repo.matchesOfPolicy(trx, policyId);
  const rows: Array<Insertable<PolicyMatchTable>> = [];
  const newlyMet: number[] = [];
  const metFacts = new Map<number, EnterpriseFacts>();
  const now = nowIso();
  for (let afterId = 0; ; ) {
    const batch = await loadEnterpriseFacts(trx, { afterId, limit: BATCH });
    if (batch.length === 0) {
      break;
    }
    afterId = batch[batch.length - 1]!.enterpriseId;
    const cols = toColumns(batch);
    const c = compileRule(tree, cols, referenceDate);
    const classes = new Int32Array(cols.size);
    compileBatch(tree, cols, referenceDate)(classes);
    for (let i = 0; i < cols.size; i++) {
      const row = rowOf(policyId, cols.ids[i]!, rule.id, c, i, classes[i]!, referenceDate, now);
      if (row) {
        rows.push(row);
        if (row.verdict === 'met' && before.get(row.enterpriseId)?.verdict !== 'met') {
          newlyMet.push(row.enterpriseId);
          metFacts.set(row.enterpriseId, batch[i]!);
        }
      }
    }
  }
  await repo.replacePolicyMatches(trx, policyId, rows);
  const notified = await notifyNewMatches(trx, policy, metFacts, newlyMet);
  return { met: rows.filter((r) => r.verdict === 'met').length, near: rows.filter((r) => r.verdict === 'near').length, unknown: rows.filter((r) => r.verdict === 'unknown').length, notified };
}

/** Matches some enterprises against every active policy with a rule (after an import or a correction). */
export async function matchEnterprises(trx: Executor, enterpriseIds: number[], referenceDate = todayInChina()): Promise<MatchSummary> {
  if (enterpriseIds.length === 0) {
    return { met: 0, near: 0, unknown: 0, notified: 0 };
  }
  const policies = (await policyBriefs(trx, await repo.policiesWithRules(trx))).filter(isActive);
  const rules = await repo.rulesInForce(
    trx,
    policies.map((p) => p.id),
    referenceDate,
  );
  const facts = await loadEnterpriseFacts(trx, { ids: enterpriseIds });
  const byId = new Map(facts.map((f) => [f.enterpriseId, f]));
  const before = new Map((await repo.matchesOfEnterprises(trx, enterpriseIds)).map((m) => [`${m.policyId}:${m.enterpriseId}`, m.verdict]));
  const cols = toColumns(facts);
  const rows: Array<Insertable<PolicyMatchTable>> = [];
  const now = nowIso();
  let notified = 0;
  for (const policy of policies) {
    const rule = rules.get(policy.id);
    if (!rule) {
      continue;
    }
    const tree = JSON.parse(rule.tree) as Condition;
    const c = compileRule(tree, cols, referenceDate);
    const classes = new Int32Array(cols.size);
    compileBatch(tree, cols, referenceDate)(classes);
    const newlyMet: number[] = [];
    for (let i = 0; i < cols.size; i++) {
      const row = rowOf(policy.id, cols.ids[i]!, rule.id, c, i, classes[i]!, referenceDate, now);
      if (row) {
        rows.push(row);
        if (row.verdict === 'met' && before.get(`${policy.id}:${row.enterpriseId}`) !== 'met') {
          newlyMet.push(row.enterpriseId);
        }
      }
    }
    notified += await notifyNewMatches(trx, policy, byId, newlyMet);
  }
  await repo.replaceEnterpriseMatches(trx, enterpriseIds, rows);
  return { met: rows.filter((r) => r.verdict === 'met').length, near: rows.filter((r) => r.verdict === 'near').length, unknown: rows.filter((r) => r.verdict === 'unknown').length, notified };
}

/** Every active policy against every enterprise (the CLI's `match`, and after a calendar day turns rules over). */
export async function matchAll(trx: Executor, referenceDate = todayInChina()): Promise<MatchSummary> {
  const total: MatchSummary = { met: 0, near: 0, unknown: 0, notified: 0 };
  for (const policyId of await repo.policiesWithRules(trx)) {
    const s = await matchPolicy(trx, policyId, referenceDate);
    total.met += s.met;
    total.near += s.near;
    total.unknown += s.unknown;
    total.notified += s.notified;
  }
  return total;
}
