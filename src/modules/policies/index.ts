import type { FastifyInstance } from 'fastify';
import { policiesRoutes } from './policies.routes.js';

/** The policy library (政策文件库): policies with gov.cn metadata, article-level addresses, feeds. */
export async function registerPolicies(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/policies', labelKey: 'nav.policies', order: 10 });
  await app.register(policiesRoutes);
}
