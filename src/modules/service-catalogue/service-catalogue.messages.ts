/** Chinese messages of this module. */
export const serviceCatalogueZh = {
  'nav.services': '办事服务',
  'serviceCatalogue.title': '办事服务',
} as const;

/** English messages of this module (same keys). */
export const serviceCatalogueEn: Record<keyof typeof serviceCatalogueZh, string> = {
  'nav.services': 'Services',
  'serviceCatalogue.title': 'Services',
};
