import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Executor } from '../../http/context.js';
import type { JobHandler, Schedule } from '../../platform/jobs/index.js';

export { loadServiceCasesDemo } from './service-cases.demo.js';

/** 一窗式 cases: window acceptance, corrections, back-office decision, delivery, instant approval, ratings (好差评) and follow-up. */
export async function registerServiceCases(_app: FastifyInstance): Promise<void> {
}

/** This module's background jobs (app.ts merges them like outboxJobs). */
export function serviceCasesJobs(_deps: { db: Executor; config: Config; log?: FastifyBaseLogger }): { handlers: Record<string, JobHandler>; schedules: Schedule[] } {
  return { handlers: {}, schedules: [] };
}
