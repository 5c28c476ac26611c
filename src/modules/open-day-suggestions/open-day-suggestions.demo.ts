import type { Insertable } from 'kysely';
import type { CurrentUser, Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { currentCampaign, type CampaignRow } from '../open-days/index.js';
import type { OpenDaySuggestionEventTable } from '../open-days/open-days.table.js';
import * as repo from './open-day-suggestions.repository.js';
import * as service from './open-day-suggestions.service.js';
import { MEASURES } from './open-day-suggestions.demo-data.js';
import { generateSuggestions } from './open-day-suggestions.demo-gen.js';
import { seededRandom } from '../../platform/random.js';

/** The source's figure: 9,300 suggestions collected in 2019. */
export const DEMO_SUGGESTIONS_2019 = 9300;
/** Routed 2019 suggestions left unanswered past their deadline. */
export const DEMO_OVERDUE_2019 = 12;

const CHUNK = 500;

/**
 * The 2019 campaign's suggestions, written in bulk (no outbox, no audit: they are history): the
 * measures first, then the suggestions chunk by chunk (merged ones point at earlier chunks), then
 * their paths, one event per step.
 */
async function load2019(trx: Executor, ctx: DemoContext, campaign: CampaignRow): Promise<void> {
  const points = (await repo.pointsWithDays(trx, campaign.id)).filter((p) => p.status === 'published');
  const generated = generateSuggestions({ campaign, points, unitIds: ctx.deptIds, count: DEMO_SUGGESTIONS_2019, overdue: DEMO_OVERDUE_2019 });
  const rnd = seededRandom(40);
  const created = '2019-11-20T02:00:00.000Z';
  const measureIds = await repo.insertMeasures(
    trx,
    MEASURES.map((m, i) => {
      const r = rnd();
      const progress = r < 0.45 ? 'done' : r < 0.85 ? 'in_progress' : 'planned';
      const dueOn = `2020-${String(3 + (i % 10)).padStart(2, '0')}-${String(10 + (i % 18)).padStart(2, '0')}`;
      return {
        campaignId: campaign.id,
        title: m.title,
        description: m.description,
        ownerDepartmentId: ctx.deptIds.get(m.unit) ?? null,
        owner: '',
        progress,
        progressNote: progress === 'done' ? `已于${dueOn.slice(0, 4)}年${Number(dueOn.slice(5, 7))}月完成。` : progress === 'in_progress' ? '已制定实施方案，正在分批推进。' : '',
        dueOn,
        createdAt: created,
        updatedAt: created,
      };
    }),
  );
  const ids: number[] = [];
  for (let start = 0; start < generated.length; start += CHUNK) {
    const rows = generated.slice(start, start + CHUNK).map((g) => ({
      ...g.row,
      mergedIntoId: g.mergeTarget === null ? null : ids[g.mergeTarget]!,
      measureId: g.measure === null ? null : measureIds[g.measure]!,
    }));
    const out = await repo.insertSuggestionsReturningCodes(trx, rows);
    const byCode = new Map(out.map((r) => [r.trackingCode, r.id]));
    for (const r of rows) {
      ids.push(byCode.get(r.trackingCode)!);
    }
  }
  const events: Array<Insertable<OpenDaySuggestionEventTable>> = generated.flatMap((g, i) =>
    g.events.map((e, k) => ({
      suggestionId: ids[i]!,
      status: e.status,
      // The outcome step names the measure it was converted into.
      note: k === g.events.length - 1 && g.measure !== null ? JSON.stringify({ measureId: measureIds[g.measure] }) : e.note,
      actorId: null,
      at: e.at,
    })),
  );
  for (let start = 0; start < events.length; start += 2000) {
    await repo.insertEvents(trx, events.slice(start, start + 2000));
  }
}

/** A handful in the upcoming campaign, through the real steps (no contact given, so no notices). */
async function loadUpcoming(trx: Executor, ctx: DemoContext, campaign: CampaignRow): Promise<void> {
  const admin: CurrentUser = ctx.users.get('admin')!;
  const points = await repo.pointOptions(trx, campaign.id);
  const urban = ctx.deptIds.get('urban') ?? ctx.deptIds.get('gov-office')!;
  const at = (i: number) => points[i % Math.max(1, points.length)]?.code;
  const send = async (input: { category: 'business' | 'urban' | 'livelihood' | 'services' | 'other'; content: string; submitterName?: string }, pointIndex?: number) => {
    const code = pointIndex === undefined ? undefined : at(pointIndex);
    const r = code ? await service.submitAtPoint(trx, code, input) : await service.submitOnline(trx, campaign, input);
    return r.id;
  };
  await send({ category: 'urban', content: '建议开放点现场设置垃圾分类互动体验区，让孩子们也能参与。', submitterName: '王女士' }, 0);
  await send({ category: 'services', content: '希望今年的开放日能提供网上预约参观和直播回放。' });
  const published = await send({ category: 'livelihood', content: '建议开放日期间为老年人预留现场报名名额，并安排志愿者引导。', submitterName: '李先生' });
  await service.publishSuggestion(trx, ctx.actor, admin, published);
  const routed = await send({ category: 'urban', content: '希望城管执法开放点演示一次完整的执法流程，并讲解执法依据。' }, 1);
  await service.publishSuggestion(trx, ctx.actor, admin, routed);
  await service.routeSuggestion(trx, ctx.actor, admin, routed, urban);
  const duplicate = await send({ category: 'urban', content: '建议城管执法开放点现场演示执法流程，讲讲依据是什么。' });
  await service.mergeSuggestion(trx, ctx.actor, admin, duplicate, (await repo.findById(trx, routed))!.trackingCode);
  // One suggestion raises two matters for two units: split, and each part routed on its own.
  const twoMatters = await send({ category: 'services', content: '建议开放日期间延长政务服务大厅午间服务时间；另外大厅周边停车难，希望增设临时停车位。', submitterName: '陈女士' });
  await service.publishSuggestion(trx, ctx.actor, admin, twoMatters);
  await service.splitSuggestion(trx, ctx.actor, admin, twoMatters, [
    { category: 'services', content: '开放日期间延长政务服务大厅午间服务时间。' },
    { category: 'urban', content: '在政务服务大厅周边增设临时停车位。' },
  ]);
  const parking = await repo.partsOf(trx, twoMatters);
  await service.routeSuggestion(trx, ctx.actor, admin, parking[1]!.id, urban);
  const spam = await send({ category: 'other', content: '低价代办各类证件，请加微信联系。' });
  await service.rejectSuggestion(trx, ctx.actor, admin, spam, { kind: 'spam', reason: '广告内容' });
}

/** Demo data of this module (called by demo.ts inside the demo transaction, after the campaigns and registrations). */
export async function loadOpenDaySuggestionsDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const c2019 = await repo.campaignByYear(trx, 2019);
  if (c2019) {
    await load2019(trx, ctx, c2019);
  }
  const current = await currentCampaign(trx);
  if (current && current.id !== c2019?.id && service.acceptsSuggestions(current)) {
    await loadUpcoming(trx, ctx, current);
  }
}
