import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';

/** Demo data of this module (called by demo.ts inside the demo transaction). */
export async function loadOpenDaySuggestionsDemo(_trx: Executor, _ctx: DemoContext): Promise<void> {
  // filled in with the module
}
