import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';

/** Loads this module's demo data (inside the demo loader's transaction, after the policies). */
export async function loadDialoguesDemo(_trx: Executor, _ctx: DemoContext): Promise<void> {
  // Filled in with the module.
}
