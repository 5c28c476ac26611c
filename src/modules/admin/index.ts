import type { FastifyInstance } from 'fastify';
import { adminRoutes } from './admin.routes.js';

/** Staff dashboard, audit log browser and background-job (dead-letter) pages. */
export async function registerAdmin(app: FastifyInstance): Promise<void> {
  await app.register(adminRoutes);
}
