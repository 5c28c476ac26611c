/** Chinese messages of this module. */
export const serviceCasesZh = {
  'serviceCases.title': 'service-cases',
} as const;

/** English messages of this module (same keys). */
export const serviceCasesEn: Record<keyof typeof serviceCasesZh, string> = {
  'serviceCases.title': 'service-cases',
};
