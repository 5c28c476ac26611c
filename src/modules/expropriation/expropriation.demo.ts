import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { nowIso, todayInChina } from '../../platform/clock.js';
import { seededRandom } from '../../platform/random.js';
import { AGENCY_DOCUMENTS } from './expropriation.agency.js';
import { defaultDirectory, type EventKind } from './expropriation.directory.js';
import { generateHouseholds } from './expropriation.generate.js';
import * as repo from './expropriation.repository.js';

// Demo data from the Longsha figures: a shantytown project with 7,300 households (累计服务家庭7300余户)
// in every state, its "4 + 10 + 7" directory mostly published with some due and a couple late, the
// scheme's comment period and its published revisions, agency cases (2 working days instead of 5)
// with call-backs; and a second, smaller project still before its decision. Dates are relative to
// today so the checklist stays live. Written in bulk, without audit entries (history, not staff actions).

/** Households of the main demo project (the source's 7,300). */
export const DEMO_HOUSEHOLDS = 7300;
/**
 * Households of the main project whose notices (with access codes) are printed; the others have none
 * issued yet (staff issue one from the household's page). LS00001 signs in with the code and ID number
 * that generateHouseholds(seededRandom(7300), …) draws first (see the demo section of README).
 */
export const DEMO_WITH_CODES = 200;
/** The main demo project's key. */
export const DEMO_PROJECT_CODE = 'longsha-2026-01';

const day = (today: string, offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

// Days before today of each key date of the main project.
const MAIN_EVENTS: Array<[EventKind, number, string]> = [
  ['survey', 200, '发布调查登记公告，暂停办理相关手续'],
  ['risk_assessment', 190, '社会稳定风险评估报告完成'],
  ['public_interest', 185, '项目列入年度棚户区改造计划'],
  ['scheme_draft', 170, '补偿方案征求意见稿公布'],
  ['decision', 120, '龙沙区人民政府作出房屋征收决定'],
  ['valuer', 110, '被征收人协商选定评估机构'],
  ['survey_result', 100, '分户调查结果公示'],
  ['valuation', 80, '分户初步评估结果送达'],
  ['compensation', 60, '分户补偿结果公示'],
  ['signing', 58, '签约启动'],
  ['selection', 20, '产权调换户选房'],
  ['payment', 15, '首批补偿款发放'],
];
// Directory rows left unpublished: 12 (valuation, 80 days ago) and 19 are late or due; 15–18 due; 20–21 wait for their events.
const MAIN_UNPUBLISHED = new Set([12, 15, 16, 17, 18, 19, 20, 21]);

/** Loads this module's demo data inside the demo transaction. */
export async function loadExpropriationDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const departmentId = ctx.deptIds.get('expropriation');
  if (departmentId === undefined) {
    return;
  }
  const today = todayInChina();
  const now = nowIso();
  const r = seededRandom(7300);
  const responsible = '市房屋征收管理办公室';

  const mainId = await repo.insertProject(trx, {
    code: DEMO_PROJECT_CODE,
    name: '龙沙区某棚户区改造项目',
    departmentId,
    decisionNumber: '龙政征字〔2026〕1号',
    phase: 'during',
    summary: '项目涉及40栋楼、7300余户。按照“应公开、尽公开”原则，将群众最关心的依申请公开事项转为主动公开，通过“屏、网、图、栏”公开补偿方案、签约进展、确权信息和补偿结果。',
    centreLat: 47.3446,
    centreLng: 123.9582,
    radiusM: 900,
    valuerDays: 10,
    commentOpensOn: day(today, -170),
    commentClosesOn: day(today, -140),
    createdAt: now,
    updatedAt: now,
  });
  const eventDay = new Map(MAIN_EVENTS.map(([k, d]) => [k as string, day(today, -d)]));
  eventDay.set('comment_closed', day(today, -140));
  await trx.insertInto('expropriationEvent').values(MAIN_EVENTS.map(([kind, d, note]) => ({ projectId: mainId, kind, occurredOn: day(today, -d), note }))).execute();
  await repo.insertItems(
    trx,
    defaultDirectory(responsible).map((row) => {
      const published = !MAIN_UNPUBLISHED.has(row.seq) && eventDay.has(row.triggerEvent);
      // Published a few days after the event; the revisions of the comment period 6 days after it closed.
      const on = published ? day(eventDay.get(row.triggerEvent)!, 3 + (row.seq % 5)) : null;
      return { ...row, projectId: mainId, channels: JSON.stringify(row.channels), publishedOn: on, link: on ? `/expropriation/projects/${mainId}#item-${row.seq}` : null, fileId: null, updatedAt: now };
    }),
  );

  const main = generateHouseholds(r, { projectId: mainId, count: DEMO_HOUSEHOLDS, prefix: 'LS', signingFrom: day(today, -58), today, signedShare: 0.9, buildings: 40, withCodes: DEMO_WITH_CODES });
  await repo.insertHouseholds(trx, main.rows);
  await demoCorrections(trx, mainId, ctx, today);
  await demoAgency(trx, mainId, r);

  const smallId = await repo.insertProject(trx, {
    code: 'longsha-2026-02',
    name: '龙沙区某老旧街区改造项目',
    departmentId,
    decisionNumber: '',
    phase: 'before',
    summary: '项目处于征收前阶段：已发布征收范围和调查登记公告，补偿方案正在论证。',
    centreLat: 47.3331,
    centreLng: 123.9401,
    radiusM: 300,
    valuerDays: 10,
    commentOpensOn: null,
    commentClosesOn: null,
    createdAt: now,
    updatedAt: now,
  });
  await trx.insertInto('expropriationEvent').values({ projectId: smallId, kind: 'survey', occurredOn: day(today, -6), note: '发布调查登记公告' }).execute();
  await repo.insertItems(trx, defaultDirectory(responsible).map((row) => ({ ...row, projectId: smallId, channels: JSON.stringify(row.channels), publishedOn: null, link: null, fileId: null, updatedAt: now })));
  const small = generateHouseholds(r, { projectId: smallId, count: 320, prefix: 'JQ', signingFrom: null, today, signedShare: 0, buildings: 8, withCodes: 0 });
  await repo.insertHouseholds(trx, small.rows);
}

/** A few corrected records: the previous version kept, "更正于" shown. */
async function demoCorrections(trx: Executor, projectId: number, ctx: DemoContext, today: string): Promise<void> {
  const editor = ctx.users.get('exp-editor')?.id ?? null;
  for (const n of [7, 42, 1234]) {
    const h = await repo.householdByNumber(trx, projectId, `LS${String(n).padStart(5, '0')}`);
    if (!h) {
      continue;
    }
    const { accessCodeHash: _a, idHash: _i, ...snapshot } = h;
    await repo.insertHouseholdVersion(trx, { householdId: h.id, version: 1, snapshot: JSON.stringify({ ...snapshot, areaCm2: h.areaCm2 - 250 }), reason: '复核后更正建筑面积', changedBy: editor, changedAt: nowIso() });
    await trx.updateTable('expropriationHousehold').set({ version: 2, correctedOn: day(today, -5) }).where('id', '=', h.id).execute();
  }
}

/** Agency cases for signed households: two working days typically, some home visits, call-backs. */
async function demoAgency(trx: Executor, projectId: number, r: () => number): Promise<void> {
  const signed = await trx.selectFrom('expropriationHousehold').select(['id', 'signedOn']).where('projectId', '=', projectId).where('signingStatus', '=', 'signed').orderBy('id').limit(1500).execute();
  const now = nowIso();
  const cases = signed.map((h) => {
    const submittedOn = day(h.signedOn!, -3);
    const special = r() < 0.08 ? (r() < 0.6 ? 'elderly' : 'disabled') : null;
    const done = r() < 0.95;
    const satisfaction = done && r() < 0.9 ? (r() < 0.75 ? 5 : r() < 0.8 ? 4 : 3) : null;
    return {
      projectId,
      householdId: h.id,
      submittedOn,
      completedOn: done ? day(submittedOn, r() < 0.7 ? 2 : r() < 0.5 ? 1 : 3) : null,
      specialGroup: special,
      homeVisitOn: special ? day(submittedOn, 1) : null,
      satisfaction,
      callbackOn: satisfaction !== null ? day(submittedOn, 7) : null,
      callbackNote: satisfaction === 3 ? '希望缩短补偿款到账时间' : '',
      createdAt: now,
    };
  });
  for (let i = 0; i < cases.length; i += 500) {
    const ids = await trx.insertInto('expropriationAgencyCase').values(cases.slice(i, i + 500)).returning('id').execute();
    const docs = ids.flatMap(({ id }, j) =>
      AGENCY_DOCUMENTS.filter((d, k) => k < 2 || (cases[i + j]!.specialGroup !== null && d.kind === 'disability_certificate')).map((d) => ({
        caseId: id,
        kind: d.kind,
        department: d.department,
        requestedOn: cases[i + j]!.submittedOn,
        receivedOn: cases[i + j]!.completedOn ?? null,
      })),
    );
    if (docs.length > 0) {
      await trx.insertInto('expropriationAgencyDocument').values(docs).execute();
    }
  }
}
