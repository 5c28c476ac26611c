import type { FastifyInstance } from 'fastify';
import { STAFF_ROLES } from '../../http/context.js';
import { openDaysRoutes } from './open-days.routes.js';
import { openDaysAdminRoutes } from './open-days.admin-routes.js';

export { loadOpenDaysDemo } from './open-days.demo.js';
/*
 * Lookups other open-day modules use. Session times (startsAt/endsAt) are ISO-8601 UTC instants
 * (as nowIso() writes them); campaign dates (startsOn/endsOn) are Beijing calendar dates YYYY-MM-DD;
 * registrationOpensAt/ClosesAt are ISO instants.
 */
export {
  campaignById,
  campaignBySlug,
  campaignThemes,
  currentCampaign,
  pointByCode,
  pointById,
  pointSessions,
  pointsOfCampaign,
  sessionById,
  themeById,
  type CampaignRow,
  type OpenPointRow,
  type SessionRow,
  type ThemeRow,
} from './open-days.repository.js';
export { registrationState } from './open-days.public.js';
export { LevelBadge, SessionTime } from './open-days.components.js';

/** 政务开放日: campaigns, open points and sessions, the programme, the needs survey, online visits and the results report. */
export async function registerOpenDays(app: FastifyInstance): Promise<void> {
  app.nav.push({ href: '/open-days', labelKey: 'nav.open_days', order: 18 });
  app.adminLinks.push({ href: '/admin/open-days', labelKey: 'openDays.manage', order: 45, roles: STAFF_ROLES });
  await app.register(openDaysRoutes);
  await app.register(openDaysAdminRoutes);
}
