/** Chinese messages of this module. */
export const serviceHallsZh = {
  'serviceHalls.title': 'service-halls',
} as const;

/** English messages of this module (same keys). */
export const serviceHallsEn: Record<keyof typeof serviceHallsZh, string> = {
  'serviceHalls.title': 'service-halls',
};
