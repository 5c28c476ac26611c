import { describe, expect, it } from 'vitest';
import { assessPolicy, dueDate, emptyCounts, planStatus, score } from './interpretation-plans.status.js';
import { csvField, toCsv } from '../../platform/csv.js';

describe('assessment verdicts around weekends and holidays', () => {
  // 2026-09-30 (Wed) is the eve of the National Day holiday (1-7 Oct); 8, 9 Oct and the make-up
  // Saturday 10 Oct are the first three working days after it.
  it('a policy published on 2026-09-30 has until 2026-10-10 (a make-up Saturday)', () => {
    expect(assessPolicy('2026-09-30', null, '2026-10-09', 3)).toEqual({ deadline: '2026-10-10', verdict: 'pending', lateBy: 0 });
    expect(assessPolicy('2026-09-30', '2026-10-10', '2026-12-01', 3).verdict).toBe('in_time');
    expect(assessPolicy('2026-09-30', '2026-10-12', '2026-12-01', 3)).toEqual({ deadline: '2026-10-10', verdict: 'late', lateBy: 1 });
    expect(assessPolicy('2026-09-30', null, '2026-10-11', 3).verdict).toBe('missing');
  });

  it('same day is "with the policy"; a Friday policy has until Wednesday', () => {
    expect(assessPolicy('2026-11-27', '2026-11-27', '2026-12-10', 3).verdict).toBe('with_policy');
    expect(assessPolicy('2026-11-27', '2026-12-02', '2026-12-10', 3)).toEqual({ deadline: '2026-12-02', verdict: 'in_time', lateBy: 0 });
    expect(assessPolicy('2026-11-27', '2026-12-04', '2026-12-10', 3)).toEqual({ deadline: '2026-12-02', verdict: 'late', lateBy: 2 });
    expect(assessPolicy('2026-11-27', null, '2026-12-02', 3).verdict).toBe('pending');
    expect(assessPolicy('2026-11-27', null, '2026-12-03', 3).verdict).toBe('missing');
  });

  it('the allowed days are configurable', () => {
    expect(assessPolicy('2026-11-27', '2026-12-04', '2026-12-10', 5).verdict).toBe('in_time');
    expect(assessPolicy('2026-11-27', '2026-11-30', '2026-12-10', 0).verdict).toBe('late');
  });
});

describe('plan entry status', () => {
  it('is due on the expected day until the policy is published, then on its publication day', () => {
    expect(dueDate({ expectedOn: '2026-12-01', policyPublishedOn: null })).toBe('2026-12-01');
    expect(dueDate({ expectedOn: '2026-12-01', policyPublishedOn: '2026-09-30' })).toBe('2026-09-30');
  });

  it('planned, in time, late and missing', () => {
    const f = { expectedOn: '2026-09-30', policyPublishedOn: null, firstInterpretationOn: null };
    expect(planStatus(f, '2026-10-10', 3)).toBe('planned');
    expect(planStatus(f, '2026-10-11', 3)).toBe('missing');
    expect(planStatus({ ...f, policyPublishedOn: '2026-09-30', firstInterpretationOn: '2026-10-09' }, '2026-11-01', 3)).toBe('in_time');
    expect(planStatus({ ...f, policyPublishedOn: '2026-09-30', firstInterpretationOn: '2026-10-12' }, '2026-11-01', 3)).toBe('late');
    // The policy came out later than planned: the due day moves with it.
    expect(planStatus({ expectedOn: '2026-06-01', policyPublishedOn: '2026-11-27', firstInterpretationOn: null }, '2026-12-01', 3)).toBe('planned');
  });
});

describe('score and CSV', () => {
  it('score = (with + in time) / (total − pending) × 100, one decimal', () => {
    expect(score({ ...emptyCounts(), total: 4, with_policy: 1, in_time: 1, late: 1, missing: 0, pending: 1 })).toBe(66.7);
    expect(score({ ...emptyCounts(), total: 2, pending: 2 })).toBeNull();
    expect(score({ ...emptyCounts(), total: 3, with_policy: 3 })).toBe(100);
  });

  it('escapes commas, quotes, line breaks and formulas; starts with a BOM', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
    expect(toCsv([['部门', '得分'], ['市发改局', 66.7]])).toBe('\uFEFF部门,得分\r\n市发改局,66.7\r\n');
  });
});
