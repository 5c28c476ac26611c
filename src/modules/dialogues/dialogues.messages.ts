/** Chinese messages of this module. */
export const dialoguesZh = {} as const;

/** English messages of this module (same keys). */
export const dialoguesEn: Record<keyof typeof dialoguesZh, string> = {};
