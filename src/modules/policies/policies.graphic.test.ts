import { describe, expect, it } from 'vitest';
import { describeGraphic, graphicSvgDocument, layoutGraphic, type GraphicInput } from './policies.graphic.js';
import type { PolicyCard } from './policies.card.js';

const LABELS = { audience: '谁可以申请', support: '支持什么、支持多少', deadlines: '时间节点', howToApply: '怎么申请', contacts: '咨询电话', footer: '查看原文：' };
const CARD: PolicyCard = {
  headline: '旧厂房改造最高补助100万元',
  audience: ['本市依法登记的工业企业', '近三年无重大违法记录'],
  support: ['按投资额给予最高100万元补助'],
  deadlines: [],
  howToApply: ['通过市政务服务网在线申请'],
  contacts: [],
};
const input = (over: Partial<GraphicInput> = {}, card: Partial<PolicyCard> = {}): GraphicInput => ({
  title: '关于深入推进旧厂房改造促进高质量发展的实施意见',
  docNumber: '中府〔2019〕12号',
  organ: '中山市人民政府',
  publishedOn: '2019-05-20',
  url: 'https://gongkai.example/policies/7',
  labels: LABELS,
  ...over,
  card: { ...CARD, ...card },
});
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('policy graphic (SVG)', () => {
  it('is an image for assistive technology, named by its title and described by its desc', () => {
    const svg = graphicSvgDocument(input());
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="policy-graphic-title policy-graphic-desc"');
    expect(svg).toContain('<title id="policy-graphic-title">关于深入推进旧厂房改造促进高质量发展的实施意见</title>');
    expect(svg).toMatch(/<desc id="policy-graphic-desc">[^<]+<\/desc>/);
  });

  it('describes every line of the card in <desc>, under its section label', () => {
    const g = input();
    const desc = describeGraphic(g);
    for (const line of [CARD.headline, ...CARD.audience, ...CARD.support, ...CARD.howToApply]) {
      expect(desc).toContain(line);
    }
    expect(desc).toContain('谁可以申请：本市依法登记的工业企业；近三年无重大违法记录');
    const svg = graphicSvgDocument(g);
    const descText = unescape(/<desc[^>]*>([^<]*)<\/desc>/.exec(svg)![1]!);
    expect(descText).toBe(desc);
  });

  it('draws every card line (wrapped) and the footer with the source address', () => {
    const svg = graphicSvgDocument(input());
    const drawn = texts(svg).map(unescape).join('');
    for (const line of [...CARD.audience, ...CARD.support, ...CARD.howToApply]) {
      expect(drawn).toContain(line);
    }
    expect(drawn).toContain('https://gongkai.example/policies/7');
    expect(drawn).toContain('中府〔2019〕12号');
  });

  it('escapes the text: markup in a card line or the title stays text', () => {
    const evil = '<script>alert("x")</script> & "引号"';
    const svg = graphicSvgDocument(input({ title: `标题<b>&"` }, { support: [evil] }));
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script');
    expect(svg).toContain('&amp; &quot;引号&quot;');
    expect(svg).toMatch(/<title id="policy-graphic-title">标题&lt;b(>|&gt;)&amp;&quot;<\/title>/);
    const desc = unescape(/<desc[^>]*>([^<]*)<\/desc>/.exec(svg)![1]!);
    expect(desc).toContain(evil);
    // Every "<" left in the document opens a known SVG element.
    const tags = new Set([...svg.matchAll(/<\/?([a-zA-Z?]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['?xml', 'circle', 'desc', 'g', 'rect', 'svg', 'text', 'title']);
  });

  it('grows taller with more content, and its height and viewBox agree', () => {
    const small = layoutGraphic(input());
    const more = layoutGraphic(input({}, { support: ['按投资额给予最高100万元补助', '对符合条件的项目给予贷款贴息，贴息比例不超过同期贷款市场报价利率的50%', '另给予一次性奖励'] }));
    expect(more.height).toBeGreaterThan(small.height);
    const longTitle = layoutGraphic(input({ title: '关于深入推进旧厂房改造促进高质量发展的实施意见'.repeat(3) }));
    expect(longTitle.height).toBeGreaterThan(small.height);
    const svg = graphicSvgDocument(input());
    expect(svg).toContain(`viewBox="0 0 750 ${small.height}"`);
    expect(svg).toContain(`height="${small.height}"`);
    // Everything drawn lies inside the picture.
    for (const op of small.ops) {
      expect(op.y).toBeLessThan(small.height);
      expect(op.y).toBeGreaterThanOrEqual(0);
    }
  });

  it('does not draw a section without items, and numbers the drawn sections 1, 2, 3', () => {
    const svg = graphicSvgDocument(input());
    const drawn = texts(svg).map(unescape);
    expect(drawn).toContain('谁可以申请');
    expect(drawn).toContain('怎么申请');
    expect(drawn).not.toContain('时间节点');
    expect(drawn).not.toContain('咨询电话');
    const badges = layoutGraphic(input()).ops.filter((o) => o.kind === 'badge').map((o) => (o as { n: number }).n);
    expect(badges).toEqual([1, 2, 3]);
    const full = layoutGraphic(input({}, { deadlines: ['2026年12月31日前'], contacts: ['0760-12345'] }));
    expect(full.ops.filter((o) => o.kind === 'badge')).toHaveLength(5);
    expect(describeGraphic(input())).not.toContain('时间节点');
  });

  it('draws no line wider than the picture', () => {
    const long = '本市行政区域内依法登记注册、具有独立法人资格的工业企业（含“个转企”企业），且近三年无重大违法记录，年主营业务收入2000万元以上。';
    const { ops } = layoutGraphic(input({}, { audience: [long] }));
    for (const o of ops) {
      if (o.kind === 'text') {
        // Full-width characters are one em each; allow one hanging punctuation mark.
        const ems = [...o.text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.62 : 1), 0);
        expect(o.x + (ems - 1) * o.size, o.text).toBeLessThanOrEqual(750);
      }
    }
  });

  it('leaves out an empty headline and an empty document number', () => {
    const g = input({ docNumber: '', publishedOn: null }, { headline: '' });
    expect(describeGraphic(g).startsWith(`${g.title}。谁可以申请`)).toBe(true);
    const drawn = texts(graphicSvgDocument(g)).map(unescape);
    expect(drawn).toContain('中山市人民政府');
  });
});
