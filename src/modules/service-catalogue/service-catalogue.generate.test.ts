import { describe, expect, it } from 'vitest';
import { generateCatalogue } from './service-catalogue.generate.js';
import { SOURCE_FIGURES } from './service-catalogue.demo.js';
import { VOCABULARY } from './service-catalogue.demo-data.js';
import { checkConsistency } from './service-catalogue.rules.js';

const DEPTS = Object.keys(VOCABULARY);

describe('generated demo catalogue', () => {
  const items = generateCatalogue(DEPTS, SOURCE_FIGURES);
  const byCode = new Map(items.map((i) => [i.code, i]));

  it('matches the source figures exactly, across all 21 departments', () => {
    expect(DEPTS).toHaveLength(21);
    expect(items).toHaveLength(655);
    expect(new Set(items.map((i) => i.departmentCode)).size).toBe(21);
    expect(items.filter((i) => i.enterpriseRelated)).toHaveLength(84);
    expect(items.filter((i) => i.noVisit)).toHaveLength(105);
    expect(items.filter((i) => i.instantApproval)).toHaveLength(12);
    expect(byCode.size).toBe(655);
  });

  it('passes every consistency rule, with parents that exist', () => {
    for (const it of items) {
      const p = it.parentCode === null ? undefined : byCode.get(it.parentCode);
      const parent = p ? { id: 1, variant: p.variant, parentId: p.parentCode === null ? null : 2 } : it.parentCode === null ? undefined : null;
      expect(checkConsistency(it, parent, 99), it.code).toEqual([]);
    }
  });

  it('is the same on every run and has full guides for the showcase items', () => {
    expect(generateCatalogue(DEPTS, SOURCE_FIGURES).map((i) => i.code)).toEqual(items.map((i) => i.code));
    const food = items.find((i) => i.name === '食品经营许可')!;
    expect(food.faq.length).toBeGreaterThan(0);
    expect(items.some((i) => i.parentCode === food.code && i.variant === 'change')).toBe(true);
  });

  it('scales to the benchmark size', () => {
    const big = generateCatalogue(DEPTS, { total: 20_000, enterprise: 2_565, noVisit: 3_206, instant: 366 });
    expect(big).toHaveLength(20_000);
    expect(new Set(big.map((i) => i.code)).size).toBe(20_000);
  });
});
