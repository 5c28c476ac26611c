/** Chinese messages of this module. */
export const openDaysZh = {
} as const;

/** English messages of this module (the same keys). */
export const openDaysEn: Record<keyof typeof openDaysZh, string> = {
};
