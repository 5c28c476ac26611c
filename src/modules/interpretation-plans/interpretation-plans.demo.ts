import type { CurrentUser, Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { addWorkingDays } from '../../platform/calendar/index.js';
import { todayInChina } from '../../platform/clock.js';
import { policyBriefByIndexNo, publishedPolicyBriefs, INTERPRETATION_REQUIRED_CATEGORIES, type PolicyBrief } from '../policies/index.js';
import { OLD_FACTORY_2019 } from '../policies/policies.demo-data.js';
import { createEntry, fileEntry, returnEntry } from './interpretation-plans.service.js';
import type { PlanEntryInput } from './interpretation-plans.schema.js';
import type { PLAN_CHANNELS, PLAN_FORMS } from './interpretation-plans.schema.js';

type Form = (typeof PLAN_FORMS)[number];
type Channel = (typeof PLAN_CHANNELS)[number];

const INTERPRETERS: Array<[string, string]> = [
  ['黄志明', '局长'],
  ['李文静', '副局长'],
  ['张国强', '局长'],
  ['周丽华', '副局长'],
  ['刘建华', '总工程师'],
  ['陈立新', '主任'],
];
const FORM_SETS: Form[][] = [['full', 'key_points', 'qa'], ['full', 'graphic'], ['key_points', 'video'], ['full', 'qa', 'interview'], ['full', 'glossary', 'animation']];
const CHANNEL_SETS: Channel[][] = [['portal', 'new_media'], ['portal', 'press_conference'], ['portal', 'news_media', 'briefing'], ['portal']];

// Planned titles of policies not yet drafted when the plan was filed (some never were: missing).
const PLANNED_2019 = ['关于加快发展夜间经济的实施意见', '中山市促进外贸稳增长若干措施', '中山市养老服务体系建设三年行动计划', '中山市人才住房保障实施办法', '中山市促进建筑业高质量发展若干措施', '中山市生活垃圾分类管理实施方案'];

function minusDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/**
 * Loads this module's demo data: 2019 plans of several departments (the interpretations demo makes
 * some of them in time, some late and some missing), one sent back, and entries of the coming weeks so
 * that reminders have something to do.
 */
export async function loadInterpretationPlansDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const editor = ctx.users.get('editor')!;
  const admin = ctx.users.get('admin')!;
  const inDept = (u: CurrentUser, departmentId: number): CurrentUser => ({ ...u, departmentIds: [departmentId] });
  let n = 0;
  const add = async (departmentId: number, year: number, expectedOn: string, target: { policy?: PolicyBrief; title?: string }, file = true): Promise<number> => {
    const [name, post] = INTERPRETERS[n % INTERPRETERS.length]!;
    const input: PlanEntryInput = {
      year,
      departmentId,
      policyId: target.policy?.id,
      plannedTitle: target.policy ? undefined : target.title,
      expectedOn,
      forms: FORM_SETS[n % FORM_SETS.length]!,
      channels: CHANNEL_SETS[n % CHANNEL_SETS.length]!,
      interpreterName: name,
      interpreterPost: post,
      outline: n % 2 === 0 ? '一、出台背景\n二、主要内容\n三、适用对象和办理方式' : undefined,
    };
    n += 1;
    const id = await createEntry(trx, ctx.actor, inDept(editor, departmentId), input);
    if (file) {
      await fileEntry(trx, ctx.actor, inDept(editor, departmentId), id);
    }
    return id;
  };

  // 2019: every interpretation-required policy published that year, planned a little before it.
  const published2019 = await publishedPolicyBriefs(trx, { from: '2019-01-01', to: '2019-12-31', categories: INTERPRETATION_REQUIRED_CATEGORIES });
  const oldFactory = await policyBriefByIndexNo(trx, OLD_FACTORY_2019);
  const chosen = [...(oldFactory ? [oldFactory] : []), ...published2019.filter((p) => p.id !== oldFactory?.id)].slice(0, 12);
  for (const p of chosen) {
    await add(p.departmentId, 2019, minusDays(p.publishedOn ?? p.writtenOn, 10), { policy: p });
  }
  const departments = [...new Set(chosen.map((p) => p.departmentId))];
  const fallback = ctx.deptIds.get('drc')!;
  for (const [i, title] of PLANNED_2019.entries()) {
    await add(departments[i % Math.max(1, departments.length)] ?? fallback, 2019, `2019-${String(4 + i).padStart(2, '0')}-15`, { title });
  }

  // The coming weeks: the demo editor's departments, so that the reminder mail reaches editor@example.com.
  const today = todayInChina();
  const office = ctx.deptIds.get('gov-office')!;
  const data = ctx.deptIds.get('service-data')!;
  const soon = addWorkingDays(today, 2);
  await add(office, Number(soon.slice(0, 4)), soon, { title: '关于进一步做好政务公开工作的实施意见' });
  const later = addWorkingDays(today, 15);
  await add(data, Number(later.slice(0, 4)), later, { title: '中山市公共数据开放管理办法' });
  const next = `${Number(today.slice(0, 4)) + 1}-03-20`;
  const draft = await add(data, Number(next.slice(0, 4)), next, { title: '中山市数字政府建设五年规划' });
  await returnEntry(trx, ctx.actor, admin, draft, '请补充解读提纲，并明确第一解读人。');
}
