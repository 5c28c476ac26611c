import type { Executor } from '../../http/context.js';

// The navigator (and anything else that keeps data derived from enterprises) registers here to hear
// of changed enterprises, inside the transaction that changed them, without this module importing it.

/** Runs inside the transaction that inserted or changed these enterprises: a throw undoes the change. */
export type EnterprisesChangedHook = (trx: Executor, enterpriseIds: number[]) => Promise<void>;

const hooks = new Map<string, EnterprisesChangedHook>();

/** Registers (or replaces, by name) a hook run when enterprises are inserted or changed. */
export function onEnterprisesChanged(name: string, hook: EnterprisesChangedHook): void {
  hooks.set(name, hook);
}

/** Removes a hook (tests register their own and take it away again). */
export function offEnterprisesChanged(name: string): void {
  hooks.delete(name);
}

/** Runs every registered hook, in registration order. */
export async function runEnterprisesChanged(trx: Executor, enterpriseIds: number[]): Promise<void> {
  if (enterpriseIds.length === 0) {
    return;
  }
  for (const hook of hooks.values()) {
    await hook(trx, enterpriseIds);
  }
}
