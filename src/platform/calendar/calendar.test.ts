import chineseDays from 'chinese-days';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  describeDeadline,
  explainDeadline,
  hasHolidayData,
  isWorkingDay,
  workingDaysBetween,
} from './index.js';

describe('isWorkingDay', () => {
  it('follows weekdays, public holidays and 调休 make-up days', () => {
    expect(isWorkingDay('2026-03-04')).toBe(true); // ordinary Wednesday
    expect(isWorkingDay('2026-03-07')).toBe(false); // ordinary Saturday
    expect(isWorkingDay('2026-10-01')).toBe(false); // 国庆节 (Thursday)
    expect(isWorkingDay('2026-10-07')).toBe(false); // 国庆 in-lieu day (Wednesday)
    expect(isWorkingDay('2026-10-10')).toBe(true); // make-up Saturday
    expect(isWorkingDay('2026-02-14')).toBe(true); // make-up Saturday before 春节
    expect(isWorkingDay('2026-09-20')).toBe(true); // make-up Sunday for 国庆
  });

  it('falls back to Monday–Friday for years without holiday data', () => {
    expect(hasHolidayData(2026)).toBe(true);
    expect(hasHolidayData(2099)).toBe(false);
    expect(isWorkingDay('2099-01-01')).toBe(true); // a Thursday; 元旦 unknown for 2099
    expect(isWorkingDay('2099-01-03')).toBe(false); // Saturday
  });

  // chinese-days' own API is only trustworthy when the host TZ is not west of UTC (see calendar.ts).
  it.skipIf(new Date().getTimezoneOffset() > 0)('agrees with chinese-days for every day it covers', () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2026, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      if (isWorkingDay(date) !== chineseDays.isWorkday(date)) {
        mismatches.push(date);
      }
    }
    expect(mismatches).toEqual([]);
  });

  describe('under a host timezone west of UTC', () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      if (originalTz === undefined) {
        delete process.env.TZ;
      } else {
        process.env.TZ = originalTz;
      }
    });

    it('gives the same answers', () => {
      process.env.TZ = 'America/Los_Angeles';
      expect(new Date(Date.UTC(2026, 0, 1)).getDate()).toBe(31); // the TZ switch took effect
      expect(isWorkingDay('2026-10-10')).toBe(true);
      expect(isWorkingDay('2026-03-07')).toBe(false);
      expect(addWorkingDays('2026-09-30', 20)).toBe('2026-11-03');
    });
  });
});

describe('addWorkingDays / explainDeadline', () => {
  it('anchor: 20 working days after 2026-09-30 is 2026-11-03', () => {
    expect(addWorkingDays('2026-09-30', 20)).toBe('2026-11-03');

    const expl = explainDeadline('2026-09-30', 20);
    expect(expl.deadline).toBe('2026-11-03');
    expect(expl.workingDays).toBe(20);
    expect(expl.steps[0]).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      holidayName: '国庆节',
      holidayNameEn: 'National Day',
    });
    expect(expl.steps.at(-1)).toEqual({ date: '2026-11-03', kind: 'counted', count: 20 });
    // 10-01..10-07 holiday block (including its weekend), 7 ordinary weekend days, 20 counted.
    expect(expl.skipped).toEqual({ weekends: 7, holidays: 7, paused: 0 });
    expect(expl.steps).toHaveLength(34);
    expect(expl.makeUpWorkdays).toEqual(['2026-10-10']);
    expect(expl.steps.find((s) => s.date === '2026-10-10')).toEqual({ date: '2026-10-10', kind: 'counted', count: 3 });
    expect(expl.yearsWithoutHolidayData).toEqual([]);
  });

  it('anchor spans every calendar day exactly once, counted days numbered 1..n', () => {
    const expl = explainDeadline('2026-09-30', 20);
    const counts = expl.steps.filter((s) => s.kind === 'counted').map((s) => s.count);
    expect(counts).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const dates = expl.steps.map((s) => s.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates[0]).toBe('2026-10-01');
  });

  it('skips a plain weekend', () => {
    const expl = explainDeadline('2026-03-06', 1); // Friday
    expect(expl.deadline).toBe('2026-03-09');
    expect(expl.steps.map((s) => s.kind)).toEqual(['weekend', 'weekend', 'counted']);
    expect(expl.skipped).toEqual({ weekends: 2, holidays: 0, paused: 0 });
    expect(expl.makeUpWorkdays).toEqual([]);
  });

  it('does not count the start day even when it is a working day', () => {
    expect(addWorkingDays('2026-03-02', 1)).toBe('2026-03-03');
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // start on Saturday
  });

  it('returns the start date for n = 0', () => {
    const expl = explainDeadline('2026-10-03', 0);
    expect(expl.deadline).toBe('2026-10-03');
    expect(expl.steps).toEqual([]);
  });

  it('counts a make-up Saturday', () => {
    const expl = explainDeadline('2026-02-13', 1); // Friday before 春节
    expect(expl.deadline).toBe('2026-02-14');
    expect(expl.makeUpWorkdays).toEqual(['2026-02-14']);
  });

  it('jumps the whole Spring Festival block', () => {
    const expl = explainDeadline('2026-02-13', 2);
    expect(expl.deadline).toBe('2026-02-24');
    expect(expl.skipped.holidays).toBe(9);
    expect(new Set(expl.steps.filter((s) => s.kind === 'holiday').map((s) => s.holidayName))).toEqual(
      new Set(['春节']),
    );
  });

  it('uses statutory Chinese names for holidays', () => {
    const expl = explainDeadline('2026-09-24', 2);
    expect(expl.deadline).toBe('2026-09-29');
    expect(expl.steps.filter((s) => s.kind === 'holiday').map((s) => s.holidayName)).toEqual([
      '中秋节',
      '中秋节',
      '中秋节',
    ]);
  });

  it('stops the clock during a pause', () => {
    expect(addWorkingDays('2026-03-02', 5)).toBe('2026-03-09');
    const pauses = [{ from: '2026-03-04', to: '2026-03-05', reason: '征求第三方意见' }];
    const expl = explainDeadline('2026-03-02', 5, { pauses });
    expect(expl.deadline).toBe('2026-03-11');
    expect(expl.skipped).toEqual({ weekends: 2, holidays: 0, paused: 2 });
    expect(expl.steps.filter((s) => s.kind === 'paused')).toEqual([
      { date: '2026-03-04', kind: 'paused', reason: '征求第三方意见' },
      { date: '2026-03-05', kind: 'paused', reason: '征求第三方意见' },
    ]);
    expect(addWorkingDays('2026-03-02', 5, { pauses })).toBe('2026-03-11');
  });

  it('reports every day inside a pause as paused, keeping the holiday name', () => {
    const pauses = [{ from: '2026-09-30', to: '2026-10-09', reason: '补正材料' }];
    const expl = explainDeadline('2026-09-29', 1, { pauses });
    expect(expl.deadline).toBe('2026-10-10'); // the make-up Saturday right after the pause
    expect(expl.skipped).toEqual({ weekends: 0, holidays: 0, paused: 10 });
    expect(expl.steps.find((s) => s.date === '2026-10-01')).toMatchObject({ kind: 'paused', holidayName: '国庆节' });
    expect(expl.makeUpWorkdays).toEqual(['2026-10-10']);
  });

  it('ignores pauses outside the span', () => {
    const pauses = [{ from: '2026-01-01', to: '2026-01-31', reason: 'earlier' }];
    expect(addWorkingDays('2026-09-30', 20, { pauses })).toBe('2026-11-03');
  });

  it('flags spans that reach a year without holiday data', () => {
    const expl = explainDeadline('2026-12-28', 10);
    expect(expl.yearsWithoutHolidayData).toEqual([2027]);
    expect(describeDeadline(expl, 'zh-CN')).toContain('2027年的法定节假日安排尚未公布');
    expect(describeDeadline(expl, 'en')).toContain('arrangement for 2027 is not yet published');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after from, up to and including to', () => {
    expect(workingDaysBetween('2026-09-30', '2026-11-03')).toBe(20);
    expect(workingDaysBetween('2026-03-02', '2026-03-06')).toBe(4);
    expect(workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0); // weekend only
    expect(workingDaysBetween('2026-10-09', '2026-10-10')).toBe(1); // make-up Saturday
  });

  it('is 0 when to is not after from', () => {
    expect(workingDaysBetween('2026-03-04', '2026-03-04')).toBe(0);
    expect(workingDaysBetween('2026-03-05', '2026-03-04')).toBe(0);
  });

  it('is the inverse of addWorkingDays, with and without pauses', () => {
    const pauses = [{ from: '2026-05-06', to: '2026-05-12', reason: 'consultation' }];
    for (const start of ['2026-01-30', '2026-04-30', '2026-09-18', '2026-12-01']) {
      for (const n of [1, 5, 15, 20]) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
        expect(workingDaysBetween(start, addWorkingDays(start, n, { pauses }), { pauses })).toBe(n);
      }
    }
  });
});

describe('describeDeadline', () => {
  it('explains the anchor in Chinese', () => {
    expect(describeDeadline(explainDeadline('2026-09-30', 20), 'zh-CN')).toBe(
      '自2026年9月30日起算20个工作日，跳过周末7天、法定节假日7天（国庆节），含调休上班日2026年10月10日，截止日为2026年11月3日。',
    );
  });

  it('explains the anchor in English', () => {
    expect(describeDeadline(explainDeadline('2026-09-30', 20), 'en')).toBe(
      'Counting 20 working days from 30 September 2026 (the day after it is day one); 7 weekend days and 7 public-holiday days (National Day) were skipped; 10 October 2026 was an official make-up working day and counts. The deadline is 3 November 2026.',
    );
  });

  it('mentions pauses and omits empty parts', () => {
    const pauses = [{ from: '2026-03-04', to: '2026-03-05', reason: '征求第三方意见' }];
    const expl = explainDeadline('2026-03-02', 2, { pauses });
    expect(describeDeadline(expl, 'zh-CN')).toBe(
      '自2026年3月2日起算2个工作日，暂停计算2天（征求第三方意见），截止日为2026年3月6日。',
    );
    expect(describeDeadline(expl, 'en')).toBe(
      'Counting 2 working days from 2 March 2026 (the day after it is day one); the clock was paused for 2 days (征求第三方意见). The deadline is 6 March 2026.',
    );
  });
});

describe('input validation', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-9-30', '20260930', '', '2026-09-30T00:00:00Z', 'tomorrow'])(
    'rejects date %j',
    (bad) => {
      expect(() => isWorkingDay(bad)).toThrow(RangeError);
      expect(() => addWorkingDays(bad, 1)).toThrow(/Invalid start date/);
      expect(() => workingDaysBetween(bad, '2026-01-01')).toThrow(RangeError);
    },
  );

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 10_001])('rejects n = %s', (bad) => {
    expect(() => addWorkingDays('2026-09-30', bad)).toThrow(RangeError);
    expect(() => explainDeadline('2026-09-30', bad)).toThrow(/Invalid number of working days/);
  });

  it('rejects malformed pauses', () => {
    expect(() => addWorkingDays('2026-03-02', 5, { pauses: [{ from: '2026-03-05', to: '2026-03-04', reason: 'x' }] })).toThrow(
      /is before 'from'/,
    );
    expect(() => addWorkingDays('2026-03-02', 5, { pauses: [{ from: '2026-03-32', to: '2026-04-04', reason: 'x' }] })).toThrow(
      /pauses\[0\]\.from/,
    );
  });

  it('refuses to scan forever behind an open-ended pause', () => {
    expect(() => addWorkingDays('2026-03-02', 1, { pauses: [{ from: '2026-03-03', to: '9999-12-31', reason: 'x' }] })).toThrow(
      /not reached/,
    );
  });
});
