import { CLASS_MET, CLASS_NOT_MET, CLASS_UNKNOWN } from './navigator.compile.js';

// Stored matches, compactly: for each policy, four bits per enterprise, in tiles of 16,384 consecutive
// enterprise ids, and a bit per enterprise saying the policy has been pushed to it (kept for ever, so
// it is never pushed twice). A tile of a policy is one database row, so a full match of a million
// enterprises × a thousand policies writes about 62,000 rows whatever the rules are — generous rules
// keep many near misses (差一项), and near misses must be kept. The four bits:
//   0 not met · 1 met · 2 unknown · 3 near miss on a leaf past the 12th · 4 + k near miss on leaf k (k < 12)
// The explanation of a stored match is its rule version (policyMatchRun.ruleId) judged on the
// enterprise's facts; the stored code keeps the verdict and the one condition a near miss lacks.

export const TILE_BITS = 14;
export const TILE_SIZE = 1 << TILE_BITS;
const NOT_MET_CODE = 0;
const MET_CODE = 1;
const UNKNOWN_CODE = 2;
const NEAR_LATER = 3;
const NEAR_BASE = 4;
const NEAR_LEAVES = 16 - NEAR_BASE;

/** The tile an enterprise id falls in, and its offset inside the tile. */
export const tileOf = (enterpriseId: number): number => enterpriseId >>> TILE_BITS;
export const offsetOf = (enterpriseId: number): number => enterpriseId & (TILE_SIZE - 1);

/** One policy's tile in memory. */
export interface Tile {
  /** Four bits per enterprise, the even offset in the low half of each byte. */
  classes: Uint8Array;
  /** One bit per enterprise. */
  pushed: Uint8Array;
}

/** A fresh, empty tile. */
export const emptyTile = (): Tile => ({ classes: new Uint8Array(TILE_SIZE / 2), pushed: new Uint8Array(TILE_SIZE / 8) });

/** The stored code of a classification (CLASS_* or a near-miss leaf index). */
export function codeOf(k: number): number {
  if (k === CLASS_MET) {
    return MET_CODE;
  }
  if (k === CLASS_UNKNOWN) {
    return UNKNOWN_CODE;
  }
  if (k === CLASS_NOT_MET || k < 0) {
    return NOT_MET_CODE;
  }
  return k < NEAR_LEAVES ? NEAR_BASE + k : NEAR_LATER;
}

/** The code stored at an offset of a tile's classes. */
export const codeAt = (classes: Uint8Array, off: number): number => (classes[off >>> 1]! >>> ((off & 1) << 2)) & 15;

function setCode(classes: Uint8Array, off: number, code: number): void {
  const shift = (off & 1) << 2;
  classes[off >>> 1] = (classes[off >>> 1]! & ~(15 << shift)) | (code << shift);
}

export const isPushed = (pushed: Uint8Array, off: number): boolean => (pushed[off >>> 3]! & (1 << (off & 7))) !== 0;

function setPushed(pushed: Uint8Array, off: number): void {
  pushed[off >>> 3] = pushed[off >>> 3]! | (1 << (off & 7));
}

/** What a stored code says. */
export interface StoredMatch {
  verdict: 'met' | 'near' | 'unknown' | 'not_met';
  /** The leaf index a near miss lacks; -1 when not a near miss or when the leaf is past the code's range. */
  nearLeaf: number;
}

/** Decodes a stored code. */
export function decode(code: number): StoredMatch {
  if (code === MET_CODE) {
    return { verdict: 'met', nearLeaf: -1 };
  }
  if (code === UNKNOWN_CODE) {
    return { verdict: 'unknown', nearLeaf: -1 };
  }
  if (code >= NEAR_LATER) {
    return { verdict: 'near', nearLeaf: code === NEAR_LATER ? -1 : code - NEAR_BASE };
  }
  return { verdict: 'not_met', nearLeaf: -1 };
}

/** Counts by verdict. */
export interface VerdictCounts {
  met: number;
  near: number;
  unknown: number;
}

function count(counts: VerdictCounts, code: number, sign: 1 | -1): void {
  if (code === MET_CODE) {
    counts.met += sign;
  } else if (code === UNKNOWN_CODE) {
    counts.unknown += sign;
  } else if (code >= NEAR_LATER) {
    counts.near += sign;
  }
}

/** FNV-1a over the classes, four bytes at a time: equal hashes mean an unchanged tile (to within 2⁻³²). */
export function tileHash(classes: Uint8Array): number {
  const words = new Uint32Array(classes.buffer, classes.byteOffset, classes.byteLength >>> 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) {
    h = Math.imul(h ^ words[i]!, 0x01000193);
  }
  return h | 0;
}

/** A stored tile as a re-match first reads it: its hash and pushed bits, not its classes. */
export interface TileHead {
  hash: number;
  pushed: Uint8Array;
}

/** What writing one policy's classifications produced. */
export interface TileUpdate {
  /** Tiles to write: new, changed, or with new pushed bits. */
  write: Map<number, Tile & { hash: number }>;
  /** Stored tiles that hold nothing any more. */
  remove: number[];
  counts: VerdictCounts;
  /** Row indexes (into the classified rows) newly met and not pushed before: to be pushed now, and marked so. */
  newlyMet: number[];
}

const anySet = (bytes: Uint8Array) => bytes.some((b) => b !== 0);

/**
 * Writes the classification of every enterprise (ids[i] → classes[i], ids ascending) into fresh tiles
 * for one policy, carrying over the pushed bits of the stored tiles, and keeps only what changed.
 */
export function buildTiles(ids: Int32Array, classes: Int32Array, size: number, stored: ReadonlyMap<number, TileHead>): TileUpdate {
  const fresh = new Map<number, Tile>();
  const counts: VerdictCounts = { met: 0, near: 0, unknown: 0 };
  const newlyMet: number[] = [];
  const pushedChanged = new Set<number>();
  let tileNo = -1;
  let tile: Tile | undefined;
  let old: TileHead | undefined;
  for (let i = 0; i < size; i++) {
    // Most enterprises meet most policies' rules not at all: the loop's common case is this one test.
    const k = classes[i]!;
    if (k === CLASS_NOT_MET) {
      continue;
    }
    const code = codeOf(k);
    const id = ids[i]!;
    if (tileOf(id) !== tileNo) {
      tileNo = tileOf(id);
      old = stored.get(tileNo);
      tile = fresh.get(tileNo);
      if (!tile) {
        tile = { classes: new Uint8Array(TILE_SIZE / 2), pushed: old ? old.pushed.slice() : new Uint8Array(TILE_SIZE / 8) };
        fresh.set(tileNo, tile);
      }
    }
    const off = offsetOf(id);
    setCode(tile!.classes, off, code);
    count(counts, code, 1);
    if (code === MET_CODE && !isPushed(tile!.pushed, off)) {
      setPushed(tile!.pushed, off);
      newlyMet.push(i);
      pushedChanged.add(tileNo);
    }
  }
  const write = new Map<number, Tile & { hash: number }>();
  for (const [t, f] of fresh) {
    const hash = tileHash(f.classes);
    if (stored.get(t)?.hash !== hash || pushedChanged.has(t)) {
      write.set(t, { ...f, hash });
    }
  }
  const remove: number[] = [];
  for (const [t, old] of stored) {
    if (fresh.has(t)) {
      continue;
    }
    // Nothing met, near or unknown here any more: keep the tile only for its pushed bits.
    if (anySet(old.pushed)) {
      const empty = emptyTile();
      const hash = tileHash(empty.classes);
      if (old.hash !== hash) {
        write.set(t, { classes: empty.classes, pushed: old.pushed, hash });
      }
    } else {
      remove.push(t);
    }
  }
  return { write, remove, counts, newlyMet };
}

/**
 * Writes one enterprise's classification into a policy's tile (changed in place), keeping its pushed
 * bit and adjusting the counts. Returns whether anything changed and whether the enterprise is newly
 * met and not pushed before (the bit is then set).
 */
export function patchTile(tile: Tile, enterpriseId: number, k: number, counts: VerdictCounts): { changed: boolean; newlyMet: boolean } {
  const off = offsetOf(enterpriseId);
  const before = codeAt(tile.classes, off);
  const code = codeOf(k);
  count(counts, before, -1);
  count(counts, code, 1);
  setCode(tile.classes, off, code);
  const newlyMet = code === MET_CODE && !isPushed(tile.pushed, off);
  if (newlyMet) {
    setPushed(tile.pushed, off);
  }
  return { changed: before !== code || newlyMet, newlyMet };
}

/** The enterprise ids in a policy's tiles whose stored verdict is the one asked for. */
export function idsWithVerdict(tiles: ReadonlyMap<number, Uint8Array>, verdict: StoredMatch['verdict']): number[] {
  const out: number[] = [];
  for (const t of [...tiles.keys()].sort((a, b) => a - b)) {
    const classes = tiles.get(t)!;
    for (let off = 0; off < TILE_SIZE; off++) {
      const code = codeAt(classes, off);
      if (code !== NOT_MET_CODE && decode(code).verdict === verdict) {
        out.push(t * TILE_SIZE + off);
      }
    }
  }
  return out;
}
