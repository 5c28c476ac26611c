import type { FastifyInstance } from 'fastify';

export { loadServiceCatalogueDemo } from './service-catalogue.demo.js';
/** Lookups halls and one-window cases use: they never query the catalogue's tables themselves. */
export { serviceItemByCode, serviceItemById, serviceItemsByIds, type ServiceItemRow } from './service-catalogue.lookups.js';

/** 政务服务事项目录: the service catalogue with guides, flags, import/export, public browse and statistics. */
export async function registerServiceCatalogue(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/services', labelKey: 'nav.services', order: 18.5 });
}
