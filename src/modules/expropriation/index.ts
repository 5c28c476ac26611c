import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES } from '../../http/context.js';
import { expropriationAdminRoutes } from './expropriation.admin-routes.js';
import { expropriationApiRoutes } from './expropriation.api-routes.js';
import { expropriationEditRoutes } from './expropriation.edit-routes.js';
import { expropriationRoutes } from './expropriation.routes.js';

export { loadExpropriationDemo } from './expropriation.demo.js';
export { maskHouseholdName } from './expropriation.households.js';

/** 房屋征收补偿公开: projects, the disclosure directory, households, channels (屏网图栏) and agency service (代办). */
export async function registerExpropriation(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/expropriation', labelKey: 'nav.expropriation', order: 20 });
  app.adminLinks.push({ href: '/admin/expropriation', labelKey: 'expropriation.manage', order: 60, roles: STAFF_ROLES });
  await app.register(expropriationRoutes);
  await app.register(expropriationAdminRoutes);
  await app.register(expropriationEditRoutes);
  await app.register(expropriationApiRoutes);
}
