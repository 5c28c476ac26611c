import type { FastifyInstance } from 'fastify';
import { portalRoutes } from './portal.routes.js';

/** The article workflow, for modules that publish into a column (disclosure requests turned proactive). */
export { approveArticle, columnTree, createArticle, dashboardCounts, flattenTree, getArticleForStaff, submitArticle } from './portal.service.js';

/** The portal shell: home page, columns (栏目), articles with review and versions, attachments. */
export async function registerPortal(app: FastifyInstance): Promise<void> {
  await app.register(portalRoutes);
}
