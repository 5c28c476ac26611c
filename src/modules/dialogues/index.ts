import type { FastifyInstance } from 'fastify';

/** 在线访谈（热点面对面）. */
export async function registerDialogues(_app: FastifyInstance): Promise<void> {
  // Routes are added with the module.
}
