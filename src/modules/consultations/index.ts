import type { FastifyInstance } from 'fastify';

export { loadConsultationsDemo } from './consultations.demo.js';

/** 征求意见: drafts with articles, rounds, comments anchored to articles, decisions and adoption reports. */
export async function registerConsultations(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/consultations', labelKey: 'nav.consultations', order: 19 });
}
