import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES } from '../../http/context.js';
import { serviceHallsRoutes } from './service-halls.routes.js';
import { serviceHallsAdminRoutes } from './service-halls.admin-routes.js';
import { serviceHallsApiRoutes } from './service-halls.api-routes.js';

export { loadServiceHallsDemo } from './service-halls.demo.js';
/*
 * Lookups other modules use (the one-window cases record where a case was accepted and delivered).
 * Hours are read with hallHours/openState; a hall's weeklyHours column is JSON, read it only through them.
 */
export { hallById, windowById, hallsByIds, type HallRow, type WindowRow, type TerminalRow } from './service-halls.repository.js';
export { windowsAccepting } from './service-halls.lookups.js';
export { hallView as hallHours, onlineOnly } from './service-halls.public.js';
export { openState, type OpenState } from './service-halls.hours.js';

/** 政务服务大厅: halls at three levels, windows and the items each accepts, 24-hour terminals, "where can I do this". */
export async function registerServiceHalls(app: FastifyInstance): Promise<void> {
  app.adminLinks.push({ href: '/admin/services/halls', labelKey: 'serviceHalls.manage', order: 56, roles: STAFF_ROLES });
  await app.register(serviceHallsRoutes);
  await app.register(serviceHallsAdminRoutes);
  await app.register(serviceHallsApiRoutes);
}
