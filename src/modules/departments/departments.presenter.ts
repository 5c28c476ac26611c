import type { Locale } from '../../platform/i18n/index.js';
import type { DepartmentRow } from './departments.repository.js';

/** A department as the public sees it (all of it is proactive disclosure). */
export function presentDepartment(row: DepartmentRow) {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    kind: row.kind,
    functions: row.functions,
    address: row.address,
    officeHours: row.officeHours,
    phone: row.phone,
    email: row.email,
    website: row.website,
    headName: row.headName,
    headTitle: row.headTitle,
    updatedAt: row.updatedAt,
  };
}

/** The department's name in the page's language (Chinese when no English name is given). */
export function departmentName(row: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' && row.nameEn ? row.nameEn : row.nameZh;
}
