import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES } from '../../http/context.js';
import { serviceCatalogueRoutes } from './service-catalogue.routes.js';
import { serviceCatalogueAdminRoutes } from './service-catalogue.admin-routes.js';

export { loadServiceCatalogueDemo } from './service-catalogue.demo.js';
/** Lookups halls and one-window cases use: they never query the catalogue's tables themselves. */
export { serviceItemByCode, serviceItemById, serviceItemsByIds, type ServiceItemRow } from './service-catalogue.lookups.js';
export { publishedItemsOfDepartment, serviceItemsWithDepartments, type ServiceItemSummary } from './service-catalogue.lookups.js';
export { itemMaterialNames, publishedItemChoices, publishedItemIds, type PublishedItemChoice } from './service-catalogue.lookups.js';
export { FlagBadges } from './service-catalogue.components.js';

/** 政务服务事项目录: the service catalogue with guides, flags, import/export, public browse and statistics. */
export async function registerServiceCatalogue(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/services', labelKey: 'nav.services', order: 18.5 });
  app.adminLinks.push({ href: '/admin/services', labelKey: 'serviceCatalogue.manage', order: 46, roles: STAFF_ROLES });
  await app.register(serviceCatalogueRoutes);
  await app.register(serviceCatalogueAdminRoutes);
}
