import type { Locale } from '../../platform/i18n/index.js';
import type { ColumnNode } from './portal.service.js';

/** A column's name in the page's language. */
export function columnName(c: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === 'en' && c.nameEn ? c.nameEn : c.nameZh;
}

/** A column's description in the page's language. */
export function columnDescription(c: { descriptionZh: string; descriptionEn: string }, locale: Locale): string {
  return locale === 'en' && c.descriptionEn ? c.descriptionEn : c.descriptionZh;
}

/** A column tree node for the API. */
export interface ColumnJson {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  children: ColumnJson[];
}

/** The column tree for the API. */
export function presentColumn(n: ColumnNode): ColumnJson {
  return { id: n.id, slug: n.slug, nameZh: n.nameZh, nameEn: n.nameEn, children: n.children.map(presentColumn) };
}

/** A published article in a list. */
export function presentListItem(r: { id: number; title: string; summary: string; columnId: number; departmentId: number; firstPublishedAt: string | null; lastPublishedAt: string | null }) {
  return { id: r.id, title: r.title, summary: r.summary, columnId: r.columnId, departmentId: r.departmentId, publishedAt: r.firstPublishedAt, updatedAt: r.lastPublishedAt };
}
