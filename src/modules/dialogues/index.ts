import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES } from '../../http/context.js';
import { addPolicyPageSection } from '../policies/index.js';
import { dialoguesRoutes } from './dialogues.routes.js';
import { dialoguesForPolicy } from './dialogues.service.js';
import { policyDialoguesSection } from './dialogues.views.js';

/** 在线访谈（热点面对面）: dialogues with guests, the public's moderated questions, answers and transcripts. */
export async function registerDialogues(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/dialogues', labelKey: 'nav.dialogues', order: 14 });
  app.adminLinks.push({ href: '/admin/dialogues', labelKey: 'dialogues.manage', order: 30, roles: STAFF_ROLES });
  addPolicyPageSection('dialogues', async (db, policyId, vc) => {
    const rows = await dialoguesForPolicy(db, policyId);
    return rows.length === 0 ? null : { order: 30, node: policyDialoguesSection(vc, rows) };
  });
  await app.register(dialoguesRoutes);
}
