/** Chinese messages of this module. */
export const openDayRegistrationZh = {
} as const;

/** English messages of this module (the same keys). */
export const openDayRegistrationEn: Record<keyof typeof openDayRegistrationZh, string> = {
};
