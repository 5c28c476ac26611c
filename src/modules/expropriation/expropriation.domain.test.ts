import { describe, expect, it } from 'vitest';
import { commentCheck, defaultDirectory, itemStatus } from './expropriation.directory.js';
import { accessCodeHash, isAccessCode, maskHouseholdName, newAccessCode, normaliseAccessCode } from './expropriation.households.js';

describe('expropriation directory', () => {
  it('has the 4 + 10 + 7 rows, numbered in order, each with every STANDARDS §2 field', () => {
    const rows = defaultDirectory('市房屋征收管理办公室');
    expect(rows.filter((r) => r.phase === 'before')).toHaveLength(4);
    expect(rows.filter((r) => r.phase === 'during')).toHaveLength(10);
    expect(rows.filter((r) => r.phase === 'after')).toHaveLength(7);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    for (const r of rows) {
      expect(r.level1 && r.level2 && r.content && r.basis && r.timeLimit && r.responsible).toBeTruthy();
      expect(Object.keys(r.channels).length).toBeGreaterThan(0);
    }
    expect(rows.find((r) => r.level2 === '社会稳定风险评估')?.mode).toBe('on_request');
  });

  it('counts 20 working days from the event, skipping the National Day holiday', () => {
    // 2026-09-30 + 20 working days → 2026-11-03 (the anchor of DESIGN.md).
    expect(itemStatus({ publishedOn: null, mode: 'proactive' }, '2026-09-30', '2026-11-03')).toEqual({ state: 'due', dueOn: '2026-11-03', onTime: null });
    expect(itemStatus({ publishedOn: null, mode: 'proactive' }, '2026-09-30', '2026-11-04').state).toBe('late');
    expect(itemStatus({ publishedOn: '2026-11-05', mode: 'proactive' }, '2026-09-30', '2026-12-01')).toEqual({ state: 'published', dueOn: '2026-11-03', onTime: false });
    expect(itemStatus({ publishedOn: null, mode: 'proactive' }, undefined, '2026-12-01').state).toBe('waiting');
    expect(itemStatus({ publishedOn: null, mode: 'on_request' }, '2026-01-05', '2026-12-01').state).toBe('waiting');
  });

  it('checks the comment period is at least 30 calendar days and owes the revisions once it closes', () => {
    expect(commentCheck('2026-03-01', '2026-03-30', null, '2026-03-15')).toMatchObject({ days: 30, longEnough: true, open: true, revisionsOwed: false });
    expect(commentCheck('2026-03-01', '2026-03-29', null, '2026-03-15')?.longEnough).toBe(false);
    expect(commentCheck('2026-03-01', '2026-03-30', null, '2026-04-02')?.revisionsOwed).toBe(true);
    expect(commentCheck('2026-03-01', '2026-03-30', '2026-04-01', '2026-04-02')?.revisionsOwed).toBe(false);
    expect(commentCheck(null, null, null, '2026-04-02')).toBeNull();
  });
});

describe('household rules', () => {
  it('masks names keeping the surname (compound surnames whole)', () => {
    expect(maskHouseholdName('张三')).toBe('张*');
    expect(maskHouseholdName('张三丰')).toBe('张**');
    expect(maskHouseholdName('欧阳娜娜')).toBe('欧阳**');
    expect(maskHouseholdName('欧阳')).toBe('欧*');
    expect(maskHouseholdName('李')).toBe('*');
    expect(maskHouseholdName(' 𠇔明 ')).toBe('𠇔*');
  });

  it('makes access codes that survive retyping and hashes them the same way', () => {
    const c = newAccessCode();
    expect(isAccessCode(c)).toBe(true);
    expect(isAccessCode(c.toLowerCase().replace('-', ' '))).toBe(true);
    expect(accessCodeHash(c.toLowerCase())).toBe(accessCodeHash(c));
    expect(normaliseAccessCode('ab-cd')).toBe('ABCD');
    expect(isAccessCode('OOOOO-IIIII')).toBe(false);
  });
});
