import type { FastifyInstance } from 'fastify';

export { loadOpenDaysDemo } from './open-days.demo.js';

/** Registers this module's routes. */
export async function registerOpenDays(_app: FastifyInstance): Promise<void> {
  // filled in with the module
}
