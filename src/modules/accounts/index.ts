import type { FastifyInstance } from 'fastify';
import { accountsRoutes } from './accounts.routes.js';

export { requireRole, requireUser, requireDepartment, canActInDepartment, isAdmin, isStaff } from './accounts.policy.js';
export { hashPassword } from './accounts.service.js';
export { countUsers, departmentEditorEmails } from './accounts.repository.js';

/** Accounts: login, registration, the account page and user administration. */
export async function registerAccounts(app: FastifyInstance): Promise<void> {
  await app.register(accountsRoutes);
}
export { applicantProfile, staffOfDepartments, userContact } from './accounts.repository.js';
