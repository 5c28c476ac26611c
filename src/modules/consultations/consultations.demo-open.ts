import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import * as service from './consultations.service.js';
import * as comments from './consultations.comments.js';
import * as repo from './consultations.repository.js';
import { addDays } from './consultations.rules.js';

// A draft open for comment now (dates relative to today), so the public form works in the demo,
// created through the real steps by the department's editor: audited like any staff write.

const TEXT = `第一章 总则
第一条 为加快推进中小企业数字化转型，提升企业竞争力，结合本区实际，制定本措施。
第二条 本措施适用于在本区登记注册、具有独立法人资格的中小企业。
第二章 支持措施
第三条【诊断服务】为中小企业免费提供数字化转型诊断服务，每年不少于 200 家。
第四条【上云用云】对企业购买云服务的费用，按实际支出的 30% 给予补贴，每家每年最高 10 万元。
第五条【智能化改造】对企业实施智能化改造项目，按项目投资额的 10% 给予资助，最高 200 万元。
第六条【标杆示范】每年遴选数字化转型标杆企业 10 家，给予一次性奖励 50 万元。
第七条【服务商培育】培育数字化转型服务商，建立服务商资源池并向社会公布。
第八条【人才培训】联合高校和行业协会开展数字化人才培训，每年培训 1000 人次。
第三章 保障措施
第九条 区政务服务数据管理局负责本措施的组织实施，会同区财政局做好资金保障。
第十条 本措施自印发之日起施行，有效期三年。`;

/** 光明区促进中小企业数字化转型若干措施: open for 30 days from six days ago, a few comments in. */
export async function loadOpenDraftDemo(trx: Executor, ctx: DemoContext, today: string): Promise<void> {
  const editor = ctx.users.get('editor') ?? ctx.users.get('admin')!;
  const departmentId = ctx.deptIds.get('service-data') ?? ctx.deptIds.get('gov-office')!;
  const draftId = await service.createDraft(trx, ctx.actor, editor, {
    title: '光明区促进中小企业数字化转型若干措施',
    kind: 'normative_market',
    departmentId,
    summary: '为推动中小企业“上云用数赋智”，区政务服务数据管理局起草了本措施（征求意见稿），现向社会公开征求意见。',
    contact: '区政务服务数据管理局 电话 0755-88220000',
    status: 'published',
  });
  const opensOn = addDays(today, -6);
  const roundId = await service.createRound(trx, ctx.actor, editor, draftId, { opensOn, closesOn: addDays(opensOn, 29), text: TEXT, changeNote: undefined, shortenedReason: undefined });
  const articles = await repo.articlesOf(trx, roundId);
  const art = (n: number) => articles[n - 1]!.id;
  const send = (articleId: number | undefined, content: string, commenterName?: string) => comments.submitComment(trx, null, draftId, 1, { articleId, content, commenterName, contact: undefined }, today);
  const a = await send(art(4), '建议将云服务补贴比例提高到 50%，小微企业上云成本压力较大。', '陈先生');
  const b = await send(art(5), '建议明确智能化改造项目的认定标准和申报时间。', '刘女士');
  const c = await send(undefined, '建议设立统一的线上申报入口，避免企业多头跑。');
  await comments.publishComments(trx, ctx.actor, editor, [a.id, b.id, c.id]);
  await send(art(3), '诊断服务能否覆盖个体工商户？', '周');
  await send(art(6), '建议标杆企业评选向专精特新企业倾斜。');
}
