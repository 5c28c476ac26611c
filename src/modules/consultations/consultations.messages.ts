/** Chinese messages of this module. */
export const consultationsZh = {
  'nav.consultations': '征求意见',
  'consultations.title': '征求意见',
} as const;

/** English messages of this module (same keys). */
export const consultationsEn: Record<keyof typeof consultationsZh, string> = {
  'nav.consultations': 'Consultations',
  'consultations.title': 'Consultations',
};
