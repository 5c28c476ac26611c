import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../http/context.js';
import { policiesRoutes } from './policies.routes.js';
import { policyComparisonRoutes } from './policies.compare.routes.js';
import * as repo from './policies.repository.js';

/** The policy library (政策文件库): policies with gov.cn metadata, article-level addresses, feeds. */
export async function registerPolicies(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/policies', labelKey: 'nav.policies', order: 10 });
  await app.register(policiesRoutes);
  await app.register(policyComparisonRoutes);
}

// What other modules may use. They never read the policy tables themselves.
export { onPolicyPublished, onPolicyValidityChanged, addPolicySearchText, addPolicyPageSection, type PolicyPublishedEvent, type PolicyPageSection } from './policies.hooks.js';
export { reindexPolicy, policyActions } from './policies.service.js';
export { INTERPRETATION_REQUIRED_CATEGORIES, POLICY_CATEGORIES, type PolicyCategory } from './policies.schema.js';

/** A brief reference to a policy (id, index number, title, document number, department, status, category, dates). */
export type PolicyBrief = Awaited<ReturnType<typeof repo.briefs>>[number];

/** Brief references to some policies (any status; callers decide what to show). */
export function policyBriefs(db: Executor, ids: number[]): Promise<PolicyBrief[]> {
  return repo.briefs(db, ids);
}

/** A policy's brief by id, or undefined. */
export async function policyBrief(db: Executor, id: number): Promise<PolicyBrief | undefined> {
  return (await repo.briefs(db, [id]))[0];
}

/** A policy's brief by its 索引号, or undefined. */
export async function policyBriefByIndexNo(db: Executor, indexNo: string): Promise<PolicyBrief | undefined> {
  const p = await repo.findByIndexNo(db, indexNo);
  return p ? (await repo.briefs(db, [p.id]))[0] : undefined;
}

/** Published policies filtered by departments, categories and publication date range (inclusive), oldest first. */
export function publishedPolicyBriefs(db: Executor, opts: { departmentIds?: number[]; from?: string; to?: string; categories?: readonly string[] }): Promise<PolicyBrief[]> {
  return repo.publishedBriefs(db, opts);
}

/** Policies of some departments (null = every department), any status, newest first, at most `limit`. */
export function departmentPolicyBriefs(db: Executor, departmentIds: number[] | null, limit = 500): Promise<PolicyBrief[]> {
  return repo.departmentBriefs(db, departmentIds, limit);
}

/** A published policy's attachments as download links (sample files of an application guide, say). */
export async function policyAttachmentLinks(db: Executor, policyId: number): Promise<Array<{ title: string; filename: string; url: string }>> {
  return (await repo.attachmentsOf(db, policyId)).map((a) => ({ title: a.title, filename: a.filename, url: `/policies/${policyId}/files/${a.fileId}/${encodeURIComponent(a.filename)}` }));
}
