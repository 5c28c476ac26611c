import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, icalUtc } from './open-days.ical.js';
import { facetCounts, groupProgramme, matches, remaining, totals, type ProgrammePoint } from './open-days.programme.js';
import { adoptionRefusal, canAdopt, canModerate, rankNeeds, surveyState, voterKey } from './open-days.survey.js';
import { formatSections, parseSections, parseThemes, DEFAULT_SECTIONS } from './open-days.template.js';
import { attendanceRate } from './open-days.report.js';
import { watchedToday } from './open-days.public.js';
import { locatorSvg, mapLink } from '../../platform/map.js';

const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a Chinese character, and unfolds back', () => {
    const line = 'SUMMARY:' + '政务开放日初心同行'.repeat(12);
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      // Every part is whole UTF-8: no replacement characters after a round trip.
      expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p);
    }
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(unfold(folded)).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('writes UTC date-times', () => {
    expect(icalUtc('2019-10-22T01:30:00.000Z')).toBe('20191022T013000Z');
  });

  it('builds a calendar with one VEVENT per session, CRLF line ends and stable UIDs', () => {
    const ev = { uid: 'open-day-session-7@gongkai', startsAt: '2019-10-22T01:30:00.000Z', endsAt: '2019-10-22T03:30:00.000Z', stamp: '2019-10-01T00:00:00.000Z', summary: '初心·同行：垃圾分类, 城管', location: '北京市朝阳区;高安屯', description: '第一行\n第二行', geo: { lat: 39.9, lng: 116.5 } };
    const cal = buildCalendar('北京市政务开放日', [ev, { ...ev, uid: 'open-day-session-8@gongkai' }]);
    expect(cal.endsWith('\r\n')).toBe(true);
    expect(cal.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const lines = unfold(cal).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:open-day-session-7@gongkai');
    expect(lines).toContain('DTSTART:20191022T013000Z');
    expect(lines).toContain('SUMMARY:初心·同行：垃圾分类\\, 城管');
    expect(lines).toContain('LOCATION:北京市朝阳区\\;高安屯');
    expect(lines).toContain('DESCRIPTION:第一行\\n第二行');
    expect(lines).toContain('GEO:39.900000;116.500000');
    expect(buildCalendar('x', [ev])).toBe(buildCalendar('x', [ev]));
  });
});

const pt = (id: number, over: Partial<ProgrammePoint> = {}): ProgrammePoint => ({ id, code: `P${id}`, level: 'district', district: '朝阳区', themeId: 1, topic: `点位${id}`, organiser: '单位', capacity: 40, booked: 10, sessions: 1, onlineVisits: 5, ...over });

describe('programme', () => {
  const themes = [
    { id: 1, day: '2019-10-22', titleZh: '优化营商环境', titleEn: 'Business' },
    { id: 2, day: '2019-10-23', titleZh: '城市管理服务', titleEn: 'Urban' },
  ];
  const points = [pt(1, { level: 'street' }), pt(2, { level: 'city' }), pt(3, { themeId: 2, district: '海淀区' }), pt(4, { themeId: null }), pt(5)];

  it('groups by themed day in campaign order, then city, district, street; unthemed last', () => {
    const g = groupProgramme(themes, points);
    expect(g.map((d) => d.theme?.id ?? null)).toEqual([1, 2, null]);
    expect(g[0]!.levels.map((l) => l.level)).toEqual(['city', 'district', 'street']);
    expect(g[0]!.count).toBe(3);
    expect(g[0]!.levels[1]!.points.map((p) => p.id)).toEqual([5]);
    expect(groupProgramme(themes, [])).toEqual([]);
  });

  it('filters and counts each facet over the other filters', () => {
    expect(points.filter((p) => matches(p, { level: 'district' })).map((p) => p.id)).toEqual([3, 4, 5]);
    const f = facetCounts(points, { theme: 1, level: 'district' });
    // Theme counts ignore the theme filter but keep the level one.
    expect(f.theme.get(1)).toBe(1);
    expect(f.theme.get(2)).toBe(1);
    expect(f.level.get('city')).toBe(1);
    expect(f.district.get('朝阳区')).toBe(1);
  });

  it('counts places left and totals', () => {
    expect(remaining({ capacity: 10, booked: 12 })).toBe(0);
    expect(remaining({ capacity: 10, booked: 3 })).toBe(7);
    expect(totals(points)).toEqual({ points: 5, capacity: 200, booked: 50, onlineVisits: 25 });
  });
});

describe('needs survey rules', () => {
  it('keys a voter by account or by cookie, hashed, never equal across the two', () => {
    expect(voterKey({ userId: 5 })).toBe(voterKey({ userId: 5 }));
    expect(voterKey({ userId: 5 })).not.toBe(voterKey({ userId: 6 }));
    expect(voterKey({ userId: 5 })).not.toBe(voterKey({ cookie: '5' }));
    expect(voterKey({ cookie: 'abc' })).toMatch(/^[0-9a-f]{64}$/);
    expect(voterKey({ cookie: 'abc' })).not.toContain('abc');
  });

  it('is open from the first to the last day inclusive', () => {
    const c = { surveyOpensOn: '2026-11-10', surveyClosesOn: '2026-12-08' };
    expect(surveyState(c, '2026-11-09')).toBe('upcoming');
    expect(surveyState(c, '2026-11-10')).toBe('open');
    expect(surveyState(c, '2026-12-08')).toBe('open');
    expect(surveyState(c, '2026-12-09')).toBe('closed');
    expect(surveyState({ surveyOpensOn: null, surveyClosesOn: null }, '2026-12-01')).toBe('none');
  });

  it('moderates pending proposals and can reverse a decision, never back to pending', () => {
    expect(canModerate('pending', 'published')).toBe(true);
    expect(canModerate('pending', 'rejected')).toBe(true);
    expect(canModerate('published', 'rejected')).toBe(true);
    expect(canModerate('rejected', 'published')).toBe(true);
    expect(canModerate('published', 'published')).toBe(false);
  });

  it('adopts only a published proposal, and only as a point of its own campaign', () => {
    const point = { campaignId: 7 };
    expect(adoptionRefusal({ status: 'published', campaignId: 7 }, point)).toBeNull();
    expect(canAdopt({ status: 'published', campaignId: 7 }, point)).toBe(true);
    expect(adoptionRefusal({ status: 'published', campaignId: 8 }, point)).toBe('other_campaign');
    expect(canAdopt({ status: 'published', campaignId: 8 }, point)).toBe(false);
    for (const status of ['pending', 'rejected']) {
      expect(adoptionRefusal({ status, campaignId: 7 }, point)).toBe('not_published');
      expect(canAdopt({ status, campaignId: 7 }, point)).toBe(false);
    }
    // An unpublished proposal is refused for that, whatever the point.
    expect(adoptionRefusal({ status: 'pending', campaignId: 8 }, point)).toBe('not_published');
  });

  it('ranks by votes, then the earlier proposal', () => {
    const r = rankNeeds([
      { id: 1, votes: 3, createdAt: '2026-11-12' },
      { id: 2, votes: 9, createdAt: '2026-11-13' },
      { id: 3, votes: 3, createdAt: '2026-11-11' },
    ]);
    expect(r.map((n) => n.id)).toEqual([2, 3, 1]);
  });
});

describe('template and themes', () => {
  it('round-trips the default template and names the bad line', () => {
    expect(parseSections(formatSections(DEFAULT_SECTIONS)).sections).toEqual(DEFAULT_SECTIONS);
    expect(parseSections('content｜开放内容｜What\nBad line').problem).toEqual({ key: 'openDays.template_line', params: { line: 2 } });
    expect(parseSections('a｜甲｜A\na｜乙｜B').problem?.key).toBe('openDays.template_duplicate');
    expect(parseSections('  ').problem?.key).toBe('openDays.template_empty');
  });

  it('keeps themed days inside the campaign', () => {
    expect(parseThemes('2019-10-22｜优化营商环境｜Business', '2019-10-22', '2019-10-25').themes).toHaveLength(1);
    expect(parseThemes('2019-10-26｜保障民生｜Livelihoods', '2019-10-22', '2019-10-25').problem).toEqual({ key: 'openDays.theme_outside', params: { line: 1, day: '2019-10-26' } });
    expect(parseThemes('2019-02-30｜x｜y', undefined, undefined).problem?.key).toBe('openDays.theme_line');
  });
});

describe('report, online visits, map, demo generator', () => {
  it('computes the attendance rate over those expected', () => {
    expect(attendanceRate(0, 0)).toBeNull();
    expect(attendanceRate(95, 5)).toBe(95);
    expect(attendanceRate(2, 1)).toBe(66.7);
  });

  it('remembers watched points for the day only', () => {
    expect(watchedToday('2026-11-29|3,5', '2026-11-29')).toEqual([3, 5]);
    expect(watchedToday('2026-11-28|3,5', '2026-11-29')).toEqual([]);
    expect(watchedToday('garbage', '2026-11-29')).toEqual([]);
    expect(watchedToday(undefined, '2026-11-29')).toEqual([]);
  });

  it('draws the current point last and escapes labels', () => {
    const svg = locatorSvg(
      [
        { id: 1, lat: 39.9, lng: 116.4, label: '<甲>' },
        { id: 2, lat: 39.95, lng: 116.5, label: '乙' },
      ],
      1,
      '位置',
    );
    expect(svg).toContain('&lt;甲&gt;');
    expect(svg.indexOf('乙')).toBeLessThan(svg.indexOf('&lt;甲&gt;'));
    expect(svg).toContain('role="img"');
    expect(mapLink({ lat: null, lng: null, address: '北京市', topic: 't' })).toContain(encodeURIComponent('北京市'));
  });
});
