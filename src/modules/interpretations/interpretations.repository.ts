import type { Executor } from '../../http/context.js';

/** The earliest publication day of a published interpretation, per policy (policies without one are absent). */
export async function firstPublishedOn(db: Executor, policyIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < policyIds.length; i += 500) {
    const rows = await db
      .selectFrom('interpretation')
      .select(['policyId', (eb) => eb.fn.min<string>('publishedOn').as('first')])
      .where('status', '=', 'published')
      .where('policyId', 'in', policyIds.slice(i, i + 500))
      .groupBy('policyId')
      .execute();
    for (const r of rows) {
      out.set(r.policyId, r.first);
    }
  }
  return out;
}
