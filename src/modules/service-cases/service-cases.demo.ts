import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';

/** Loads this module's demo data inside the demo transaction. */
export async function loadServiceCasesDemo(_trx: Executor, _ctx: DemoContext): Promise<void> {}
