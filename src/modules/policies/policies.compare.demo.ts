import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { findByIndexNo } from './policies.repository.js';
import { OLD_FACTORY_2019 } from './policies.demo-data.js';
import { createChangeNote, type ChangeNoteInput } from './policies.compare.service.js';

/**
 * The editor's notes on 旧厂房改造 2019 vs 2018. 变化一 is the source newsletter's own (正解君's 全文通解);
 * the others follow the differences between the two demo texts.
 */
export const OLD_FACTORY_NOTES: ChangeNoteInput[] = [
  {
    title: '市级统筹力度更大了',
    body: [
      '新政策要求强化规划统筹策划，通过综合施策，加快推动连片成片改造，新增了通过签订搬迁补偿协议方式实施归宗改造的方式。',
      '在土地规划保障上，调整了2018年政策中“使用省周转规模”和“先承诺后审批”的做法，转而采用“镇区自行调剂”、“市级统筹安排”分类解决。',
    ].join('\n'),
    newAnchors: ['tiao-5', 'tiao-7', 'tiao-10'],
    oldAnchors: ['tiao-11', 'tiao-12'],
  },
  {
    title: '政府统筹服务能力提升了',
    body: [
      '新政策鼓励镇区结合实际，采取政府统租统管、实行征收收储（购）、鼓励村企合作、推动产权人自改等多种统筹模式推进改造，取代了2018年政策中自行改造、收回收购后出让、合作改造三种方式。',
      '镇区要做好改造期间工厂搬迁对接或者周转安置，周转期由原则上不超过2年延长到3年。',
    ].join('\n'),
    newAnchors: ['tiao-6', 'tiao-8'],
    oldAnchors: ['tiao-5'],
  },
  {
    title: '用地更集约，激励更实在',
    body: [
      '改造项目容积率原则上由不低于1.5提高到不低于2.0；产业用房分割转让的比例上限由30%提高到49%。',
      '原址保留工业用途、提高容积率的继续不增收土地价款；改造为新型产业用地的，按改造后用途市场评估价的40%补缴。',
      '按期完成改造并投产的项目，奖励由每平方米50元提高到100元，单个项目最高由300万元提高到500万元。',
    ].join('\n'),
    newAnchors: ['tiao-9', 'tiao-12', 'tiao-20'],
    oldAnchors: [],
  },
  {
    title: '闲置土地处置更规范、更公开',
    body: [
      '新政策细化了闲置土地的认定情形，明确自然灾害等不可抗力造成动工开发延迟的，参照政府原因闲置土地处置。',
      '自身原因闲置土地满2年未动工开发的，由自然资源主管部门报经市政府批准后无偿收回；闲置土地的调查认定、处置方案和处置结果要向社会公开。',
    ].join('\n'),
    newAnchors: ['tiao-14', 'tiao-16', 'tiao-17', 'tiao-18'],
    oldAnchors: [],
  },
];

/** Loads the comparison's demo data (the editor's notes on 旧厂房改造 2019 vs 2018). */
export async function loadPolicyComparisonDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const policy = await findByIndexNo(trx, OLD_FACTORY_2019);
  const editor = ctx.users.get('editor');
  if (!policy || !editor) {
    return;
  }
  // The demo editor writes in the housing bureau for this load only (as the policy loader does).
  const inDept = { ...editor, departmentIds: [policy.departmentId] };
  for (const note of OLD_FACTORY_NOTES) {
    await createChangeNote(trx, ctx.actor, inDept, policy.id, note);
  }
}
