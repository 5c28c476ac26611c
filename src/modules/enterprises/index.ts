import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../http/context.js';
import { enterprisesRoutes } from './enterprises.routes.js';
import * as repo from './enterprises.repository.js';
import * as service from './enterprises.service.js';

/** 企业名录：导入、规模推算、企业自查自改. */
export async function registerEnterprises(app: FastifyInstance): Promise<void> {
  app.adminLinks.push({ href: '/admin/enterprises', labelKey: 'enterprises.admin_link', order: 50, roles: ['admin', 'editor', 'reviewer'] });
  app.adminLinks.push({ href: '/admin/enterprises/import', labelKey: 'enterprises.import_link', order: 51, roles: ['admin'] });
  await app.register(enterprisesRoutes);
}

// What other modules may use. They never read the enterprise tables themselves.
export { onEnterprisesChanged, offEnterprisesChanged, type EnterprisesChangedHook } from './enterprises.hooks.js';
export { importEnterprises, type ImportReport, type ImportOptions, type ImportFormat } from './enterprises.import.js';
export { generateEnterpriseRows, enterpriseRowsCsv } from './enterprises.generate.js';
export { deriveSize, sizeIndustryOf } from './enterprises.size.js';
export { INDUSTRY_SECTIONS, INDUSTRY_DIVISIONS, isValidIndustryCode, describeIndustry } from './enterprises.industry.js';
export { loadEnterpriseFacts, enterpriseForUser } from './enterprises.service.js';
export * from './enterprises.facts.js';

/** An enterprise's registration row by credit code (canonical form), or undefined. */
export function enterpriseByCreditCode(db: Executor, code: string) {
  return repo.findByCreditCode(db, code);
}

/** How many enterprises the directory holds. */
export function enterpriseCount(db: Executor): Promise<number> {
  return repo.count(db);
}

/** Credit codes of enterprises by id (for messages to them). */
export function creditCodesOf(db: Executor, ids: number[]) {
  return repo.creditCodesOf(db, ids);
}

/** The highest enterprise and declaration ids, for caches of derived data to notice new rows. */
export function enterpriseHighWaterMarks(db: Executor) {
  return repo.highWaterMarks(db);
}

/** Facts of one enterprise, or undefined. */
export async function enterpriseFacts(db: Executor, id: number) {
  return (await service.loadEnterpriseFacts(db, { ids: [id] }))[0];
}
