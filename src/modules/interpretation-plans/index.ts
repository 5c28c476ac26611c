import type { FastifyInstance } from 'fastify';

/** 解读计划备案与解读考核. */
export async function registerInterpretationPlans(_app: FastifyInstance): Promise<void> {
  // Routes are added with the module.
}
