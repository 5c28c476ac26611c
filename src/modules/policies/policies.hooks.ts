import type { ComponentChildren } from 'preact';
import type { Actor, Executor } from '../../http/context.js';
import type { ViewContext } from '../../views/context.js';

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

/** A block another module adds to a published policy's public page (interpretations, dialogues …). */
export interface PolicyPageSection {
  /** Sorts the sections (lower first); they follow the policy text. */
  order: number;
  /** The section, rendered as is: it brings its own <section> and heading. */
  node: ComponentChildren;
}
/** Returns the module's section for a published policy, or null to add nothing. */
export type PolicyPageSectionProvider = (db: Executor, policyId: number, vc: ViewContext) => Promise<PolicyPageSection | null>;

const publishedHooks = new Map<string, PolicyPublishedHook>();
const searchTextProviders = new Map<string, PolicySearchTextProvider>();

const sectionProviders = new Map<string, PolicyPageSectionProvider>();

/** Registers (or replaces, by name) a provider of a section on the public policy page. */
export function addPolicyPageSection(name: string, provider: PolicyPageSectionProvider): void {
  sectionProviders.set(name, provider);
}

/** Every registered module's section for a policy page, in order. */
export async function policyPageSections(db: Executor, policyId: number, vc: ViewContext): Promise<PolicyPageSection[]> {
  const out: PolicyPageSection[] = [];
  for (const provider of sectionProviders.values()) {
    const s = await provider(db, policyId, vc);
    if (s) {
      out.push(s);
    }
  }
  return out.sort((a, b) => a.order - b.order);
}

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

/** Runs inside the transaction that changed a published policy's validity (expired, repealed, valid again). */
export type PolicyValidityHook = (trx: Executor, policyId: number) => Promise<void>;
const validityHooks = new Map<string, PolicyValidityHook>();

/** Registers (or replaces, by name) a hook run when a published policy's validity changes. */
export function onPolicyValidityChanged(name: string, hook: PolicyValidityHook): void {
  validityHooks.set(name, hook);
}

/** Runs every validity hook. */
export async function runValidityHooks(trx: Executor, policyId: number): Promise<void> {
  for (const hook of validityHooks.values()) {
    await hook(trx, policyId);
  }
}
