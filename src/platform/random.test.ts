import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';

describe('seededRandom', () => {
  it('generates the same numbers from the same seed, and others from another', () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const c = seededRandom(2);
    const first = [a(), a(), a()];
    expect(first).toEqual([b(), b(), b()]);
    expect(first).not.toEqual([c(), c(), c()]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
