import type { FastifyInstance } from 'fastify';

/** Routes of the old-vs-new comparison (新旧政策对比). */
export async function policyComparisonRoutes(_app: FastifyInstance): Promise<void> {
  // Filled in with the comparison.
}
