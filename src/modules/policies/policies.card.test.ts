import { describe, expect, it } from 'vitest';
import { CARD_MAX_LINE_CHARS, CARD_MAX_LINES, cardField, cardFromInput, cardToForm, charWidth, isEmptyCard, missingCardSections, parseCard, serializeCard, wrapText, type PolicyCard } from './policies.card.js';

const EMPTY: PolicyCard = { headline: '', audience: [], support: [], deadlines: [], howToApply: [], contacts: [] };
const width = (s: string) => [...s].reduce((w, ch) => w + charWidth(ch), 0);
// Punctuation that may not start a line (避头) and that may not end one (尾).
const NO_START = [...'，。、；：！？）》」』”’】〕…'];
const NO_END = [...'（《「『“‘【〔'];

describe('policy card input', () => {
  it('names the form fields after the sections', () => {
    expect(cardField('headline')).toBe('cardHeadline');
    expect(cardField('audience')).toBe('cardAudience');
    expect(cardField('howToApply')).toBe('cardHowToApply');
  });

  it('reads one item per line, trimmed, without blank lines (CRLF too)', () => {
    const { card, problems } = cardFromInput({
      cardHeadline: '  旧厂房改造最高补助100万元  ',
      cardAudience: '  本市企业 \r\n\r\n   \n 个体工商户\n',
      cardSupport: '补助',
      cardHowToApply: '\n\n网上申请\n\n',
      cardDeadlines: undefined,
      cardContacts: 42,
    });
    expect(problems).toEqual([]);
    expect(card).toEqual({ headline: '旧厂房改造最高补助100万元', audience: ['本市企业', '个体工商户'], support: ['补助'], deadlines: [], howToApply: ['网上申请'], contacts: [] });
  });

  it('counts only non-blank lines against the limit', () => {
    const ok = Array.from({ length: CARD_MAX_LINES }, (_, i) => `第${i + 1}项`).join('\n\n\n');
    expect(cardFromInput({ cardSupport: ok }).problems).toEqual([]);
    const tooMany = Array.from({ length: CARD_MAX_LINES + 1 }, (_, i) => `第${i + 1}项`).join('\n');
    expect(cardFromInput({ cardSupport: tooMany }).problems).toEqual([{ field: 'cardSupport', key: 'policies.card_too_many_lines', params: { max: CARD_MAX_LINES } }]);
  });

  it('names the field and the line (counting items) of a line that is too long, in characters not bytes', () => {
    const fits = '字'.repeat(CARD_MAX_LINE_CHARS);
    expect(cardFromInput({ cardAudience: fits }).problems).toEqual([]);
    // Astral characters count once each.
    expect(cardFromInput({ cardAudience: '𠮷'.repeat(CARD_MAX_LINE_CHARS) }).problems).toEqual([]);
    const long = '字'.repeat(CARD_MAX_LINE_CHARS + 1);
    const { problems } = cardFromInput({ cardContacts: `电话\n\n邮箱\n${long}` });
    expect(problems).toEqual([{ field: 'cardContacts', key: 'policies.card_line_too_long', params: { line: 3, max: CARD_MAX_LINE_CHARS } }]);
  });

  it('reports every field with a problem at once', () => {
    const nine = Array.from({ length: CARD_MAX_LINES + 1 }, () => '项').join('\n');
    const { problems } = cardFromInput({ cardSupport: nine, cardHowToApply: 'x'.repeat(CARD_MAX_LINE_CHARS + 1) });
    expect(problems.map((p) => p.field).sort()).toEqual(['cardHowToApply', 'cardSupport']);
  });
});

describe('policy card: required sections and storage', () => {
  it('requires who may apply, the support and how to apply; deadlines, contacts and headline are optional', () => {
    expect(missingCardSections(EMPTY)).toEqual(['audience', 'support', 'howToApply']);
    expect(missingCardSections({ ...EMPTY, audience: ['企业'], howToApply: ['网上'] })).toEqual(['support']);
    expect(missingCardSections({ ...EMPTY, audience: ['企业'], support: ['补助'], howToApply: ['网上'] })).toEqual([]);
    // Only blank lines is nothing.
    expect(missingCardSections(cardFromInput({ cardAudience: '\n  \n', cardSupport: '补助', cardHowToApply: '网上' }).card)).toEqual(['audience']);
  });

  it('stores an empty card as an empty string and round-trips a full one', () => {
    expect(isEmptyCard(EMPTY)).toBe(true);
    expect(serializeCard(EMPTY)).toBe('');
    expect(parseCard('')).toEqual(EMPTY);
    const card: PolicyCard = { headline: '一句话', audience: ['企业', '"引号" & <尖括号>'], support: ['补助'], deadlines: ['2026年12月31日前'], howToApply: ['网上'], contacts: ['0760-1234'] };
    expect(parseCard(serializeCard(card))).toEqual(card);
    expect(isEmptyCard({ ...EMPTY, headline: '只有标题' })).toBe(false);
    expect(parseCard(serializeCard({ ...EMPTY, headline: '只有标题' }))).toEqual({ ...EMPTY, headline: '只有标题' });
  });

  it('reads damaged or foreign JSON as an empty card or the parts it can', () => {
    expect(parseCard('{not json')).toEqual(EMPTY);
    expect(parseCard('null')).toEqual(EMPTY);
    expect(parseCard('[1,2]')).toEqual(EMPTY);
    expect(parseCard('"text"')).toEqual(EMPTY);
    expect(parseCard(JSON.stringify({ headline: 7, audience: ['企业', 3, null], support: 'not a list' }))).toEqual({ ...EMPTY, audience: ['企业'] });
  });

  it('gives the editor form back one line per item', () => {
    const stored = serializeCard({ headline: '标题', audience: ['企业', '个人'], support: ['补助'], deadlines: [], howToApply: ['网上'], contacts: [] });
    expect(cardToForm(stored)).toEqual({ cardHeadline: '标题', cardAudience: '企业\n个人', cardSupport: '补助', cardDeadlines: '', cardHowToApply: '网上', cardContacts: '' });
    expect(cardFromInput(cardToForm(stored)).card).toEqual(parseCard(stored));
    expect(cardToForm('{broken')).toEqual({ cardHeadline: '', cardAudience: '', cardSupport: '', cardDeadlines: '', cardHowToApply: '', cardContacts: '' });
  });
});

describe('wrapText (Chinese line breaking)', () => {
  const samples = [
    '按投资额给予最高100万元补助，每家企业每年最多申请一次。',
    '本市行政区域内依法登记注册、具有独立法人资格的工业企业（含“个转企”企业），且近三年无重大违法记录。',
    '申请人通过“中山市政务服务网”提交《申请表》、营业执照复印件、项目投资证明等材料；逾期不予受理！',
    '咨询电话：0760-8888 8888，工作日上午9:00至12:00，下午14:30至17:30。',
    '对自身原因闲置土地满两年的，依法无偿收回；属于政府原因闲置土地的，另行处置。',
    'Apply online at www.zs.gov.cn before 31 December 2026, or call 12345.',
  ];
  const widths = [6, 8, 10, 13, 17.5, 24];

  it('keeps every character, in order', () => {
    for (const s of samples) {
      for (const w of widths) {
        expect(wrapText(s, w).join('').replace(/\s/g, '')).toBe(s.replace(/\s/g, ''));
      }
    }
  });

  it('keeps lines within the width (a line may only overhang by hanging punctuation)', () => {
    for (const s of samples) {
      for (const w of widths) {
        // A word wider than the line cannot fit anywhere; it is kept whole on a line of its own.
        if ((s.match(/[A-Za-z0-9.%\-/]+/g) ?? []).some((word) => width(word) > w)) {
          continue;
        }
        for (const line of wrapText(s, w)) {
          const body = line.replace(new RegExp(`[${NO_START.join('')},.;:!?)]+$`, 'u'), '');
          expect(width(body), `${JSON.stringify(line)} at ${w}`).toBeLessThanOrEqual(w + 1e-9);
        }
      }
    }
  });

  it('does not break a short text', () => {
    expect(wrapText('谁可以申请', 10)).toEqual(['谁可以申请']);
    expect(wrapText('', 10)).toEqual([]);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    for (const s of samples) {
      for (const w of widths) {
        const lines = wrapText(s, w);
        lines.forEach((line, i) => {
          if (i > 0) {
            expect(NO_START, `line ${i} of ${JSON.stringify(lines)}`).not.toContain([...line][0]);
          }
          if (i < lines.length - 1) {
            expect(NO_END, `line ${i} of ${JSON.stringify(lines)}`).not.toContain([...line].at(-1));
          }
        });
      }
    }
    // The comma would start the second line: it hangs on the first instead.
    expect(wrapText('一二三四，五六七八', 4)).toEqual(['一二三四，', '五六七八']);
    // The opening bracket would end the first line: it moves down with what it opens.
    expect(wrapText('一二三（四五）六七', 4)).toEqual(['一二三', '（四五）', '六七']);
  });

  // Bug: only the first of two closing marks hangs; the second starts the next line.
  it('does not start a line with the second of two closing marks （…）。', () => {
    const lines = wrapText('一二三四）。六七八九十', 4);
    for (const line of lines.slice(1)) {
      expect(NO_START).not.toContain([...line][0]);
    }
  });

  it('keeps Latin words and numbers whole', () => {
    for (const s of samples) {
      for (const w of widths) {
        const lines = wrapText(s, w);
        for (const word of s.match(/[A-Za-z0-9]+/g) ?? []) {
          expect(
            lines.some((l) => l.includes(word)),
            `${word} in ${JSON.stringify(lines)}`,
          ).toBe(true);
        }
      }
    }
    expect(wrapText('申请时间为2023年', 5)).toEqual(['申请时间为', '2023年']);
  });

  it('leaves no one-character last line', () => {
    expect(wrapText('一二三四五六七八九', 4)).toEqual(['一二三四', '五六七', '八九']);
    for (const s of samples) {
      for (const w of widths) {
        const lines = wrapText(s, w);
        if (lines.length > 1) {
          expect([...lines.at(-1)!].length, JSON.stringify(lines)).toBeGreaterThan(1);
        }
      }
    }
  });

  // Bug: the orphan fix takes the last character of a number or word to keep the single character company.
  it('does not split a number to keep a last character company', () => {
    const lines = wrapText('一二三1234五', 5.5);
    expect(lines.some((l) => l.includes('1234'))).toBe(true);
  });

  // Bug: when the line above ends with punctuation the orphan is left alone.
  it('leaves no one-character last line when the line above ends with punctuation', () => {
    const lines = wrapText('一二三四五六七八，九', 8);
    expect([...lines.at(-1)!].length).toBeGreaterThan(1);
  });
});
