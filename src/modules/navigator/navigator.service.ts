import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError, fieldError, type FieldProblem } from '../../http/errors.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import type { Locale } from '../../platform/i18n/index.js';
import { requireDepartment, requireRole } from '../accounts/index.js';
import { enterpriseForUser, loadEnterpriseFacts, type EnterpriseFacts, type FactKey } from '../enterprises/index.js';
import { policyAttachmentLinks, policyBrief, policyBriefs } from '../policies/index.js';
import { bestCombination, daysLeft, estimateSupport, guideOf, guidesOf } from './navigator.guide.js';
import { CLASS_MET, CLASS_NOT_MET, CLASS_UNKNOWN, compileRule } from './navigator.compile.js';
import { directoryColumns } from './navigator.facts-cache.js';
import { explain, type ExplainedLeaf } from './navigator.explain.js';
import { isActive, matchPolicy, storedMatchesOf } from './navigator.match.js';
import * as repo from './navigator.repository.js';
import { evaluate, validateRule, type Condition, type Evaluation } from './navigator.rules.js';

/** What an editor expects of a worked example: met, not met, near (not met, one condition away), unknown. */
export const EXPECTATIONS = ['met', 'not_met', 'near', 'unknown'] as const;
export type ExampleExpectation = (typeof EXPECTATIONS)[number];

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** An evaluation as an expectation. */
export function outcomeOf(e: Evaluation): ExampleExpectation {
  return e.verdict === 'not_met' && e.nearMiss ? 'near' : e.verdict;
}

/** "Not met" also accepts a near miss (it is not met); everything else must be exact. */
export function examplePasses(expected: ExampleExpectation, actual: ExampleExpectation): boolean {
  return expected === actual || (expected === 'not_met' && actual === 'near');
}

async function policyForStaff(db: Executor, user: CurrentUser | null, policyId: number, write: boolean) {
  const u = write ? requireRole(user, 'editor', 'admin') : requireRole(user, 'editor', 'reviewer', 'admin');
  const policy = await policyBrief(db, policyId);
  if (!policy) {
    throw new AppError('not_found');
  }
  requireDepartment(u, policy.departmentId);
  return { u, policy };
}

async function exampleResults(db: Executor, policyId: number) {
  const examples = await repo.examples(db, policyId);
  const out = [];
  for (const ex of examples) {
    const rule = await repo.ruleInForce(db, policyId, ex.referenceDate);
    const facts = JSON.parse(ex.facts) as EnterpriseFacts['facts'];
    const actual: ExampleExpectation = rule ? outcomeOf(evaluate(JSON.parse(rule.tree) as Condition, facts, ex.referenceDate)) : 'unknown';
    const expected = ex.expected as ExampleExpectation;
    out.push({ id: ex.id, name: ex.name, referenceDate: ex.referenceDate, facts, expected, actual, pass: examplePasses(expected, actual) });
  }
  return out;
}

/** Everything the rule editor shows. */
export async function ruleEditorData(db: Executor, user: CurrentUser | null, policyId: number) {
  const { policy } = await policyForStaff(db, user, policyId, false);
  const versions = await repo.ruleVersions(db, policyId);
  const inForce = await repo.ruleInForce(db, policyId, todayInChina());
  const latest = versions[0];
  const current = latest ? { id: latest.id, version: latest.version, effectiveFrom: latest.effectiveFrom, tree: JSON.parse(latest.tree) as Condition } : undefined;
  const run = await repo.matchRun(db, policyId);
  return {
    policy,
    versions: versions.map((v) => ({ id: v.id, version: v.version, effectiveFrom: v.effectiveFrom, note: v.note, createdAt: v.createdAt, inForce: v.id === inForce?.id })),
    current,
    examples: await exampleResults(db, policyId),
    // Stored matches exist once the policy is published and matched; a draft has none yet.
    stored: run?.ruleId ? { met: run.met, near: run.near, unknown: run.unknown, referenceDate: run.referenceDate } : undefined,
  };
}

/** Saves a new version of a policy's rule, in force from a day, and re-matches the policy. */
export async function saveRule(trx: Executor, actor: Actor, user: CurrentUser | null, policyId: number, input: { tree: Condition; effectiveFrom: string; note?: string }): Promise<number> {
  const { u } = await policyForStaff(trx, user, policyId, true);
  const problems: FieldProblem[] = validateRule(input.tree).map((p) => ({ field: `node.${p.nodeId}`, key: p.key, params: p.params }));
  if (!ISO.test(input.effectiveFrom) || Number.isNaN(Date.parse(input.effectiveFrom))) {
    problems.push({ field: 'effectiveFrom', key: 'validation.date' });
  }
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems);
  }
  const version = await repo.nextVersion(trx, policyId);
  const id = await repo.insertRule(trx, { policyId, version, effectiveFrom: input.effectiveFrom, tree: JSON.stringify(input.tree), note: (input.note ?? '').slice(0, 1000), createdBy: u.id, createdAt: nowIso() });
  await recordAudit(trx, actor, { action: 'policy_rule.save', entityType: 'policy', entityId: policyId, after: { ruleId: id, version, effectiveFrom: input.effectiveFrom, tree: input.tree } });
  await matchPolicy(trx, policyId);
  return id;
}

/** Adds a worked example (an enterprise profile and the verdict the editor expects). */
export async function addExample(trx: Executor, actor: Actor, user: CurrentUser | null, policyId: number, input: { name: string; referenceDate: string; facts: EnterpriseFacts['facts']; expected: ExampleExpectation }): Promise<number> {
  await policyForStaff(trx, user, policyId, true);
  if (input.name.trim() === '') {
    throw fieldError('name', 'validation.required');
  }
  if (!ISO.test(input.referenceDate)) {
    throw fieldError('referenceDate', 'validation.date');
  }
  if (!(EXPECTATIONS as readonly string[]).includes(input.expected)) {
    throw fieldError('expected', 'validation.choice');
  }
  const id = await repo.insertExample(trx, { policyId, name: input.name.trim().slice(0, 200), referenceDate: input.referenceDate, facts: JSON.stringify(input.facts), expected: input.expected, createdAt: nowIso() });
  await recordAudit(trx, actor, { action: 'policy_rule.example_add', entityType: 'policy', entityId: policyId, after: { exampleId: id, ...input } });
  return id;
}

/** Removes a worked example. */
export async function deleteExample(trx: Executor, actor: Actor, user: CurrentUser | null, policyId: number, exampleId: number): Promise<void> {
  await policyForStaff(trx, user, policyId, true);
  if (!(await repo.deleteExample(trx, policyId, exampleId))) {
    throw new AppError('not_found');
  }
  await recordAudit(trx, actor, { action: 'policy_rule.example_delete', entityType: 'policy', entityId: policyId, before: { exampleId } });
}

/** The worked examples that fail (the policy cannot be published while any does). */
export async function failingExamples(db: Executor, policyId: number) {
  return (await exampleResults(db, policyId)).filter((e) => !e.pass);
}

/** One enterprise in a preview, with each condition explained. */
export interface Sample {
  enterpriseId: number;
  name: string;
  creditCode: string;
  verdict: ExampleExpectation;
  lines: ExplainedLeaf[];
}

const SAMPLE_SIZE = 5;

/**
 * Before a rule is saved: how many enterprises it matches, nearly matches and cannot decide, a sample
 * of each with explanations, and who gains or loses compared with the rule in force.
 */
export async function previewRule(db: Executor, user: CurrentUser | null, policyId: number, tree: Condition, referenceDate: string, locale: Locale) {
  await policyForStaff(db, user, policyId, false);
  const problems = validateRule(tree);
  if (problems.length > 0) {
    throw new AppError('validation_failed', {}, problems.map((p) => ({ field: `node.${p.nodeId}`, key: p.key, params: p.params })));
  }
  const currentRow = await repo.ruleInForce(db, policyId, referenceDate);
  const current = currentRow ? (JSON.parse(currentRow.tree) as Condition) : undefined;
  const counts = { met: 0, near: 0, unknown: 0, notMet: 0 };
  const samples: Record<'met' | 'near' | 'unknown', Sample[]> = { met: [], near: [], unknown: [] };
  const gains: Sample[] = [];
  const losses: Sample[] = [];
  const sample = (e: EnterpriseFacts, rule: Condition): Sample => {
    const ev = evaluate(rule, e.facts, referenceDate);
    return { enterpriseId: e.enterpriseId, name: e.name, creditCode: e.creditCode, verdict: outcomeOf(ev), lines: explain(rule, ev, locale, referenceDate) };
  };
  // The whole directory from the matcher's in-memory columns; only the sampled enterprises are read whole.
  const { cols } = await directoryColumns(db);
  const next = compileRule(tree, cols, referenceDate);
  const prev = current ? compileRule(current, cols, referenceDate) : undefined;
  const picked: Record<'met' | 'near' | 'unknown' | 'gains' | 'losses', number[]> = { met: [], near: [], unknown: [], gains: [], losses: [] };
  for (let i = 0; i < cols.size; i++) {
    const k = next.classify(i);
    const key = k === CLASS_MET ? 'met' : k === CLASS_UNKNOWN ? 'unknown' : k === CLASS_NOT_MET ? 'notMet' : 'near';
    counts[key] += 1;
    if (key !== 'notMet' && picked[key].length < SAMPLE_SIZE) {
      picked[key].push(cols.ids[i]!);
    }
    if (prev) {
      const was = prev.classify(i) === CLASS_MET;
      const is = k === CLASS_MET;
      if (is && !was && picked.gains.length < SAMPLE_SIZE * 2) {
        picked.gains.push(cols.ids[i]!);
      } else if (was && !is && picked.losses.length < SAMPLE_SIZE * 2) {
        picked.losses.push(cols.ids[i]!);
      }
    }
  }
  const facts = new Map((await loadEnterpriseFacts(db, { ids: Object.values(picked).flat() })).map((e) => [e.enterpriseId, e]));
  const samplesOf = (ids: number[]) => ids.flatMap((id) => (facts.has(id) ? [sample(facts.get(id)!, tree)] : []));
  samples.met = samplesOf(picked.met);
  samples.near = samplesOf(picked.near);
  samples.unknown = samplesOf(picked.unknown);
  gains.push(...samplesOf(picked.gains));
  losses.push(...samplesOf(picked.losses));
  return { counts, samples, gains, losses };
}

/** How to apply for a policy, as an enterprise sees it. */
export interface GuideView {
  applyFrom: string | null;
  applyUntil: string | null;
  /** Days until the window closes (negative: closed); absent without a closing day. */
  daysLeft?: number;
  support?: { amount: number; capped: boolean };
  supportText: string;
  materials: string[];
  samples: Array<{ title: string; url: string }>;
  steps: string[];
  onlineUrl: string;
  office?: { address: string; hours: string; phone: string };
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

async function guideView(db: Executor, policyId: number, facts: EnterpriseFacts['facts'], today: string): Promise<GuideView | undefined> {
  const g = await guideOf(db, policyId);
  if (!g) {
    return undefined;
  }
  return {
    applyFrom: g.applyFrom,
    applyUntil: g.applyUntil,
    daysLeft: g.applyUntil ? daysLeft(g.applyUntil, today) : undefined,
    support: estimateSupport(g, facts),
    supportText: g.supportText,
    materials: lines(g.materials),
    samples: (await policyAttachmentLinks(db, policyId)).map((a) => ({ title: a.title, url: a.url })),
    steps: lines(g.steps),
    onlineUrl: g.onlineUrl,
    office: g.officeAddress ? { address: g.officeAddress, hours: g.officeHours, phone: g.officePhone } : undefined,
  };
}

/** The fact a policy's leaf tests (from the leaf results kept with the lines). */
function decisiveFact(m: MyPolicy, leafId: string): string | undefined {
  return m.facts[leafId];
}

/** One policy in an enterprise's list, with the reasons. */
export interface MyPolicy {
  /** The fact each leaf tests, by leaf id. */
  facts: Record<string, FactKey>;
  guide?: GuideView;
  policy: { id: number; title: string; docNumber: string; publishedOn: string | null };
  verdict: 'met' | 'near' | 'unknown';
  lines: ExplainedLeaf[];
  /** The facts an undecided match lacks. */
  missing: FactKey[];
  /** True when a met condition rests on a self-declared fact (the match is then conditional). */
  conditional: boolean;
}

/**
 * An enterprise's policies: what it qualifies for, what it nearly qualifies for (差一项) and what cannot be
 * decided yet, each explained on today's facts; and the one fact that would decide the most policies.
 */
export async function myPolicies(db: Executor, user: CurrentUser | null, locale: Locale) {
  const u = requireRole(user, 'enterprise');
  const enterprise = await enterpriseForUser(db, u);
  if (!enterprise) {
    return { enterprise: undefined, met: [], near: [], unknown: [], askFirst: undefined, combination: { policyIds: [], total: 0, excluded: [] } };
  }
  const [facts] = await loadEnterpriseFacts(db, { ids: [enterprise.id] });
  const matches = await storedMatchesOf(db, enterprise.id);
  const policies = new Map((await policyBriefs(db, matches.map((m) => m.policyId))).filter(isActive).map((p) => [p.id, p]));
  const today = todayInChina();
  const out: Record<'met' | 'near' | 'unknown', MyPolicy[]> = { met: [], near: [], unknown: [] };
  const missingCount = new Map<FactKey, number>();
  for (const m of matches) {
    const p = policies.get(m.policyId);
    const rule = p ? await repo.ruleInForce(db, p.id, today) : undefined;
    if (!p || !rule || !facts) {
      continue;
    }
    const tree = JSON.parse(rule.tree) as Condition;
    const ev = evaluate(tree, facts.facts, today);
    const verdict = ev.verdict === 'met' ? 'met' : ev.verdict === 'unknown' ? 'unknown' : ev.nearMiss ? 'near' : undefined;
    if (!verdict) {
      continue; // the facts changed since the last match; the next re-match drops it
    }
    const lines = explain(tree, ev, locale, today);
    for (const f of ev.missing) {
      missingCount.set(f, (missingCount.get(f) ?? 0) + 1);
    }
    out[verdict].push({
      facts: Object.fromEntries(ev.leaves.map((l) => [l.id, l.fact])),
      guide: verdict === 'unknown' ? undefined : await guideView(db, p.id, facts.facts, today),
      policy: { id: p.id, title: p.title, docNumber: p.docNumber, publishedOn: p.publishedOn },
      verdict,
      lines,
      missing: ev.missing,
      conditional: lines.some((l) => l.verdict === 'met' && l.source === 'declared'),
    });
  }
  const askFirst = [...missingCount].sort((a, b) => b[1] - a[1])[0];
  // Near misses an enterprise can act on (spend more on R&D, obtain a title) before those it cannot
  // (its industry, its town, the day it was founded).
  const actionable = (m: MyPolicy) => {
    const decisive = m.lines.find((l) => l.decisive);
    return decisive && ['industryCode', 'town', 'foundedOn', 'enterpriseType', 'ownership'].includes(decisiveFact(m, decisive.id) ?? '') ? 1 : 0;
  };
  out.near.sort((a, b) => actionable(a) - actionable(b));
  // The best combination of what it qualifies for, where policies exclude each other (不得重复享受).
  const guides = await guidesOf(
    db,
    out.met.map((m) => m.policy.id),
  );
  const combination = bestCombination(
    out.met.filter((m) => m.guide?.support).map((m) => ({ policyId: m.policy.id, amount: m.guide!.support!.amount, exclusionGroup: guides.get(m.policy.id)?.exclusionGroup ?? '' })),
  );
  const excluded = out.met.filter((m) => m.guide?.support && !combination.policyIds.includes(m.policy.id)).map((m) => m.policy.id);
  return { enterprise, ...out, askFirst: askFirst ? { fact: askFirst[0], policies: askFirst[1] } : undefined, combination: { ...combination, excluded } };
}
