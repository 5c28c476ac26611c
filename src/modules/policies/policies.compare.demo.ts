import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';

/** Loads the comparison's demo data (the editor's notes on 旧厂房改造 2019 vs 2018). */
export async function loadPolicyComparisonDemo(_trx: Executor, _ctx: DemoContext): Promise<void> {
  // Filled in with the comparison.
}
