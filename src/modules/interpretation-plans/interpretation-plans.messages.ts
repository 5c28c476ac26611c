/** Chinese messages of this module. */
export const interpretationPlansZh = {} as const;

/** English messages of this module (same keys). */
export const interpretationPlansEn: Record<keyof typeof interpretationPlansZh, string> = {};
