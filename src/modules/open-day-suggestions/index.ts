import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES } from '../../http/context.js';
import { suggestionsPublicRoutes } from './open-day-suggestions.routes.js';
import { suggestionsAdminRoutes } from './open-day-suggestions.admin-routes.js';
// Registers the outbox recipient kind 'open-day-suggestion' (the submitter's contact).
import './open-day-suggestions.notify.js';

export { loadOpenDaySuggestionsDemo } from './open-day-suggestions.demo.js';
export { pointSuggestUrl } from './open-day-suggestions.qr.js';

/**
 * 建议征集转化机制: suggestions from visits (a point's QR code) and online, moderated, merged, routed to
 * the responsible unit, answered within working days and converted into measures, each on a public path.
 */
export async function registerOpenDaySuggestions(app: FastifyInstance): Promise<void> {
  app.adminLinks.push({ href: '/admin/open-days/suggestions', labelKey: 'suggestions.manage', order: 46, roles: STAFF_ROLES });
  await app.register(suggestionsPublicRoutes);
  await app.register(suggestionsAdminRoutes);
}
