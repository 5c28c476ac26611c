import type { CurrentUser, Executor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { canActInDepartment, requireUser } from '../accounts/index.js';
import { listAllDepartments } from '../departments/index.js';

/** The department that runs the halls (政务服务数据管理局); its staff and admins edit halls, windows and terminals. */
export const HALLS_DEPARTMENT_CODE = 'service-data';

/** Whether the user may edit halls, windows, window items and terminals. */
export async function canManageHalls(db: Executor, user: CurrentUser | null): Promise<boolean> {
  if (!user) {
    return false;
  }
  if (user.role === 'admin') {
    return true;
  }
  const dept = (await listAllDepartments(db)).find((d) => d.code === HALLS_DEPARTMENT_CODE);
  return dept !== undefined && canActInDepartment(user, dept.id);
}

/** Throws unless the user may edit halls (401 when signed out, 403 otherwise). */
export async function requireHallManager(db: Executor, user: CurrentUser | null): Promise<CurrentUser> {
  const u = requireUser(user);
  if (!(await canManageHalls(db, u))) {
    throw new AppError('forbidden');
  }
  return u;
}
