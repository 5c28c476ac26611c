import { describe, expect, it } from 'vitest';
import { receiptDate } from './disclosure-requests.receipt.js';
import { computeClock, correctionRequestLimit, describeClock, workingDaysLeft } from './disclosure-requests.clock.js';
import { feeByPage, feeByRequest, feeFor, feeForNthRequest } from './disclosure-requests.fees.js';
import { allowedActions, transition, type CaseFacts } from './disclosure-requests.status.js';
import { isValidOutcome, OUTCOME_ROWS } from './disclosure-requests.codes.js';
import { clusterRequests, contentWords, jaccard } from './disclosure-requests.similarity.js';

describe('receipt date (Art. 31)', () => {
  it('takes the day handed in, signed for, or confirmed by the office, per channel', () => {
    const facts = { handedInOn: '2026-11-02', signedForOn: '2026-11-03', confirmedOn: '2026-11-04' };
    expect(receiptDate({ channel: 'in_person', ...facts })).toEqual({ ok: true, date: '2026-11-02' });
    expect(receiptDate({ channel: 'registered_post', ...facts })).toEqual({ ok: true, date: '2026-11-03' });
    expect(receiptDate({ channel: 'ordinary_post', ...facts })).toEqual({ ok: true, date: '2026-11-04' });
    expect(receiptDate({ channel: 'online', ...facts })).toEqual({ ok: true, date: '2026-11-04' });
    expect(receiptDate({ channel: 'fax', ...facts })).toEqual({ ok: true, date: '2026-11-04' });
  });
  it('names the missing fact instead of guessing (posting date is not the receipt date)', () => {
    expect(receiptDate({ channel: 'registered_post', handedInOn: '2026-11-02' })).toEqual({ ok: false, missing: 'signedForOn' });
    expect(receiptDate({ channel: 'online' })).toEqual({ ok: false, missing: 'confirmedOn' });
  });
});

describe('the clock', () => {
  it('counts 20 working days across 国庆 2026, skipping the holiday and counting the 10-10 make-up day', () => {
    const c = computeClock({ receivedOn: '2026-09-28' });
    expect(c.dueOn).toBe('2026-10-30');
    expect(c.stoppedBy).toBeNull();
  });
  it('does not count a third-party consultation and adds one extension with its approver', () => {
    const c = computeClock({
      receivedOn: '2026-09-28',
      consultations: [{ kind: 'third_party', sentOn: '2026-10-09', answeredOn: '2026-10-16' }],
      extension: { days: 20, approvedOn: '2026-11-02', approver: '王主任' },
    });
    // 10-10 (make-up Saturday) and 10-12..16 are paused: 6 working days later than 10-30.
    expect(c.steps.find((s) => s.kind === 'count')).toMatchObject({ date: '2026-11-09' });
    expect(c.steps.find((s) => s.kind === 'pause')).toMatchObject({ workingDays: 6, open: false });
    expect(c.dueOn).toBe('2026-12-07');
    const lines = describeClock(c, 'zh-CN');
    expect(lines.join('\n')).toContain('延期 +20 个工作日，经 王主任 于 2026-11-02 批准 → 2026-12-07');
    expect(lines.at(-1)).toBe('截止 2026-12-07');
  });
  it('restarts from the day the corrected application arrives', () => {
    const c = computeClock({ receivedOn: '2026-11-03', correction: { requestedOn: '2026-11-05', arrivedOn: '2026-11-12' } });
    expect(c.start).toBe('2026-11-12');
    expect(c.dueOn).toBe('2026-12-10');
    expect(describeClock(c, 'zh-CN')[2]).toBe('暂停 补正 2026-11-05 至 2026-11-12（5个工作日），自收到补正申请之日 2026-11-12 重新起算');
  });
  it('has no deadline while a correction is awaited, but a correction due date (15 working days by default)', () => {
    const c = computeClock({ receivedOn: '2026-11-03', correction: { requestedOn: '2026-11-05', arrivedOn: null } });
    expect(c.dueOn).toBeNull();
    expect(c.stoppedBy).toBe('correction');
    expect(c.correctionDueOn).toBe('2026-11-26');
    expect(computeClock({ receivedOn: '2026-11-03', correction: { requestedOn: '2026-11-05', arrivedOn: null, correctionDays: 10 } }).correctionDueOn).toBe('2026-11-19');
  });
  it('treats an unanswered co-agency consultation as running to its 15-day limit (silence = consent)', () => {
    const c = computeClock({ receivedOn: '2026-11-03', consultations: [{ kind: 'co_agency', sentOn: '2026-11-04', answeredOn: null }] });
    expect(c.stoppedBy).toBe('co_agency');
    expect(c.steps.find((s) => s.kind === 'pause')).toMatchObject({ to: '2026-11-25', workingDays: 15, open: true });
    expect(c.dueOn).toBe('2026-12-22');
  });
  it('limits correction requests to 7 working days of receipt and counts days left', () => {
    expect(correctionRequestLimit('2026-09-28')).toBe('2026-10-13');
    expect(workingDaysLeft('2026-11-06', '2026-11-03')).toBe(3);
    expect(workingDaysLeft('2026-11-03', '2026-11-06')).toBe(-3);
    expect(computeClock({ receivedOn: null }).dueOn).toBeNull();
  });
});

describe('fees (国办函〔2020〕109号)', () => {
  it('charges by request per applicant per month in bands', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 51].map(feeForNthRequest)).toEqual([0, 0, 100, 100, 200, 200, 300, 400]);
    expect(feeByRequest(0, 10)).toBe(0);
    expect(feeByRequest(9, 3)).toBe(200);
    expect(feeByRequest(0, 35)).toBe(20 * 100 + 5 * 200);
  });
  it('charges by page only for the part in each band', () => {
    expect(feeByPage(30)).toBe(0);
    expect(feeByPage(31)).toBe(10);
    expect(feeByPage(100)).toBe(700);
    expect(feeByPage(150)).toBe(700 + 50 * 20);
    expect(feeByPage(250)).toBe(700 + 2000 + 50 * 40);
  });
  it('uses one mode only', () => {
    expect(feeFor({ mode: 'by_page', pages: 31, earlierRequests: 40 })).toBe(10);
    expect(feeFor({ mode: 'by_request', pages: 500, earlierRequests: 10 })).toBe(100);
  });
});

describe('transitions', () => {
  const base: CaseFacts = { state: 'pending', received: true, corrected: false, correctionRequested: false, extended: false, feeOutstanding: false };
  it('allows a correction once and an extension once', () => {
    expect(transition(base, 'request_correction')).toEqual({ ok: true, state: 'awaiting_correction' });
    expect(transition({ ...base, correctionRequested: true }, 'request_correction')).toEqual({ ok: false, reason: 'correction_once' });
    expect(transition(base, 'extend')).toEqual({ ok: true, state: 'extended' });
    expect(transition({ ...base, state: 'extended', extended: true }, 'extend')).toEqual({ ok: false, reason: 'extension_once' });
  });
  it('returns to extended after a consultation on an extended case', () => {
    expect(transition({ ...base, state: 'third_party', extended: true }, 'consultation_done')).toEqual({ ok: true, state: 'extended' });
    expect(transition({ ...base, state: 'co_handling' }, 'consultation_done')).toEqual({ ok: true, state: 'pending' });
  });
  it('withdraws on a lapsed correction or fee and refuses to reply with a fee outstanding', () => {
    expect(transition({ ...base, state: 'awaiting_correction', correctionRequested: true }, 'correction_lapsed')).toEqual({ ok: true, state: 'withdrawn' });
    expect(transition({ ...base, feeOutstanding: true }, 'fee_lapsed')).toEqual({ ok: true, state: 'withdrawn' });
    expect(transition({ ...base, feeOutstanding: true }, 'reply')).toEqual({ ok: false, reason: 'fee_outstanding' });
  });
  it('needs a receipt before anything but confirmation or withdrawal', () => {
    const unconfirmed = { ...base, received: false };
    expect(allowedActions(unconfirmed)).toEqual(['confirm_receipt', 'withdraw']);
  });
  it('moves answered cases to review, litigation and supplementary answers, never back to pending', () => {
    const answered = { ...base, state: 'answered' as const };
    expect(transition(answered, 'start_review')).toEqual({ ok: true, state: 'review' });
    expect(transition({ ...base, state: 'review' }, 'start_litigation')).toEqual({ ok: true, state: 'litigation' });
    expect(transition(answered, 'supplement')).toEqual({ ok: true, state: 'supplementary' });
    expect(transition(answered, 'reply')).toEqual({ ok: false, reason: 'not_allowed' });
    expect(transition({ ...base, state: 'withdrawn' }, 'withdraw')).toEqual({ ok: false, reason: 'not_allowed' });
  });
});

describe('outcome codes', () => {
  it('has the report rows in order with sub-reasons required where listed', () => {
    expect(OUTCOME_ROWS).toHaveLength(2 + 8 + 3 + 5 + 3);
    expect(isValidOutcome('disclosed', null)).toBe(true);
    expect(isValidOutcome('not_disclosed', null)).toBe(false);
    expect(isValidOutcome('other', 'unpaid_fee')).toBe(true);
    expect(isValidOutcome('other', 'repeated')).toBe(false);
  });
});

describe('similarity', () => {
  it('groups requests for the same information despite different wording', () => {
    const texts = ['申请公开城南片区房屋征收补偿标准', '请提供城南片区征收补偿标准文件', '申请公开2025年财政预算执行情况', '城南片区房屋征收的补偿标准是多少'];
    const groups = clusterRequests(texts, (t) => t);
    expect(groups[0]?.items).toHaveLength(3);
    expect(groups[0]?.keywords).toContain('补偿');
    expect(jaccard(contentWords(texts[0] ?? ''), contentWords(texts[2] ?? ''))).toBeLessThan(0.3);
  });
});
