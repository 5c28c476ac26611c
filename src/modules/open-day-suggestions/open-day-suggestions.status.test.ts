import { describe, expect, it } from 'vitest';
import { allowedActions, conversionRate, deadlinesByUnit, dueState, hasAnswer, isTerminal, nextStatus, OUTCOMES, SUGGESTION_STATUSES } from './open-day-suggestions.status.js';
import { SUGGESTION_STATUSES as REPORT_STATUSES } from '../open-days/open-days.report.js';
import { generateSuggestions } from './open-day-suggestions.demo-gen.js';
import { contactOfSubmitter } from './open-day-suggestions.notify.js';
import { parseNote } from './open-day-suggestions.presenter.js';

describe('suggestion status machine', () => {
  it('walks received → routed → answered → each outcome', () => {
    expect(nextStatus('received', { kind: 'route' })).toBe('routed');
    expect(nextStatus('routed', { kind: 'answer' })).toBe('answered');
    for (const o of OUTCOMES) {
      expect(nextStatus('answered', { kind: 'outcome', outcome: o })).toBe(o);
    }
  });

  it('refuses skipping steps and going back', () => {
    expect(nextStatus('received', { kind: 'answer' })).toBeNull();
    expect(nextStatus('received', { kind: 'outcome', outcome: 'converted' })).toBeNull();
    expect(nextStatus('routed', { kind: 'outcome', outcome: 'explained' })).toBeNull();
    expect(nextStatus('answered', { kind: 'route' })).toBeNull();
    expect(nextStatus('answered', { kind: 'answer' })).toBeNull();
    expect(nextStatus('converted', { kind: 'outcome', outcome: 'not_adopted' })).toBeNull();
  });

  it('rejects only what is received, merges only before the answer, re-routes a routed one', () => {
    expect(nextStatus('received', { kind: 'reject' })).toBe('rejected');
    expect(nextStatus('routed', { kind: 'reject' })).toBeNull();
    expect(nextStatus('received', { kind: 'merge' })).toBe('merged');
    expect(nextStatus('routed', { kind: 'merge' })).toBe('merged');
    expect(nextStatus('answered', { kind: 'merge' })).toBeNull();
    expect(nextStatus('routed', { kind: 'route' })).toBe('routed');
    expect(nextStatus('received', { kind: 'publish' })).toBe('received');
    expect(nextStatus('routed', { kind: 'publish' })).toBeNull();
  });

  it('splits only before the answer, and a split suggestion ends its path (its parts go on)', () => {
    expect(nextStatus('received', { kind: 'split' })).toBe('split');
    expect(nextStatus('routed', { kind: 'split' })).toBe('split');
    for (const from of ['answered', 'merged', 'split', 'rejected', ...OUTCOMES]) {
      expect(nextStatus(from, { kind: 'split' })).toBeNull();
    }
    expect(isTerminal('split')).toBe(true);
  });

  it('keeps the results report in step with the status machine', () => {
    expect([...REPORT_STATUSES]).toEqual([...SUGGESTION_STATUSES]);
  });

  it('treats merged, rejected and the outcomes as terminal: nothing moves them', () => {
    for (const s of ['merged', 'split', 'rejected', ...OUTCOMES]) {
      expect(isTerminal(s)).toBe(true);
      expect(allowedActions(s)).toEqual([]);
    }
    for (const s of ['received', 'routed', 'answered']) {
      expect(isTerminal(s)).toBe(false);
      expect(allowedActions(s).length).toBeGreaterThan(0);
    }
    expect(allowedActions('received')).toEqual(['publish', 'reject', 'merge', 'split', 'route']);
    expect(allowedActions('routed')).toEqual(['merge', 'split', 'route', 'answer']);
    expect(allowedActions('answered')).toEqual(['outcome']);
    expect(SUGGESTION_STATUSES.filter(hasAnswer)).toEqual(['answered', ...OUTCOMES]);
  });
});

describe('conversion rate', () => {
  it('is converted + partly adopted over every answered suggestion', () => {
    const r = conversionRate({ received: 50, routed: 7, answered: 10, converted: 20, partly_adopted: 10, explained: 50, not_adopted: 10, merged: 4, rejected: 3 });
    expect(r).toEqual({ adopted: 30, answered: 100, rate: 0.3 });
  });

  it('is unknown (null) while nothing is answered, and ignores unanswered, merged and rejected', () => {
    expect(conversionRate({ received: 3, routed: 2, merged: 1, rejected: 1 }).rate).toBeNull();
    expect(conversionRate({ converted: 1 }).rate).toBe(1);
  });
});

describe('answer deadlines', () => {
  // 2026-10-01..07 is the National Day holiday; 2026-10-09 (Friday) is a working day.
  it('counts a waiting answer overdue from the day after the due day', () => {
    const s = { status: 'routed', dueOn: '2026-10-09', answeredAt: null };
    expect(dueState(s, '2026-10-10')).toBe('overdue');
    expect(dueState(s, '2026-10-09')).toBe('due_soon');
  });

  it('calls it due soon within two working days, skipping the holiday', () => {
    const s = { status: 'routed', dueOn: '2026-10-09', answeredAt: null };
    // From 30 September only 8 and 9 October are working days before the due day.
    expect(dueState(s, '2026-09-30')).toBe('due_soon');
    expect(dueState(s, '2026-09-28')).toBe('open');
  });

  it('judges an answer by its Beijing day against the due day', () => {
    // 2026-10-09T15:59Z is still 23:59 on the 9th in Beijing; 16:00Z is already the 10th.
    expect(dueState({ status: 'answered', dueOn: '2026-10-09', answeredAt: '2026-10-09T15:59:00.000Z' }, '2026-12-01')).toBe('answered_in_time');
    expect(dueState({ status: 'explained', dueOn: '2026-10-09', answeredAt: '2026-10-09T16:00:00.000Z' }, '2026-12-01')).toBe('answered_late');
    expect(dueState({ status: 'received', dueOn: null, answeredAt: null }, '2026-12-01')).toBe('none');
    expect(dueState({ status: 'merged', dueOn: '2026-10-09', answeredAt: null }, '2026-12-01')).toBe('none');
  });

  it('sums per unit, worst first', () => {
    const rows = [
      { departmentId: 1, status: 'routed', dueOn: '2026-10-09', answeredAt: null },
      { departmentId: 1, status: 'explained', dueOn: '2026-10-09', answeredAt: '2026-10-08T02:00:00Z' },
      { departmentId: 2, status: 'routed', dueOn: '2026-10-09', answeredAt: null },
      { departmentId: 2, status: 'routed', dueOn: '2026-11-30', answeredAt: null },
      { departmentId: 2, status: 'answered', dueOn: '2026-10-09', answeredAt: '2026-10-12T02:00:00Z' },
      { departmentId: null, status: 'received', dueOn: null, answeredAt: null },
    ];
    const r = deadlinesByUnit(rows, '2026-10-20');
    expect(r).toEqual([
      { departmentId: 2, routed: 3, overdue: 1, dueSoon: 0, answeredLate: 1, answeredInTime: 0 },
      { departmentId: 1, routed: 2, overdue: 1, dueSoon: 0, answeredLate: 0, answeredInTime: 1 },
    ]);
  });
});

describe('demo suggestions', () => {
  const campaign = { id: 1, startsOn: '2019-10-22', endsOn: '2019-10-25', answerDays: 15 };
  const points = Array.from({ length: 20 }, (_, i) => ({ id: 100 + i, topic: `开放点${i}`, departmentId: i % 2 === 0 ? 7 : null, day: `2019-10-2${2 + (i % 4)}` }));
  const rows = generateSuggestions({ campaign, points, unitIds: new Map([['urban', 7], ['gov-office', 1]]), count: 2000, overdue: 5 });

  it('follows the status machine on every path and merges only into earlier, live suggestions', () => {
    const codes = new Set(rows.map((r) => r.row.trackingCode));
    expect(codes.size).toBe(rows.length);
    for (const [i, g] of rows.entries()) {
      const st = g.row.status;
      expect(SUGGESTION_STATUSES).toContain(st);
      expect(g.events[0]!.status).toBe('received');
      expect(g.events.map((e) => e.at)).toEqual([...g.events.map((e) => e.at)].sort());
      if (st === 'converted') {
        expect(g.measure).not.toBeNull();
      }
      if (st === 'not_adopted') {
        expect(g.row.outcomeReason).not.toBe('');
      }
      if (st === 'merged') {
        expect(g.mergeTarget).toBeLessThan(Math.floor(i / 500) * 500);
        const target = rows[g.mergeTarget!]!.row;
        expect(['merged', 'rejected']).not.toContain(target.status);
        expect(parseNote(g.events[2]!.note).into).toBe(target.trackingCode);
      }
    }
    expect(rows.filter((r) => r.row.status === 'routed')).toHaveLength(5);
    expect(rows.filter((r) => r.row.source === 'visit').length).toBeGreaterThan(1000);
  });
});

describe('submitter contact', () => {
  it('reads an e-mail or a mobile, and nothing from an empty contact', () => {
    expect(contactOfSubmitter({ submitterName: '王女士', contact: 'a@example.org' })).toEqual({ name: '王女士', email: 'a@example.org' });
    expect(contactOfSubmitter({ submitterName: '', contact: '13912345678' })).toEqual({ name: '市民', mobile: '13912345678' });
    expect(contactOfSubmitter({ submitterName: 'x', contact: ' ' })).toBeUndefined();
  });
});
