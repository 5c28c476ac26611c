import type { Db } from '../db/connect.js';
import type { Config } from '../config.js';
import type { Locale } from '../platform/i18n/index.js';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** Every account kind the portal knows; staff roles are editor, reviewer and admin. */
export const ROLES = ['citizen', 'enterprise', 'household', 'editor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['editor', 'reviewer', 'admin'];

/** The signed-in person as the rest of the code sees them. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Departments a staff member may act in; empty for the public and for admins (who act everywhere). */
  departmentIds: number[];
}

/** Who performs a write, for the audit log. */
export interface Actor {
  userId: number | null;
  name: string;
  ip: string;
  requestId: string;
}

/** An entry a module adds to the portal's main navigation. */
export interface NavEntry {
  href: string;
  labelKey: string;
  order: number;
}

/** A link on the staff dashboard that a module adds for the roles that may use it. */
export interface AdminLink {
  href: string;
  labelKey: string;
  order: number;
  roles: readonly Role[];
}

/** Either the database or an open transaction: services accept both. */
export type Executor = Kysely<Database>;

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    nav: NavEntry[];
    /** Links modules add to the staff dashboard. */
    adminLinks: AdminLink[];
  }
  interface FastifyRequest {
    user: CurrentUser | null;
    sessionId: string | null;
    /** How the request authenticated: a browser cookie, a bearer token, or not at all. */
    authVia: 'cookie' | 'bearer' | null;
    csrfToken: string;
    locale: Locale;
    elderly: boolean;
  }
}
