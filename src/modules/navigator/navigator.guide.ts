import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Actor, CurrentUser, Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { asArray, optionalText } from '../../http/schema-helpers.js';
import { recordAudit } from '../../platform/audit/index.js';
import { nowIso } from '../../platform/clock.js';
import { requireDepartment, requireRole } from '../accounts/index.js';
import { FACTS, type EnterpriseFacts, type FactKey } from '../enterprises/index.js';
import { policyBrief } from '../policies/index.js';
import type { PolicyGuideTable } from './navigator.table.js';
import * as repo from './navigator.repository.js';

// A policy's application guide (申报指南) and the support it gives: a fixed sum, or a share of a money
// fact (研发投入、纳税额 …) up to a cap, so an enterprise sees an estimate computed from its own figures.

export type PolicyGuideRow = Selectable<PolicyGuideTable>;

/** Support categories (政策类别) of the quick search, as the source lists them and a few more. */
export const SUPPORT_CATEGORIES = ['创新发展', '转型升级', '企业减负', '入学入户', '人才引进', '金融扶持', '市场开拓', '节能环保'] as const;

/** Money facts a support rate may apply to. */
export const SUPPORT_FACTS = FACTS.filter((f) => f.type === 'money').map((f) => f.key);

const optionalDate = z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date' }).optional());
const optionalAmount = z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number({ error: 'validation.number' }).min(0, { error: 'validation.too_small' }).max(1e9).optional());

/** The guide as an editor enters it. */
export const GuideSchema = z
  .strictObject({
    applyFrom: optionalDate,
    applyUntil: optionalDate,
    supportKind: z.enum(['none', 'fixed', 'rate']).default('none'),
    supportAmount: optionalAmount,
    supportFact: z.preprocess((v) => (v === '' ? undefined : v), z.enum(SUPPORT_FACTS as [FactKey, ...FactKey[]]).optional()),
    supportRate: optionalAmount,
    supportCap: optionalAmount,
    categories: z.preprocess(asArray, z.array(z.enum(SUPPORT_CATEGORIES, { error: 'validation.choice' }))),
    exclusionGroup: optionalText(60),
    supportText: optionalText(2000),
    materials: optionalText(5000),
    steps: optionalText(5000),
    onlineUrl: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/, error: 'validation.url' }).max(500).optional()),
    officeAddress: optionalText(300),
    officeHours: optionalText(200),
    officePhone: optionalText(60),
  })
  .superRefine((g, ctx) => {
    if (g.applyFrom && g.applyUntil && g.applyUntil < g.applyFrom) {
      ctx.addIssue({ code: 'custom', path: ['applyUntil'], message: 'navigator.guide.until_before_from' });
    }
    if (g.supportKind === 'fixed' && g.supportAmount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['supportAmount'], message: 'validation.required' });
    }
    if (g.supportKind === 'rate') {
      if (!g.supportFact) {
        ctx.addIssue({ code: 'custom', path: ['supportFact'], message: 'validation.required' });
      }
      if (g.supportRate === undefined) {
        ctx.addIssue({ code: 'custom', path: ['supportRate'], message: 'validation.required' });
      }
    }
    if (!g.onlineUrl && !g.officeAddress) {
      ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'navigator.guide.where_to_apply' });
    }
  });
export type GuideInput = z.infer<typeof GuideSchema>;

/** The support an enterprise can expect under a guide, from its own figures; undefined when none is stated or a figure is missing. */
export function estimateSupport(g: Pick<PolicyGuideRow, 'supportKind' | 'supportAmount' | 'supportFact' | 'supportRate' | 'supportCap'>, facts: EnterpriseFacts['facts']): { amount: number; capped: boolean } | undefined {
  if (g.supportKind === 'fixed' && g.supportAmount !== null) {
    return { amount: g.supportAmount, capped: false };
  }
  if (g.supportKind === 'rate' && g.supportFact && g.supportRate !== null) {
    const base = facts[g.supportFact as FactKey];
    if (!base || typeof base.value !== 'number') {
      return undefined;
    }
    const raw = Math.round(((base.value * g.supportRate) / 100) * 100) / 100;
    const capped = g.supportCap !== null && raw > g.supportCap;
    return { amount: capped ? g.supportCap! : raw, capped };
  }
  return undefined;
}

/** Days from `today` to the end of the application window (negative when it has closed). */
export function daysLeft(applyUntil: string, today: string): number {
  return Math.round((Date.parse(`${applyUntil}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** A policy's guide, or undefined. */
export const guideOf = (db: Executor, policyId: number) => repo.findGuide(db, policyId);
/** The guides of some policies, by policy id. */
export const guidesOf = (db: Executor, policyIds: number[]) => repo.findGuides(db, policyIds);

/** An editor of the policy's department writes its guide (audited; replaces the previous one). */
export async function saveGuide(trx: Executor, actor: Actor, user: CurrentUser | null, policyId: number, g: GuideInput): Promise<void> {
  const u = requireRole(user, 'editor', 'admin');
  const policy = await policyBrief(trx, policyId);
  if (!policy) {
    throw new AppError('not_found');
  }
  requireDepartment(u, policy.departmentId);
  const before = await guideOf(trx, policyId);
  const row = {
    policyId,
    applyFrom: g.applyFrom ?? null,
    applyUntil: g.applyUntil ?? null,
    supportKind: g.supportKind,
    supportAmount: g.supportKind === 'fixed' ? (g.supportAmount ?? null) : null,
    supportFact: g.supportKind === 'rate' ? (g.supportFact ?? null) : null,
    supportRate: g.supportKind === 'rate' ? (g.supportRate ?? null) : null,
    supportCap: g.supportKind === 'rate' ? (g.supportCap ?? null) : null,
    categories: g.categories.join(' '),
    exclusionGroup: g.exclusionGroup ?? '',
    supportText: g.supportText ?? '',
    materials: g.materials ?? '',
    steps: g.steps ?? '',
    onlineUrl: g.onlineUrl ?? '',
    officeAddress: g.officeAddress ?? '',
    officeHours: g.officeHours ?? '',
    officePhone: g.officePhone ?? '',
    updatedAt: nowIso(),
  };
  await repo.upsertGuide(trx, row, before !== undefined);
  await recordAudit(trx, actor, { action: 'policy_guide.save', entityType: 'policy', entityId: policyId, before: before ?? null, after: row });
}

/** A policy an enterprise qualifies for, with its estimated support and exclusion group. */
export interface Combinable {
  policyId: number;
  amount: number;
  exclusionGroup: string;
}

/**
 * The best combination of policies an enterprise can enjoy together: every policy outside an exclusion
 * group, and from each group (不得重复享受) the one with the largest estimate. Returns the chosen ids and
 * the estimated total.
 */
export function bestCombination(items: Combinable[]): { policyIds: number[]; total: number } {
  const chosen: Combinable[] = [];
  const best = new Map<string, Combinable>();
  for (const it of items) {
    if (it.exclusionGroup === '') {
      chosen.push(it);
    } else if ((best.get(it.exclusionGroup)?.amount ?? -1) < it.amount) {
      best.set(it.exclusionGroup, it);
    }
  }
  chosen.push(...best.values());
  return { policyIds: chosen.map((c) => c.policyId).sort((a, b) => a - b), total: Math.round(chosen.reduce((n, c) => n + c.amount, 0) * 100) / 100 };
}
