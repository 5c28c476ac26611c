import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Executor } from '../../http/context.js';
import type { JobHandler, Schedule } from '../../platform/jobs/index.js';

export { loadDisclosureRequestsDemo } from './disclosure-requests.demo.js';

/** 依申请公开: applications, the statutory clock, replies, fees, the annual-report tables and requests turned into proactive disclosure. */
export async function registerDisclosureRequests(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/disclosure-requests', labelKey: 'nav.disclosure_requests', order: 21 });
}

/** This module's background jobs (app.ts merges them like outboxJobs). */
export function disclosureRequestsJobs(_deps: { db: Executor; config: Config; log?: FastifyBaseLogger }): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  return { handlers: {}, schedules: [] };
}
