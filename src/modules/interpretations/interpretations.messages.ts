/** Chinese messages of this module. */
export const interpretationsZh = {} as const;

/** English messages of this module (same keys). */
export const interpretationsEn: Record<keyof typeof interpretationsZh, string> = {};
