import type { CurrentUser, Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { addWorkingDays } from '../../platform/calendar/index.js';
import { policyBriefByIndexNo } from '../policies/index.js';
import { OLD_FACTORY_2019 } from '../policies/policies.demo-data.js';
import { approveInterpretation, createInterpretation, submitInterpretation } from './interpretations.service.js';
import { recordFeedback, recordSurvey } from './interpretations.feedback.js';
import type { InterpretationInput, SurveyInput } from './interpretations.schema.js';
import './interpretations.hooks.js';
import { DEMO_INTERPRETATIONS, E_BIKE, HIGH_TECH } from './interpretations.demo-data.js';

/** Survey answers: the source's 500 enterprises, 439 of them (87.8%) for the graphic form, and 200 citizens. */
const SURVEY: Array<{ type: SurveyInput['respondentType']; form: SurveyInput['preferredForm']; n: number; yes: number; no: number }> = [
  { type: 'enterprise', form: 'graphic', n: 439, yes: 439, no: 0 },
  { type: 'enterprise', form: 'original', n: 12, yes: 0, no: 12 },
  { type: 'enterprise', form: 'summary', n: 20, yes: 0, no: 20 },
  { type: 'enterprise', form: 'video', n: 14, yes: 0, no: 14 },
  { type: 'enterprise', form: 'qa', n: 10, yes: 0, no: 10 },
  { type: 'enterprise', form: 'face_to_face', n: 5, yes: 0, no: 5 },
  { type: 'citizen', form: 'original', n: 18, yes: 10, no: 6 },
  { type: 'citizen', form: 'summary', n: 36, yes: 28, no: 6 },
  { type: 'citizen', form: 'graphic', n: 62, yes: 60, no: 0 },
  { type: 'citizen', form: 'video', n: 48, yes: 36, no: 8 },
  { type: 'citizen', form: 'qa', n: 22, yes: 12, no: 6 },
  { type: 'citizen', form: 'face_to_face', n: 14, yes: 4, no: 4 },
];

/**
 * Loads this module's demo data (inside the demo loader's transaction, after the policies): the source's
 * four forms for the old-factory policy on its publication day, two late interpretations for the
 * assessment, ~40 helpful votes and the form-preference survey.
 */
export async function loadInterpretationsDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const editor = ctx.users.get('editor')!;
  const reviewer = ctx.users.get('reviewer')!;
  const lateBy: Record<string, number> = { [OLD_FACTORY_2019]: 0, [E_BIKE]: 2, [HIGH_TECH]: 6 };
  const published: number[] = [];
  for (const d of DEMO_INTERPRETATIONS) {
    const policy = await policyBriefByIndexNo(trx, d.policyIndexNo);
    if (!policy?.publishedOn) {
      continue;
    }
    // The demo editor and reviewer act in the policy's department for this load only.
    const inDept = (u: CurrentUser): CurrentUser => ({ ...u, departmentIds: [policy.departmentId] });
    const input: InterpretationInput = { ...d.input, policyId: policy.id, departmentId: undefined };
    const id = await createInterpretation(trx, ctx.actor, inDept(editor), input);
    await submitInterpretation(trx, ctx.actor, inDept(editor), id);
    const day = addWorkingDays(policy.publishedOn, lateBy[d.policyIndexNo] ?? 0);
    await approveInterpretation(trx, ctx.actor, inDept(reviewer), id, lateBy[d.policyIndexNo] ? day : policy.publishedOn);
    published.push(id);
  }
  // ~40 votes: mostly helpful, the Q&A and the video most appreciated, one text less so.
  const comments = ['问答很清楚，解决了我们企业关心的归宗改造问题。', '视频访谈很直观，建议多出一些。', '希望补充申报材料清单。', '要点清楚，一目了然，建议再配一张图解。'];
  for (const [k, id] of published.entries()) {
    const votes = [7, 5, 9, 8, 4, 5, 3][k] ?? 3;
    for (let v = 0; v < votes; v++) {
      const helpful = (v + k) % 5 !== 4;
      const comment = v === 0 && comments[k] ? comments[k] : undefined;
      await recordFeedback(trx, v % 3 === 0 ? (ctx.users.get('citizen') ?? null) : null, id, { helpful: helpful ? 'yes' : 'no', comment });
    }
  }
  for (const s of SURVEY) {
    for (let i = 0; i < s.n; i++) {
      const graphicNecessary = i < s.yes ? 'yes' : i < s.yes + s.no ? 'no' : undefined;
      await recordSurvey(trx, { respondentType: s.type, preferredForm: s.form, graphicNecessary });
    }
  }
}
