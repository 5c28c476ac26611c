/** Chinese messages of this module. */
export const openDaySuggestionsZh = {
} as const;

/** English messages of this module (the same keys). */
export const openDaySuggestionsEn: Record<keyof typeof openDaySuggestionsZh, string> = {
};
