import type { FeeMode } from './disclosure-requests.codes.js';

// 国办函〔2020〕109号: free by default; for clearly excessive requests, either by request or by page.
// Each tier charges only the part that falls in it ("……的部分"), so the fee grows by bands.

/** Requests per applicant per calendar month that are free. */
export const FREE_REQUESTS = 10;
/** Pages of one reply that are free. */
export const FREE_PAGES = 30;

/** The fee in yuan for the n-th request (1-based) of one applicant in one calendar month. */
export function feeForNthRequest(n: number): number {
  if (n <= FREE_REQUESTS) {
    return 0;
  }
  if (n <= 30) {
    return 100;
  }
  // 31–40 ¥200, 41–50 ¥300, …: each further band of 10 adds ¥100 to the per-request rate.
  return 100 + 100 * Math.ceil((n - 30) / 10);
}

/** The fee in yuan for `count` new requests when the applicant already made `earlier` this month. */
export function feeByRequest(earlier: number, count = 1): number {
  let total = 0;
  for (let i = 1; i <= count; i++) {
    total += feeForNthRequest(earlier + i);
  }
  return total;
}

const PAGE_BANDS: ReadonlyArray<{ upTo: number; rate: number }> = [
  { upTo: FREE_PAGES, rate: 0 },
  { upTo: 100, rate: 10 },
  { upTo: 200, rate: 20 },
  { upTo: Number.POSITIVE_INFINITY, rate: 40 },
];

/** The fee in yuan for a reply of `pages` pages: ≤30 free, 31–100 ¥10, 101–200 ¥20, over 200 ¥40 per page. */
export function feeByPage(pages: number): number {
  let total = 0;
  let from = 0;
  for (const band of PAGE_BANDS) {
    const inBand = Math.max(0, Math.min(pages, band.upTo) - from);
    total += inBand * band.rate;
    from = band.upTo;
    if (pages <= band.upTo) {
      break;
    }
  }
  return total;
}

/** The fee for one charge: one mode only, so the two are never combined. */
export function feeFor(charge: { mode: FeeMode; earlierRequests?: number; pages?: number }): number {
  return charge.mode === 'by_request' ? feeByRequest(charge.earlierRequests ?? 0) : feeByPage(charge.pages ?? 0);
}
