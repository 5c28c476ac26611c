import { describe, expect, it } from 'vitest';
import { checkPeriod, daysRemaining, earliestClose, maskCommenter, roundState, workingDaysInclusive } from './consultations.rules.js';

describe('consultation period minimums', () => {
  it('draft rules need 30 calendar days, both ends counted', () => {
    expect(checkPeriod('rules', '2026-06-01', '2026-06-30')).toMatchObject({ ok: true, length: 30 });
    expect(checkPeriod('rules', '2026-06-01', '2026-06-29')).toMatchObject({ ok: false, field: 'closesOn', key: 'consultations.period.too_short', length: 29 });
  });

  it('normative documents need 7 working days, counted over the National Day holiday and its make-up Saturday', () => {
    // 28–30 Sep are 3 working days, 1–7 Oct are holidays, 8–9 Oct are 2, Sat 10 Oct is a make-up working day.
    expect(workingDaysInclusive('2026-09-28', '2026-10-10')).toBe(6);
    expect(checkPeriod('normative', '2026-09-28', '2026-10-10')).toMatchObject({ ok: false, key: 'consultations.period.too_short', length: 6 });
    expect(checkPeriod('normative', '2026-09-28', '2026-10-12')).toMatchObject({ ok: true, length: 7 });
    expect(earliestClose('normative', '2026-09-28')).toBe('2026-10-12');
    // Fifteen calendar days would wrongly pass a naive count; an ordinary week needs only nine.
    expect(earliestClose('normative', '2026-11-02')).toBe('2026-11-10');
  });

  it('normative documents affecting market actors need 30 calendar days', () => {
    expect(checkPeriod('normative_market', '2026-11-02', '2026-11-20')).toMatchObject({ ok: false, key: 'consultations.period.too_short' });
    expect(checkPeriod('normative_market', '2026-11-02', '2026-12-01')).toMatchObject({ ok: true, length: 30 });
  });

  it('only a major decision may be shortened, and only with a reason', () => {
    expect(checkPeriod('major_decision', '2026-11-02', '2026-11-15')).toMatchObject({ ok: false, field: 'shortenedReason', key: 'consultations.period.reason_required' });
    expect(checkPeriod('major_decision', '2026-11-02', '2026-11-15', '防汛应急需要尽快出台')).toMatchObject({ ok: true, shortened: true, length: 14 });
    expect(checkPeriod('major_decision', '2026-11-02', '2026-12-01')).toMatchObject({ ok: true, shortened: false });
    expect(checkPeriod('rules', '2026-11-02', '2026-11-15', '时间紧')).toMatchObject({ ok: false, key: 'consultations.period.no_shortening' });
  });

  it('refuses a period that closes before it opens', () => {
    expect(checkPeriod('major_decision', '2026-11-02', '2026-11-01', '急')).toMatchObject({ ok: false, key: 'consultations.period.order' });
  });
});

describe('round state and commenter masking', () => {
  const r = { opensOn: '2026-11-01', closesOn: '2026-11-30', reportPublishedAt: null };
  it('derives the state from the day', () => {
    expect(roundState(r, '2026-10-31')).toBe('upcoming');
    expect(roundState(r, '2026-11-01')).toBe('open');
    expect(roundState(r, '2026-11-30')).toBe('open');
    expect(roundState(r, '2026-12-01')).toBe('closed');
    expect(roundState({ ...r, reportPublishedAt: '2026-12-05T00:00:00Z' }, '2026-12-06')).toBe('reported');
    expect(daysRemaining('2026-11-30', '2026-11-30')).toBe(1);
    expect(daysRemaining('2026-11-30', '2026-12-02')).toBe(0);
  });

  it('shows enterprises by name, people masked, and nobody when no name was given', () => {
    expect(maskCommenter({ enterpriseName: '深圳光明科技有限公司', commenterName: '李经理' })).toBe('深圳光明科技有限公司');
    expect(maskCommenter({ enterpriseName: '', commenterName: '王小明' })).toBe('王**');
    expect(maskCommenter({ enterpriseName: '', commenterName: '王' })).toBe('王*');
    expect(maskCommenter({ enterpriseName: '', commenterName: '  ' })).toBe('');
  });
});
