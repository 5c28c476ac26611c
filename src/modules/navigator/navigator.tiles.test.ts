import { describe, expect, it } from 'vitest';
import { CLASS_MET, CLASS_NOT_MET, CLASS_UNKNOWN } from './navigator.compile.js';
import { buildTiles, codeAt, codeOf, decode, emptyTile, idsWithVerdict, isPushed, offsetOf, patchTile, tileHash, tileOf, TILE_SIZE, type TileHead } from './navigator.tiles.js';

const heads = (write: Map<number, { hash: number; pushed: Uint8Array }>): Map<number, TileHead> => new Map([...write].map(([t, w]) => [t, { hash: w.hash, pushed: w.pushed }]));

describe('stored match codes', () => {
  it('keep the verdict and, for near misses on one of the first twelve leaves, the leaf', () => {
    expect(decode(codeOf(CLASS_MET))).toEqual({ verdict: 'met', nearLeaf: -1 });
    expect(decode(codeOf(CLASS_UNKNOWN))).toEqual({ verdict: 'unknown', nearLeaf: -1 });
    expect(decode(codeOf(CLASS_NOT_MET))).toEqual({ verdict: 'not_met', nearLeaf: -1 });
    expect(decode(codeOf(0))).toEqual({ verdict: 'near', nearLeaf: 0 });
    expect(decode(codeOf(11))).toEqual({ verdict: 'near', nearLeaf: 11 });
    // A near miss on a later leaf is still a near miss; its leaf comes from judging the rule again.
    expect(decode(codeOf(12))).toEqual({ verdict: 'near', nearLeaf: -1 });
    expect(decode(codeOf(40))).toEqual({ verdict: 'near', nearLeaf: -1 });
  });

  it('place an enterprise id in a tile and an offset', () => {
    expect(tileOf(5)).toBe(0);
    expect(tileOf(TILE_SIZE + 3)).toBe(1);
    expect(offsetOf(TILE_SIZE + 3)).toBe(3);
  });
});

describe('buildTiles', () => {
  const ids = Int32Array.from([1, 2, 3, TILE_SIZE + 1]);

  it('stores verdicts and counts, and reports newly met enterprises once', () => {
    const classes = Int32Array.from([CLASS_MET, 2, CLASS_NOT_MET, CLASS_UNKNOWN]);
    const first = buildTiles(ids, classes, ids.length, new Map());
    expect(first.counts).toEqual({ met: 1, near: 1, unknown: 1 });
    expect(first.newlyMet).toEqual([0]);
    expect([...first.write.keys()].sort()).toEqual([0, 1]);
    const t0 = first.write.get(0)!;
    expect(decode(codeAt(t0.classes, 1)).verdict).toBe('met');
    expect(decode(codeAt(t0.classes, 2))).toEqual({ verdict: 'near', nearLeaf: 2 });
    expect(codeAt(t0.classes, 3)).toBe(0);
    expect(isPushed(t0.pushed, 1)).toBe(true);
    expect(idsWithVerdict(new Map([...first.write].map(([t, w]) => [t, w.classes])), 'met')).toEqual([1]);

    // The same verdicts again: nothing to write, nobody to push.
    const again = buildTiles(ids, classes, ids.length, heads(first.write));
    expect(again.write.size).toBe(0);
    expect(again.newlyMet).toEqual([]);
  });

  it('keeps the pushed bit when a match is lost, so it is not pushed again when regained', () => {
    const met = Int32Array.from([CLASS_MET, CLASS_NOT_MET, CLASS_NOT_MET, CLASS_NOT_MET]);
    const none = Int32Array.from([CLASS_NOT_MET, CLASS_NOT_MET, CLASS_NOT_MET, CLASS_NOT_MET]);
    const first = buildTiles(ids, met, ids.length, new Map());
    const lost = buildTiles(ids, none, ids.length, heads(first.write));
    expect(lost.counts).toEqual({ met: 0, near: 0, unknown: 0 });
    expect(lost.remove).toEqual([]);
    const kept = lost.write.get(0)!;
    expect(codeAt(kept.classes, 1)).toBe(0);
    expect(isPushed(kept.pushed, 1)).toBe(true);
    const regained = buildTiles(ids, met, ids.length, heads(lost.write));
    expect(regained.counts.met).toBe(1);
    expect(regained.newlyMet).toEqual([]);
  });

  it('removes tiles that hold nothing any more', () => {
    const unknown = Int32Array.from([CLASS_NOT_MET, CLASS_NOT_MET, CLASS_NOT_MET, CLASS_UNKNOWN]);
    const first = buildTiles(ids, unknown, ids.length, new Map());
    expect([...first.write.keys()]).toEqual([1]);
    const cleared = buildTiles(ids, unknown, 0, heads(first.write));
    expect(cleared.remove).toEqual([1]);
    expect(cleared.write.size).toBe(0);
  });
});

describe('patchTile', () => {
  it('changes one enterprise, adjusts the counts and sets the pushed bit once', () => {
    const tile = emptyTile();
    const counts = { met: 5, near: 3, unknown: 0 };
    expect(patchTile(tile, 7, 1, counts)).toEqual({ changed: true, newlyMet: false });
    expect(counts).toEqual({ met: 5, near: 4, unknown: 0 });
    const before = tileHash(tile.classes);
    expect(patchTile(tile, 7, CLASS_MET, counts)).toEqual({ changed: true, newlyMet: true });
    expect(counts).toEqual({ met: 6, near: 3, unknown: 0 });
    expect(tileHash(tile.classes)).not.toBe(before);
    expect(patchTile(tile, 7, CLASS_NOT_MET, counts)).toEqual({ changed: true, newlyMet: false });
    expect(patchTile(tile, 7, CLASS_MET, counts)).toEqual({ changed: true, newlyMet: false });
    expect(patchTile(tile, 7, CLASS_MET, counts)).toEqual({ changed: false, newlyMet: false });
    // The neighbour sharing the byte is untouched.
    expect(codeAt(tile.classes, 6)).toBe(0);
  });
});
