import type { FastifyInstance } from 'fastify';

export { loadOpenDayRegistrationDemo } from './open-day-registration.demo.js';

/** Registers this module's routes. */
export async function registerOpenDayRegistration(_app: FastifyInstance): Promise<void> {
  // filled in with the module
}
