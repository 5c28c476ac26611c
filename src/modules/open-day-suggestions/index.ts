import type { FastifyInstance } from 'fastify';

export { loadOpenDaySuggestionsDemo } from './open-day-suggestions.demo.js';

/** Registers this module's routes. */
export async function registerOpenDaySuggestions(_app: FastifyInstance): Promise<void> {
  // filled in with the module
}
