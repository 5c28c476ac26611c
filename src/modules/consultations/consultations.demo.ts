import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { todayInChina } from '../../platform/clock.js';
import { seededRandom } from '../../platform/random.js';
import * as repo from './consultations.repository.js';
import { carryOver, insertArticle, mergeWithNext, moveArticle, deleteArticle, splitArticle, type DraftArticle } from './consultations.articles.js';
import { toDraftArticles } from './consultations.service.js';
import { addDays, type Decision } from './consultations.rules.js';
import { COMMENT_ASKS, COMMENT_NAMES, COMMENT_OPENINGS, ENTERPRISES, REASONS, measures } from './consultations.demo-data.js';
import { loadOpenDraftDemo } from './consultations.demo-open.js';

/** The source's figures: 57 measures, three rounds, 120 suggestions. */
export const DEMO_MEASURES = 57;
export const DEMO_SUGGESTIONS = 120;

/** Per round: its period, its online comments and the event (if any) with its suggestions; 50+8, 32+6, 24 = 120. */
const ROUNDS = [
  { opensOn: '2026-03-02', closesOn: '2026-03-31', online: 50, event: { kind: 'deputies_symposium', title: '光明区人大代表政协委员座谈会', participants: '区人大代表 6 名、区政协委员 5 名，区发展和改革局、区政务服务数据管理局负责同志', suggestions: 8, heldOn: '2026-03-18' }, spam: 2 },
  { opensOn: '2026-05-06', closesOn: '2026-06-04', online: 32, event: { kind: 'enterprise_symposium', title: '光明区企业家座谈会', participants: '规上工业企业、专精特新企业、个体工商户代表 15 名', suggestions: 6, heldOn: '2026-05-20' }, spam: 0 },
  { opensOn: '2026-07-01', closesOn: '2026-07-30', online: 24, event: null, spam: 1 },
] as const;

const CHANGE_NOTES = [
  '',
  '根据第一轮意见：将原第四条“推广电子证照应用”与原第十条“推进政务数据共享”合并；新增“推行‘一件事一次办’”；明确惠企资金兑付时限；小微企业和个体工商户同等适用相关措施。',
  '根据第二轮意见：将“保障产业用地供给”与“建设高标准产业园区”合并；删除“降低通关成本”（本区无口岸，相关事项由市级统筹）；“加强知识产权保护”拆分为保护和运营两条。',
];

const at = (day: string) => `${day}T02:00:00.000Z`;
const find = (list: DraftArticle[], heading: string) => list.findIndex((a) => a.heading === heading) + 1;

/** Round 2 and 3 texts, from the previous round's articles, as staff would edit them. */
function nextText(seq: number, prev: Array<DraftArticle & { id: number }>): DraftArticle[] {
  let list = carryOver(prev);
  if (seq === 2) {
    list = moveArticle(list, find(list, '推进政务数据共享'), find(list, '推广电子证照应用') + 1);
    list = mergeWithNext(list, find(list, '推广电子证照应用'));
    list = insertArticle(list, find(list, '规范中介服务'), { heading: '推行“一件事一次办”', body: '围绕企业全生命周期推行“一件事一次办”，一次告知、一表申请、一窗受理，到2027年底实现高频事项全覆盖。责任单位：区政务服务数据管理局。' }, 'gm-new-1');
    list = list.map((a) => (a.heading === '加快惠企资金兑付' ? { ...a, body: `${a.body}惠企资金自申请材料齐全之日起 30 个工作日内兑付到位。` } : a.chapter.startsWith('二') ? { ...a, body: `${a.body}小微企业和个体工商户同等适用。` } : a));
  } else {
    list = mergeWithNext(list, find(list, '保障产业用地供给'));
    list = deleteArticle(list, find(list, '降低通关成本'));
    const ip = find(list, '加强知识产权保护');
    list = list.map((a, i) => (i === ip - 1 ? { ...a, body: '建立知识产权快速维权通道，加大侵权行为查处力度。推进知识产权质押融资，扩大知识产权运营规模。责任单位：区市场监督管理局。' } : a));
    list = splitArticle(list, ip, list[ip - 1]!.body.indexOf('推进知识产权质押融资'), 'gm-new-2');
    list = list.map((a) => (a.lineage === 'gm-new-2' ? { ...a, heading: '促进知识产权运营' } : a));
  }
  return list;
}

const rows = (list: DraftArticle[]) => list.map((a) => ({ number: a.number, chapter: a.chapter, heading: a.heading, body: a.body, lineage: a.lineage, fromIds: JSON.stringify(a.fromIds) }));

/** One round's comments, decided, with a few groups of similar ones answered together; returns nothing. */
async function loadComments(trx: Executor, rnd: () => number, roundId: number, r: (typeof ROUNDS)[number], articleIds: number[], eventId: number | null): Promise<void> {
  const pick = <T>(l: readonly T[]) => l[Math.floor(rnd() * l.length)]!;
  const decidedAt = at(addDays(r.closesOn, 5));
  const make = (i: number, source: 'online' | 'event') => {
    const decision: Decision = pick(['adopted', 'adopted', 'partly', 'partly', 'not_adopted', 'not_adopted', 'not_adopted'] as const);
    const enterprise = source === 'online' && rnd() < 0.2 ? pick(ENTERPRISES) : '';
    const name = source === 'event' ? `${pick(['区人大代表', '区政协委员', '企业代表'])} ${pick(COMMENT_NAMES)}某` : rnd() < 0.6 ? `${pick(COMMENT_NAMES)}${pick(['先生', '女士', '明', '华'])}` : '';
    return {
      roundId,
      articleId: rnd() < 0.1 ? null : pick(articleIds),
      source,
      eventId: source === 'event' ? eventId : null,
      userId: null,
      enterpriseName: enterprise,
      commenterName: enterprise ? '' : name,
      contact: '',
      content: `${pick(COMMENT_OPENINGS)}${pick(COMMENT_ASKS)}。`,
      status: 'published',
      rejectKind: null,
      rejectReason: '',
      moderatedAt: at(addDays(r.opensOn, 1 + (i % 25))),
      groupId: null,
      decision,
      decisionReason: pick(REASONS[decision]),
      decidedAt,
      createdAt: at(addDays(r.opensOn, i % 28)),
    };
  };
  const online = Array.from({ length: r.online }, (_, i) => make(i, 'online'));
  const fromEvent = r.event ? Array.from({ length: r.event.suggestions }, (_, i) => ({ ...make(i, 'event'), createdAt: at(r.event.heldOn), moderatedAt: at(r.event.heldOn) })) : [];
  const spam = Array.from({ length: r.spam }, (_, i) => ({ ...make(i, 'online'), articleId: null, content: '专业代办各类资质，价格优惠，详询微信。', commenterName: '', status: 'rejected', rejectKind: 'spam', rejectReason: '广告信息', decision: null, decisionReason: '', decidedAt: null }));
  const ids = await repo.insertComments(trx, [...online, ...fromEvent, ...spam]);
  // Similar comments answered together: the first two pairs of comments on the same article.
  for (let g = 0; g < 2; g++) {
    const lead = online[g * 2]!;
    const group = [ids[g * 2]!, ids[g * 2 + 1]!];
    await repo.updateCommentsIf(trx, group, ['published'], { groupId: Math.min(...group), articleId: lead.articleId, decision: lead.decision, decisionReason: lead.decisionReason });
  }
}

/** 光明区优化营商环境若干措施: three closed rounds with 120 decided suggestions and their reports. */
async function loadBusinessEnvironment(trx: Executor, ctx: DemoContext): Promise<void> {
  const departmentId = ctx.deptIds.get('drc') ?? ctx.deptIds.get('gov-office')!;
  const created = at('2026-02-20');
  const draftId = await repo.insertDraft(trx, {
    departmentId,
    title: '光明区优化营商环境若干措施',
    kind: 'normative_market',
    summary: '为贯彻《优化营商环境条例》，进一步激发市场主体活力，区发展和改革局起草了《光明区优化营商环境若干措施》，共 57 条，分三轮公开征求社会各界意见，并召开人大代表政协委员座谈会、企业家座谈会听取意见。',
    contact: '区发展和改革局 电话 0755-88210000 电子邮箱 yshj@example.gov.cn',
    status: 'published',
    createdAt: created,
    updatedAt: created,
  });
  const rnd = seededRandom(57_120);
  let prev: Array<DraftArticle & { id: number }> = [];
  for (const [i, r] of ROUNDS.entries()) {
    const seq = i + 1;
    const list = seq === 1 ? measures().map((m, k) => ({ ...m, number: k + 1, lineage: `gm-${k + 1}`, fromIds: [] })) : nextText(seq, prev);
    const published = at(addDays(r.closesOn, 10));
    const roundId = await repo.insertRound(trx, {
      draftId,
      seq,
      opensOn: r.opensOn,
      closesOn: r.closesOn,
      shortenedReason: '',
      changeNote: CHANGE_NOTES[i]!,
      reportPublishedAt: published,
      reportSummary: `第${seq}轮共收到意见建议 ${r.online + (r.event?.suggestions ?? 0)} 条，已逐条研究并作出采纳决定，现将采纳情况公布如下。`,
      createdAt: at(addDays(r.opensOn, -3)),
      updatedAt: published,
    });
    await repo.replaceArticles(trx, roundId, rows(list));
    prev = toDraftArticles(await repo.articlesOf(trx, roundId));
    const eventId = r.event ? await repo.insertEvent(trx, { roundId, kind: r.event.kind, title: r.event.title, heldOn: r.event.heldOn, participants: r.event.participants, createdAt: at(r.event.heldOn) }) : null;
    await loadComments(trx, rnd, roundId, r, prev.map((a) => a.id), eventId);
  }
}

/** Demo data of this module (called by demo.ts inside the demo transaction). */
export async function loadConsultationsDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  await loadBusinessEnvironment(trx, ctx);
  await loadOpenDraftDemo(trx, ctx, todayInChina());
}
