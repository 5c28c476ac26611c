/** Chinese messages of this module. */
export const expropriationZh = {
  'nav.expropriation': '征收公开',
  'expropriation.title': '征收公开',
} as const;

/** English messages of this module (same keys). */
export const expropriationEn: Record<keyof typeof expropriationZh, string> = {
  'nav.expropriation': 'Expropriation',
  'expropriation.title': 'Expropriation',
};
