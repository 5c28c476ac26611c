import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../http/context.js';
import { parseQa, qaToText } from './interpretations.qa.js';
import { InterpretationSchema, SurveySchema, FeedbackSchema } from './interpretations.schema.js';
import { interpretationActions } from './interpretations.service.js';
import { percent } from './interpretations.feedback.js';

const base = { policyId: '3', form: 'full', title: '全文通解', body: '正文', interpreterName: '刘建华', interpreterPost: '局长' };
const fieldsOf = (input: unknown) => {
  const r = InterpretationSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('Q&A text', () => {
  it('reads 问/答 pairs, with continuation lines and Q:/A:', () => {
    const r = parseQa('问：什么是工改工？\n答：保持工业用途的再开发。\n包括拆除重建。\n\nQ: 有奖励吗？\nA: 有。');
    expect(r.problem).toBeUndefined();
    expect(r.pairs).toEqual([
      { question: '什么是工改工？', answer: '保持工业用途的再开发。\n包括拆除重建。' },
      { question: '有奖励吗？', answer: '有。' },
    ]);
    expect(parseQa(qaToText(r.pairs)).pairs).toEqual(r.pairs);
  });
  it('names what is wrong', () => {
    expect(parseQa('').problem).toBe('interpretations.validation.qa_required');
    expect(parseQa('问：只有问题').problem).toBe('interpretations.validation.qa_missing_answer');
    expect(parseQa('答：没有问题').problem).toBe('interpretations.validation.qa_answer_without_question');
    expect(parseQa('开场白\n问：a\n答：b').problem).toBe('interpretations.validation.qa_text_before_question');
    expect(parseQa('问：a\n答：b\n答：c').problem).toBe('interpretations.validation.qa_answer_without_question');
  });
});

describe('interpretation input', () => {
  it('a text form needs a body; interpreter name and post are required', () => {
    expect(fieldsOf(base)).toEqual([]);
    expect(fieldsOf({ ...base, body: '', interpreterName: ' ', interpreterPost: '' })).toEqual(expect.arrayContaining(['body:validation.required', expect.stringMatching(/^interpreterName:/), expect.stringMatching(/^interpreterPost:/)]));
  });
  it('a media form needs an http(s) link and a transcript', () => {
    expect(fieldsOf({ ...base, form: 'video', body: '' })).toEqual(['mediaUrl:interpretations.validation.media_url_required', 'transcript:interpretations.validation.transcript_required']);
    expect(fieldsOf({ ...base, form: 'interview', mediaUrl: 'ftp://x.cn/a', transcript: 't' })).toEqual(['mediaUrl:interpretations.validation.media_url']);
    expect(fieldsOf({ ...base, form: 'animation', mediaUrl: 'javascript:alert(1)', transcript: 't' })).toEqual(['mediaUrl:interpretations.validation.media_url']);
    expect(fieldsOf({ ...base, form: 'animation', body: '', mediaUrl: 'https://example.gov.cn/a.mp4', transcript: '实录' })).toEqual([]);
  });
  it('a Q&A form needs well-formed pairs; unknown forms and fields are refused', () => {
    expect(fieldsOf({ ...base, form: 'qa', body: '', qa: '问：a' })).toEqual(['qa:interpretations.validation.qa_missing_answer']);
    expect(fieldsOf({ ...base, form: 'qa', body: '', qa: '问：a\n答：b' })).toEqual([]);
    expect(fieldsOf({ ...base, form: 'poem' })).toEqual([expect.stringMatching(/^form:/)]);
    expect(fieldsOf({ ...base, extra: 1 }).length).toBe(1);
  });
  it('feedback and survey', () => {
    expect(FeedbackSchema.safeParse({ helpful: 'yes' }).success).toBe(true);
    expect(FeedbackSchema.safeParse({ helpful: 'yes', comment: 'x'.repeat(501) }).success).toBe(false);
    expect(FeedbackSchema.safeParse({}).success).toBe(false);
    expect(SurveySchema.parse({ respondentType: 'enterprise', preferredForm: 'graphic', graphicNecessary: '' })).toEqual({ respondentType: 'enterprise', preferredForm: 'graphic' });
    expect(SurveySchema.safeParse({ respondentType: 'enterprise', preferredForm: 'poster' }).success).toBe(false);
  });
});

describe('workflow rules', () => {
  const user = (role: CurrentUser['role'], id = 1, departmentIds = [7]): CurrentUser => ({ id, username: 'u', displayName: 'u', role, departmentIds });
  const item = (status: string, authorId = 1) => ({ status, departmentId: 7, authorId });
  it('editors edit and submit drafts, reviewers approve others’ work', () => {
    expect(interpretationActions(user('editor'), item('draft'))).toMatchObject({ edit: true, submit: true, approve: false });
    expect(interpretationActions(user('reviewer', 2), item('in_review'))).toMatchObject({ approve: true, reject: true, edit: false });
    expect(interpretationActions(user('reviewer', 1), item('in_review', 1)).approve).toBe(false);
    expect(interpretationActions(user('admin', 1, []), item('in_review', 1)).approve).toBe(false);
    expect(interpretationActions(user('admin', 2, []), item('in_review', 1)).approve).toBe(true);
    expect(interpretationActions(user('reviewer', 2), item('published')).withdraw).toBe(true);
    expect(interpretationActions(user('reviewer', 2), item('approved'))).toMatchObject({ approve: false, reject: true });
  });
  it('nobody acts outside their departments', () => {
    const outsider = user('reviewer', 2, [8]);
    expect(Object.values(interpretationActions(outsider, item('in_review'))).some(Boolean)).toBe(false);
    expect(Object.values(interpretationActions(null, item('draft'))).some(Boolean)).toBe(false);
  });
  it('percentages with one decimal', () => {
    expect(percent(439, 500)).toBe(87.8);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBe(0);
  });
});
