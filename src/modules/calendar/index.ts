import type { FastifyInstance } from 'fastify';
import { calendarRoutes } from './calendar.routes.js';

/** The public deadline calculator over the platform's working-day calendar. */
export async function registerCalendar(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/tools/deadline', labelKey: 'nav.deadline', order: 95 });
  await app.register(calendarRoutes);
}
