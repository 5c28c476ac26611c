import { describe, expect, it } from 'vitest';
import { availableActions, caseDueOn, dueState, nextStatus } from './service-cases.status.js';

describe('case transitions', () => {
  it('runs the window → back office → delivery path', () => {
    const steps = [
      ['submitted', 'accept', 'window', 'accepted'],
      ['accepted', 'start_review', 'back_office', 'in_review'],
      ['in_review', 'approve', 'back_office', 'approved'],
      ['approved', 'prepare_delivery', 'window', 'ready_for_delivery'],
      ['ready_for_delivery', 'deliver', 'window', 'delivered'],
    ] as const;
    for (const [status, action, by, to] of steps) {
      expect(nextStatus({ status, correctionCount: 0, action, by })).toEqual({ ok: true, to });
    }
  });

  it('allows one correction round only, listing the materials', () => {
    expect(nextStatus({ status: 'submitted', correctionCount: 0, action: 'request_correction', by: 'window', correctionItems: ['营业执照'] })).toEqual({ ok: true, to: 'correction_requested' });
    expect(nextStatus({ status: 'submitted', correctionCount: 0, action: 'request_correction', by: 'window', correctionItems: [] })).toEqual({ ok: false, error: 'items_required' });
    expect(nextStatus({ status: 'correction_requested', correctionCount: 1, action: 'resubmit', by: 'applicant' })).toEqual({ ok: true, to: 'resubmitted' });
    // After resubmission the window accepts or refuses to accept; a second correction is impossible.
    expect(nextStatus({ status: 'resubmitted', correctionCount: 1, action: 'request_correction', by: 'window', correctionItems: ['x'] })).toEqual({ ok: false, error: 'wrong_state' });
    expect(nextStatus({ status: 'submitted', correctionCount: 1, action: 'request_correction', by: 'window', correctionItems: ['x'] })).toEqual({ ok: false, error: 'correction_used' });
    expect(availableActions('submitted', 1, 'window')).not.toContain('request_correction');
    expect(nextStatus({ status: 'resubmitted', correctionCount: 1, action: 'accept', by: 'window' })).toEqual({ ok: true, to: 'accepted' });
  });

  it('requires reasons for not accepting and refusing', () => {
    expect(nextStatus({ status: 'submitted', correctionCount: 0, action: 'not_accept', by: 'window', note: ' ' })).toEqual({ ok: false, error: 'reason_required' });
    expect(nextStatus({ status: 'submitted', correctionCount: 0, action: 'not_accept', by: 'window', note: '不属于本机关职权' })).toEqual({ ok: true, to: 'not_accepted' });
    expect(nextStatus({ status: 'in_review', correctionCount: 0, action: 'refuse', by: 'back_office' })).toEqual({ ok: false, error: 'reason_required' });
  });

  it('keeps each actor to their steps', () => {
    expect(nextStatus({ status: 'accepted', correctionCount: 0, action: 'start_review', by: 'window' })).toEqual({ ok: false, error: 'wrong_actor' });
    expect(nextStatus({ status: 'submitted', correctionCount: 0, action: 'accept', by: 'back_office' })).toEqual({ ok: false, error: 'wrong_actor' });
    expect(nextStatus({ status: 'submitted', correctionCount: 0, action: 'instant_approve', by: 'system' })).toEqual({ ok: true, to: 'approved' });
  });

  it('lets the applicant withdraw only before the decision', () => {
    for (const s of ['submitted', 'correction_requested', 'resubmitted', 'accepted', 'in_review'] as const) {
      expect(nextStatus({ status: s, correctionCount: 0, action: 'withdraw', by: 'applicant' }).ok).toBe(true);
    }
    for (const s of ['approved', 'refused', 'delivered', 'not_accepted'] as const) {
      expect(nextStatus({ status: s, correctionCount: 0, action: 'withdraw', by: 'applicant' })).toEqual({ ok: false, error: 'wrong_state' });
    }
  });
});

describe('case deadlines in working days', () => {
  it('skips the National Day holiday and counts the make-up Saturday', () => {
    // Accepted Tue 2026-09-29; 1–7 Oct are holidays, Sat 10 Oct is a working day (调休).
    // Counted: 30 Sep, 8 Oct, 9 Oct, 10 Oct, 12 Oct → due Mon 12 Oct.
    expect(caseDueOn('2026-09-29', 5)).toBe('2026-10-12');
  });

  it('does not count days paused for a correction', () => {
    const plain = caseDueOn('2026-11-02', 5);
    expect(plain).toBe('2026-11-09');
    expect(caseDueOn('2026-11-02', 5, [{ from: '2026-11-03', to: '2026-11-04', reason: '补正' }])).toBe('2026-11-11');
  });

  it('makes an on-the-spot item due the day it is accepted', () => {
    expect(caseDueOn('2026-11-30', 0)).toBe('2026-11-30');
  });

  it('tells overdue and due-soon cases apart in working days', () => {
    expect(dueState('2026-11-27', '2026-11-30')).toBe('overdue');
    // Fri → Tue is two working days (Mon, Tue).
    expect(dueState('2026-12-01', '2026-11-27')).toBe('due_soon');
    expect(dueState('2026-12-04', '2026-11-27')).toBe('on_time');
    expect(dueState(null, '2026-11-27')).toBe('none');
  });
});
