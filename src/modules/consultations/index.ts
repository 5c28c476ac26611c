import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES } from '../../http/context.js';
import { consultationsPublicRoutes } from './consultations.routes.js';
import { consultationsAdminRoutes } from './consultations.admin-routes.js';

export { loadConsultationsDemo } from './consultations.demo.js';

/** 征求意见: drafts with articles, rounds, comments anchored to articles, decisions and adoption reports. */
export async function registerConsultations(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/consultations', labelKey: 'nav.consultations', order: 19 });
  app.adminLinks.push({ href: '/admin/consultations', labelKey: 'consultations.manage', order: 48, roles: STAFF_ROLES });
  await app.register(consultationsPublicRoutes);
  await app.register(consultationsAdminRoutes);
}
