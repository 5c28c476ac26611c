import type { Executor } from '../../http/context.js';
import * as repo from './open-day-registration.repository.js';
import { isValidCode, normaliseCode } from './open-day-registration.rules.js';

/** What other modules may know of a registration (suggestions tag a visit with it): no contact details. */
export interface RegistrationRef {
  id: number;
  code: string;
  campaignId: number;
  pointId: number;
  sessionId: number;
  status: string;
}

/** A registration by its code as printed or typed ("abcd-efgh" works); undefined when there is none. */
export async function registrationByCode(db: Executor, code: string): Promise<RegistrationRef | undefined> {
  const c = normaliseCode(code);
  const r = isValidCode(c) ? await repo.findByCode(db, c) : undefined;
  return r ? { id: r.id, code: r.code, campaignId: r.campaignId, pointId: r.pointId, sessionId: r.sessionId, status: r.status } : undefined;
}
