import type { FastifyInstance } from 'fastify';

export { loadExpropriationDemo } from './expropriation.demo.js';

/** 房屋征收补偿公开: projects, the disclosure directory, households, channels (屏网图栏) and agency service (代办). */
export async function registerExpropriation(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/expropriation', labelKey: 'nav.expropriation', order: 20 });
}
