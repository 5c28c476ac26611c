import { describe, expect, it } from 'vitest';
import { acceptsQuestions, dialoguePhase } from './dialogues.phase.js';
import { formatGuests, paragraphs, parseGuests, policyIndexLines } from './dialogues.guests.js';
import { chinaLocalToIso, isoToChinaLocal } from '../../platform/clock.js';

const d = { startsAt: '2026-12-18T07:00:00.000Z', endsAt: '2026-12-18T08:30:00.000Z' };

describe('dialogue phase', () => {
  it('is upcoming before the start, live from the start, archived from the end', () => {
    expect(dialoguePhase(d, '2026-12-18T06:59:59.999Z')).toBe('upcoming');
    expect(dialoguePhase(d, '2026-12-18T07:00:00.000Z')).toBe('live');
    expect(dialoguePhase(d, '2026-12-18T08:29:59.999Z')).toBe('live');
    expect(dialoguePhase(d, '2026-12-18T08:30:00.000Z')).toBe('archived');
    expect(dialoguePhase(d, new Date('2027-01-01T00:00:00Z'))).toBe('archived');
  });

  it('takes questions before and during the dialogue, not after', () => {
    expect(acceptsQuestions(d, '2026-12-01T00:00:00Z')).toBe(true);
    expect(acceptsQuestions(d, '2026-12-18T08:00:00Z')).toBe(true);
    expect(acceptsQuestions(d, '2026-12-18T08:30:00Z')).toBe(false);
  });

  it('reads Beijing wall-clock times as instants and back', () => {
    expect(chinaLocalToIso('2026-12-18 15:00')).toBe('2026-12-18T07:00:00.000Z');
    expect(chinaLocalToIso('2026-12-18T07:30')).toBe('2026-12-17T23:30:00.000Z');
    expect(chinaLocalToIso('2026-02-30 10:00')).toBeUndefined();
    expect(chinaLocalToIso('2026-12-18 24:00')).toBeUndefined();
    expect(chinaLocalToIso('明天下午')).toBeUndefined();
    expect(isoToChinaLocal('2026-12-17T23:30:00.000Z')).toBe('2026-12-18T07:30');
  });
});

describe('guest lines', () => {
  it('reads one guest per line with either bar, skipping blank lines', () => {
    expect(parseGuests('黄新健｜支队长\n\n饶俊 | 法制科科长\n')).toEqual({
      guests: [
        { name: '黄新健', post: '支队长' },
        { name: '饶俊', post: '法制科科长' },
      ],
    });
  });

  it('names the line at fault', () => {
    expect(parseGuests('黄新健｜支队长\n饶俊').problem).toEqual({ key: 'dialogues.guest_line_format', params: { line: 2 } });
    expect(parseGuests('｜支队长').problem?.params).toEqual({ line: 1 });
    expect(parseGuests('a｜b｜c').problem?.key).toBe('dialogues.guest_line_format');
    expect(parseGuests(`${'名'.repeat(61)}｜局长`).problem?.key).toBe('dialogues.guest_line_too_long');
    expect(parseGuests('  \n').problem?.key).toBe('dialogues.guests_required');
    expect(parseGuests(Array.from({ length: 21 }, (_, i) => `嘉宾${i}｜职务`).join('\n')).problem?.key).toBe('dialogues.guests_too_many');
  });

  it('formats guests back for the form', () => {
    expect(formatGuests([{ name: '郭建宏', post: '局长' }])).toBe('郭建宏｜局长');
  });

  it('lists index numbers with their lines, once each', () => {
    expect(policyIndexLines('A/1\n\nB/2\nA/1')).toEqual([
      { line: 1, indexNo: 'A/1' },
      { line: 3, indexNo: 'B/2' },
    ]);
    expect(paragraphs('一\n\n 二 \n')).toEqual(['一', '二']);
  });
});
