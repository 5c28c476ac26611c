// A small in-process cache of the public list and statistics answers. The catalogue changes seldom
// (staff edits, imports) and is read a lot, so answers are kept until the next write in this process
// clears them, or for TTL_MS at most: a write made by another process, or a read racing a write's
// commit, shows at most that long.

const TTL_MS = 10_000;
const MAX_ENTRIES = 500;
const entries = new Map<string, { at: number; value: Promise<unknown> }>();

/** Forgets every cached answer (called by every write to the catalogue). */
export function catalogueChanged(): void {
  entries.clear();
}

/** The cached answer for a key, or computes, keeps and returns it. A failed computation is not kept. */
export function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) {
    return hit.value as Promise<T>;
  }
  if (entries.size >= MAX_ENTRIES) {
    // Maps iterate in insertion order: drop the oldest.
    entries.delete(entries.keys().next().value!);
  }
  const value = compute();
  entries.set(key, { at: now, value });
  value.catch(() => entries.delete(key));
  return value;
}
