import type { FieldProblem } from '../../http/errors.js';

// The common template (统一模板) of a campaign and its themed days, as staff type them (one per line)
// and as they are stored (JSON for the sections, rows for the themes).

/** One content section every open point fills (开放内容, 体验环节 …). */
export interface TemplateSection {
  key: string;
  titleZh: string;
  titleEn: string;
  hint: string;
}

/** One themed day as typed: "2019-10-22｜优化营商环境｜Business environment". */
export interface ThemeLine {
  day: string;
  titleZh: string;
  titleEn: string;
}

/** The template new campaigns start from. */
export const DEFAULT_SECTIONS: TemplateSection[] = [
  { key: 'content', titleZh: '开放内容', titleEn: 'What is open', hint: '开放的业务、场所和工作流程' },
  { key: 'experience', titleZh: '体验环节', titleEn: 'Hands-on experience', hint: '市民可以亲身体验的办事或工作环节' },
  { key: 'exchange', titleZh: '互动交流', titleEn: 'Dialogue', hint: '座谈交流的形式与话题、解答市民关切' },
  { key: 'notes', titleZh: '参观须知', titleEn: 'Visitor notes', hint: '证件、集合地点、交通与注意事项' },
];

/** The common process new campaigns start from (统一流程), one step per line. */
export const DEFAULT_PROCESS = ['签到入场（出示报名确认码）', '参观体验', '座谈交流', '填写意见建议'];

const SEP = /[｜|]/;
const KEY = /^[a-z][a-z0-9_]{0,29}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date YYYY-MM-DD. */
export function isDate(v: string): boolean {
  return DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
}

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, text: l.trim() }))
    .filter((l) => l.text !== '');

/** Reads the template sections, one per line "key｜中文标题｜English title｜hint"; the first problem is reported. */
export function parseSections(text: string): { sections: TemplateSection[]; problem?: Omit<FieldProblem, 'field'> } {
  const sections: TemplateSection[] = [];
  for (const { line, text: l } of lines(text)) {
    const [key = '', titleZh = '', titleEn = '', ...hint] = l.split(SEP).map((s) => s.trim());
    if (!KEY.test(key) || titleZh === '' || titleEn === '') {
      return { sections, problem: { key: 'openDays.template_line', params: { line } } };
    }
    if (sections.some((s) => s.key === key)) {
      return { sections, problem: { key: 'openDays.template_duplicate', params: { line, key } } };
    }
    sections.push({ key, titleZh: titleZh.slice(0, 100), titleEn: titleEn.slice(0, 100), hint: hint.join('｜').slice(0, 300) });
  }
  if (sections.length === 0) {
    return { sections, problem: { key: 'openDays.template_empty' } };
  }
  return { sections };
}

/** The sections as staff edit them. */
export function formatSections(sections: TemplateSection[]): string {
  return sections.map((s) => [s.key, s.titleZh, s.titleEn, s.hint].filter((x, i) => i < 3 || x !== '').join('｜')).join('\n');
}

/** The stored JSON of a campaign's sections (tolerant of hand-edited rows). */
export function sectionsOf(json: string): TemplateSection[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as TemplateSection[]).filter((s) => typeof s?.key === 'string') : [];
  } catch {
    return [];
  }
}

/** A point's own text per section key. */
export function pointSectionsOf(json: string): Record<string, string> {
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Reads the themed days, one per line "YYYY-MM-DD｜中文主题｜English theme", each day inside the campaign. */
export function parseThemes(text: string, startsOn: string | undefined, endsOn: string | undefined): { themes: ThemeLine[]; problem?: Omit<FieldProblem, 'field'> } {
  const themes: ThemeLine[] = [];
  for (const { line, text: l } of lines(text)) {
    const [day = '', titleZh = '', titleEn = ''] = l.split(SEP).map((s) => s.trim());
    if (!isDate(day) || titleZh === '' || titleEn === '') {
      return { themes, problem: { key: 'openDays.theme_line', params: { line } } };
    }
    if (startsOn && endsOn && (day < startsOn || day > endsOn)) {
      return { themes, problem: { key: 'openDays.theme_outside', params: { line, day } } };
    }
    if (themes.some((t) => t.day === day && t.titleZh === titleZh)) {
      return { themes, problem: { key: 'openDays.theme_duplicate', params: { line } } };
    }
    themes.push({ day, titleZh: titleZh.slice(0, 100), titleEn: titleEn.slice(0, 100) });
  }
  return { themes };
}

/** The themed days as staff edit them. */
export function formatThemes(themes: ThemeLine[]): string {
  return themes.map((t) => `${t.day}｜${t.titleZh}｜${t.titleEn}`).join('\n');
}

/** The process as a list of steps. */
export function processSteps(text: string): string[] {
  return lines(text).map((l) => l.text);
}
