import type { Actor, CurrentUser } from '../http/context.js';

/** What every module's demo loader receives: the loader's actor, department ids by code, users by username. */
export interface DemoContext {
  actor: Actor;
  deptIds: Map<string, number>;
  users: Map<string, CurrentUser>;
}
