/** Chinese messages of this module. */
export const disclosureRequestsZh = {
  'nav.disclosure_requests': '依申请公开',
  'disclosureRequests.title': '依申请公开',
} as const;

/** English messages of this module (same keys). */
export const disclosureRequestsEn: Record<keyof typeof disclosureRequestsZh, string> = {
  'nav.disclosure_requests': 'Disclosure requests',
  'disclosureRequests.title': 'Disclosure requests',
};
