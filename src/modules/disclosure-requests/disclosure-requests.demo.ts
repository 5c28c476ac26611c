import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { seededRandom } from '../../platform/random.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { approveArticle, columnTree, createArticle, flattenTree, submitArticle } from '../portal/index.js';
import * as repo from './disclosure-requests.repository.js';
import * as topicsRepo from './disclosure-requests.topics-repository.js';
import { DEMO_REQUEST_TEXTS, RECURRING_TEXTS } from './disclosure-requests.demo-data.js';
import { generateCase, workingDaysFrom, type DemoCase } from './disclosure-requests.demo-gen.js';

// Requests from 1 January of last year up to today, so last year's annual report is complete and
// this year's cases are still live. The expropriation office's recurring request (征收补偿标准 /
// 分户补偿结果) runs at ~12 a month until it is published proactively on 30 June last year, then
// falls to one or two a month — the 龙沙区 experience of turning 依申请公开 into 主动公开.

const PUBLISHED_TITLE = '城南片区房屋征收补偿标准及分户补偿结果';
const PUBLISHED_BODY =
  '<p>根据《国有土地上房屋征收与补偿条例》和《政府信息公开条例》，现将城南片区棚户区改造项目房屋征收补偿标准、补偿安置方案及分户补偿结果予以主动公开。</p><p>被征收人可在征收公开栏目查询本户补偿结果；对补偿结果有异议的，可向市房屋征收管理办公室反映。</p>';

/** Loads this module's demo data inside the demo transaction. */
export async function loadDisclosureRequestsDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const rnd = seededRandom(20_261_129);
  const today = todayInChina();
  const lastYear = Number(today.slice(0, 4)) - 1;
  const publishedOn = `${lastYear}-06-30`;
  const citizen = ctx.users.get('citizen');
  const agencies = Object.entries(DEMO_REQUEST_TEXTS)
    .map(([code, v]) => ({ code, id: ctx.deptIds.get(code), ...v }))
    .filter((a): a is typeof a & { id: number } => a.id !== undefined);
  const expropriation = ctx.deptIds.get('expropriation');
  if (agencies.length === 0 || expropriation === undefined) {
    return;
  }
  const weightSum = agencies.reduce((n, a) => n + a.weight, 0);
  const cases: Array<DemoCase & { recurring: boolean }> = [];
  let serial = 0;
  for (const day of workingDaysFrom(`${lastYear}-01-01`, today)) {
    // About one ordinary request per working day across the agencies …
    const ordinary = rnd() < 0.55 ? 1 : rnd() < 0.3 ? 2 : 0;
    for (let i = 0; i < ordinary; i++) {
      let x = rnd() * weightSum;
      const agency = agencies.find((a) => (x -= a.weight) < 0) ?? agencies[0]!;
      const text = agency.texts[Math.floor(rnd() * agency.texts.length)]!;
      serial += 1;
      const c = generateCase(rnd, { serial, departmentId: agency.id, day, text, today, approver: '政务公开办公室负责人', alreadyPublic: false, userId: null });
      cases.push({ ...c, recurring: false });
    }
    // … plus the recurring request to the expropriation office, which falls after publication.
    if (rnd() < (day <= publishedOn ? 0.55 : 0.07)) {
      serial += 1;
      const text = RECURRING_TEXTS[Math.floor(rnd() * RECURRING_TEXTS.length)]!;
      const c = generateCase(rnd, { serial, departmentId: expropriation, day, text, today, approver: '赵德胜', alreadyPublic: day > publishedOn, userId: null });
      cases.push({ ...c, recurring: true });
    }
  }
  // The newest online applications still wait for the office to confirm receipt (Art. 31).
  const lastDay = workingDaysFrom(`${lastYear}-01-01`, today).at(-1) ?? today;
  for (const text of RECURRING_TEXTS.slice(0, 2)) {
    serial += 1;
    const c = generateCase(rnd, { serial, departmentId: expropriation, day: lastDay, text, today, approver: '赵德胜', alreadyPublic: true, userId: null, channel: 'online' });
    cases.push({ ...c, recurring: true });
  }
  // The demo citizen's own cases: the latest three become theirs, so "我的申请" has something live.
  for (const c of cases.slice(-3)) {
    c.row.userId = citizen?.id ?? null;
  }
  const ids = await repo.insertRequests(trx, cases.map((c) => c.row));
  await repo.insertEvents(trx, cases.flatMap((c, i) => c.events.map((e) => ({ ...e, requestId: ids[i]! }))));
  await repo.insertConsultations(trx, cases.flatMap((c, i) => c.consultations.map((x) => ({ ...x, requestId: ids[i]! }))));
  await repo.insertDisputes(trx, cases.flatMap((c, i) => c.disputes.map((x) => ({ ...x, requestId: ids[i]! }))));

  // The recurring topic, published proactively through the portal's own review workflow.
  const column = flattenTree(await columnTree(trx)).find((c) => c.slug === 'exp-projects');
  const editor = ctx.users.get('exp-editor');
  const admin = ctx.users.get('admin');
  if (!column || !editor || !admin) {
    return;
  }
  const topicId = await topicsRepo.insertTopic(trx, { departmentId: expropriation, title: PUBLISHED_TITLE, keywords: '征收 补偿 标准 城南 片区 分户', articleId: null, columnSlug: column.slug, publishedOn: null, createdAt: nowIso() });
  await topicsRepo.assignTopic(
    trx,
    topicId,
    expropriation,
    ids.filter((_, i) => cases[i]!.recurring),
  );
  const articleId = await createArticle(trx, ctx.actor, editor, { columnId: column.id, departmentId: expropriation, title: PUBLISHED_TITLE, summary: undefined, body: PUBLISHED_BODY });
  await submitArticle(trx, ctx.actor, editor, articleId);
  await approveArticle(trx, ctx.actor, admin, articleId);
  await topicsRepo.markTopicPublished(trx, topicId, articleId, column.slug, publishedOn);
}
