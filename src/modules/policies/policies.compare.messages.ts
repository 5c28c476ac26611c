/** Chinese messages of the old-vs-new comparison. */
export const policyComparisonZh = {} as const;

/** English messages of the old-vs-new comparison (same keys). */
export const policyComparisonEn: Record<keyof typeof policyComparisonZh, string> = {};
