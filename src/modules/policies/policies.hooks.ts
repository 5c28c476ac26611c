import type { Actor, Executor } from '../../http/context.js';

// Modules built on the policy library (interpretations, plans) react to its events and add text to its
// search index without the library importing them: they register here once, when first imported.

/** What a publication hook is told. */
export interface PolicyPublishedEvent {
  policyId: number;
  departmentId: number;
  /** 发布日期 (YYYY-MM-DD). */
  publishedOn: string;
}

/** Runs inside the publishing transaction: a throw undoes the publication. */
export type PolicyPublishedHook = (trx: Executor, actor: Actor, event: PolicyPublishedEvent) => Promise<void>;
/** Extra searchable text for a published policy (e.g. its published interpretations). */
export type PolicySearchTextProvider = (db: Executor, policyId: number) => Promise<string>;

const publishedHooks = new Map<string, PolicyPublishedHook>();
const searchTextProviders = new Map<string, PolicySearchTextProvider>();

/** Registers (or replaces, by name) a hook run when a policy is published. */
export function onPolicyPublished(name: string, hook: PolicyPublishedHook): void {
  publishedHooks.set(name, hook);
}

/** Registers (or replaces, by name) a provider of extra search text. */
export function addPolicySearchText(name: string, provider: PolicySearchTextProvider): void {
  searchTextProviders.set(name, provider);
}

/** Runs every publication hook in registration order. */
export async function runPublishedHooks(trx: Executor, actor: Actor, event: PolicyPublishedEvent): Promise<void> {
  for (const hook of publishedHooks.values()) {
    await hook(trx, actor, event);
  }
}

/** The extra search text of a policy from every provider. */
export async function extraSearchText(db: Executor, policyId: number): Promise<string> {
  const parts: string[] = [];
  for (const provider of searchTextProviders.values()) {
    parts.push(await provider(db, policyId));
  }
  return parts.join('\n');
}
