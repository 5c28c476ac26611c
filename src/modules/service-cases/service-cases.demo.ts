import type { Insertable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { isWorkingDay } from '../../platform/calendar/index.js';
import { chinaLocalToIso, nowIso, todayInChina } from '../../platform/clock.js';
import { residentIdCheckChar } from '../../platform/identity/index.js';
import { seededRandom } from '../../platform/random.js';
import { serviceItemsByIds, type ServiceItemRow } from '../service-catalogue/index.js';
import * as repo from './service-cases.repository.js';
import { insertRatings } from './service-cases.ratings-repository.js';
import { addWorkingDays } from '../../platform/calendar/index.js';
import { caseDueOn, type CaseStatus } from './service-cases.status.js';
import type { FormField, InstantRule } from './service-cases.rules.js';
import type { ServiceCaseEventTable, ServiceCaseTable, ServiceRatingTable } from './service-cases.table.js';

// Demo cases of the Guangming one-window hall (29 windows): every state across several items, 秒批
// items decided at once, a correction round, running cases overdue and due soon relative to today,
// ratings of all five levels, bad ratings followed up in time and late, and one appeal.

/** How many demo cases; the figures of the source are the catalogue's, not case counts. */
export const DEMO_CASES = 260;
const WINDOWS = 29;

/** The 秒批 demo form: 个体工商户注册-like conditions. */
export const INSTANT_FIELDS: FormField[] = [
  { key: 'name', label: '经营者姓名', type: 'text', required: true },
  { key: 'idNo', label: '经营者身份证号', type: 'idNumber', required: true },
  { key: 'age', label: '经营者年龄', type: 'number', required: true },
  { key: 'district', label: '经营场所所在街道', type: 'select', required: true, options: ['光明街道', '公明街道', '新湖街道', '凤凰街道', '玉塘街道', '马田街道'] },
];
export const INSTANT_RULE: InstantRule = { all: [{ field: 'age', op: 'ge', value: 18 }, { field: 'idNo', op: 'valid_id' }, { field: 'district', op: 'in', value: ['光明街道', '公明街道', '新湖街道', '凤凰街道', '玉塘街道', '马田街道'] }] };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '桂英'];
const COMMENTS: Record<number, string[]> = {
  5: ['窗口人员耐心细致，一次办好', '秒批很快，点赞', '全程网办，不用跑腿'],
  4: ['办理顺利', '指引清楚'],
  3: ['基本满意，排队稍久', ''],
  2: ['等候时间太长', '材料要求前后说法不一'],
  1: ['跑了两次才办好', '电话一直打不通'],
};

/** Walks back `n` working days from `day`. */
function workingDaysBefore(day: string, n: number): string {
  let d = new Date(`${day}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d = new Date(d.getTime() - 86_400_000);
    if (isWorkingDay(d.toISOString().slice(0, 10))) {
      left -= 1;
    }
  }
  return d.toISOString().slice(0, 10);
}

const at = (day: string, hour: number, minute: number) => chinaLocalToIso(`${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`)!;

/** The path of actions that brings a case to its final state (a correction round for some). */
function pathTo(status: CaseStatus, correction: boolean): Array<[string, CaseStatus]> {
  const head: Array<[string, CaseStatus]> = correction ? [['request_correction', 'correction_requested'], ['resubmit', 'resubmitted']] : [];
  const toDecision: Array<[string, CaseStatus]> = [...head, ['accept', 'accepted'], ['start_review', 'in_review']];
  switch (status) {
    case 'submitted':
      return [];
    case 'correction_requested':
      return [['request_correction', 'correction_requested']];
    case 'resubmitted':
      return head;
    case 'accepted':
      return [...head, ['accept', 'accepted']];
    case 'not_accepted':
      return [...head, ['not_accept', 'not_accepted']];
    case 'in_review':
      return toDecision;
    case 'approved':
    case 'refused':
      return [...toDecision, [status === 'approved' ? 'approve' : 'refuse', status]];
    case 'ready_for_delivery':
      return [...toDecision, ['approve', 'approved'], ['prepare_delivery', 'ready_for_delivery']];
    case 'delivered':
      return [...toDecision, ['approve', 'approved'], ['prepare_delivery', 'ready_for_delivery'], ['deliver', 'delivered']];
    case 'withdrawn':
      return [...head, ['accept', 'accepted'], ['withdraw', 'withdrawn']];
  }
}

const STATUS_WEIGHTS: Array<[CaseStatus, number]> = [
  ['submitted', 8],
  ['correction_requested', 4],
  ['resubmitted', 3],
  ['accepted', 8],
  ['in_review', 14],
  ['approved', 4],
  ['refused', 2],
  ['ready_for_delivery', 5],
  ['delivered', 45],
  ['not_accepted', 3],
  ['withdrawn', 2],
];

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

function weighted(rnd: () => number): CaseStatus {
  const total = STATUS_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [s, w] of STATUS_WEIGHTS) {
    x -= w;
    if (x < 0) {
      return s;
    }
  }
  return 'delivered';
}

function personId(rnd: () => number): string {
  const born = `19${50 + Math.floor(rnd() * 50)}0${1 + Math.floor(rnd() * 9)}1${Math.floor(rnd() * 9)}`;
  const first = `440311${born}${String(Math.floor(rnd() * 1000)).padStart(3, '0')}`;
  return first + residentIdCheckChar(first);
}

interface Built {
  row: Insertable<ServiceCaseTable>;
  events: Array<Omit<Insertable<ServiceCaseEventTable>, 'caseId'>>;
  ratingLevel: number | null;
}

interface Who {
  userId: number | null;
  kind: 'person' | 'enterprise';
  name: string;
  idNumber: string;
  mobile: string;
}

/** One demo case: its row, its events (oldest first) and whether it gets rated. */
function buildCase(rnd: () => number, item: ServiceItemRow, who: Who, today: string, staff: { id: number; name: string }): Built {
  const instant = item.instantApproval === 1;
  const status: CaseStatus = instant ? (rnd() < 0.85 ? 'delivered' : 'submitted') : weighted(rnd);
  const correction = !instant && (status === 'correction_requested' || rnd() < 0.15) && status !== 'submitted';
  const path = instant && status === 'delivered' ? ([['instant_approve', 'approved'], ['prepare_delivery', 'ready_for_delivery'], ['deliver', 'delivered']] as Array<[string, CaseStatus]>) : pathTo(status, correction);
  // Running cases are spread so that some are overdue and some due within two working days.
  const back = status === 'accepted' || status === 'in_review' ? Math.floor(rnd() * (item.promisedDays + 6)) : Math.floor(rnd() * 40) + (path.length > 3 ? 3 : 0);
  const submittedOn = workingDaysBefore(today, back);
  const events: Built['events'] = [{ action: 'submit', fromStatus: null, toStatus: 'submitted', actorUserId: who.userId, actorName: who.userId ? who.name : staff.name, note: '', at: at(submittedOn, 9, Math.floor(rnd() * 59)) }];
  if (instant && status === 'submitted') {
    events.push({ action: 'instant_check', fromStatus: 'submitted', toStatus: 'submitted', actorUserId: null, actorName: '秒批', note: '秒批条件未满足：经营者年龄 ≥ 18', at: events[0]!.at });
  }
  let day = submittedOn;
  let acceptedOn: string | null = instant && status === 'delivered' ? submittedOn : null;
  let correctionFrom: string | null = null;
  let correctionTo: string | null = null;
  path.forEach(([action, to], i) => {
    // Each step a working day later at most, never past today.
    const next = instant || rnd() < 0.5 ? day : addWorkingDays(day, 1);
    day = next > today ? day : next;
    if (action === 'accept') {
      acceptedOn = day;
    }
    if (action === 'request_correction') {
      correctionFrom = day;
    }
    if (action === 'resubmit') {
      correctionTo = day;
    }
    const byApplicant = action === 'resubmit' || action === 'withdraw';
    const note = action === 'request_correction' ? '请补正：\n· 身份证复印件不清晰\n· 申请书缺少签名' : action === 'not_accept' ? '申请事项不属于本机关职权范围，请向市级部门申请' : action === 'refuse' ? '经审查，申请材料不符合法定条件' : '';
    events.push({ action, fromStatus: events[events.length - 1]!.toStatus, toStatus: to, actorUserId: byApplicant ? who.userId : instant ? null : staff.id, actorName: byApplicant ? who.name : instant ? '秒批' : staff.name, note, at: at(day, 10 + i, Math.floor(rnd() * 59)) });
  });
  const pauses = correctionFrom && correctionTo ? [{ from: correctionFrom, to: correctionTo, reason: '补正' }] : [];
  const dueOn = acceptedOn ? caseDueOn(acceptedOn, instant ? 0 : item.promisedDays, pauses) : null;
  const decided = ['approved', 'refused', 'ready_for_delivery', 'delivered'].includes(status);
  const closed = ['delivered', 'not_accepted', 'withdrawn'].includes(status);
  const last = events[events.length - 1]!.at;
  const result = decided && status !== 'refused' ? (item.resultName || '准予许可决定书') + (instant ? '（电子证照）' : '') : '';
  return {
    row: {
      caseNumber: '',
      itemId: item.id,
      departmentId: item.departmentId,
      applicantKind: who.kind,
      applicantUserId: who.userId,
      applicantName: who.name,
      applicantIdNumber: who.idNumber,
      applicantMobile: who.mobile,
      channel: who.userId ? 'online' : 'window',
      hallId: who.userId ? null : 1,
      windowId: who.userId ? null : 1 + Math.floor(rnd() * WINDOWS),
      data: JSON.stringify(instant ? { name: who.name, idNo: who.idNumber, age: status === 'submitted' ? 17 : 30 + Math.floor(rnd() * 30), district: pick(rnd, ['光明街道', '公明街道', '新湖街道']) } : { applicant: who.name, contact: who.mobile, description: `申请办理${item.name}` }),
      status,
      instant: instant && status === 'delivered' ? 1 : 0,
      correctionCount: correction ? 1 : 0,
      correctionItems: correction ? JSON.stringify(['身份证复印件不清晰', '申请书缺少签名']) : '[]',
      correctionNote: '',
      correctionFrom,
      correctionTo,
      promisedDays: item.promisedDays,
      acceptedOn,
      dueOn,
      decisionNote: status === 'refused' ? '经审查，申请材料不符合法定条件' : status === 'not_accepted' ? '申请事项不属于本机关职权范围，请向市级部门申请' : instant && status === 'delivered' ? '秒批' : '',
      result,
      deliveryMethod: status === 'delivered' ? (instant || who.userId ? 'online' : 'window') : null,
      reminderSentFor: null,
      overdueFlaggedAt: null,
      submittedAt: events[0]!.at,
      decidedAt: decided ? last : null,
      closedAt: closed ? last : null,
      updatedAt: last,
    },
    events,
    ratingLevel: status === 'delivered' && rnd() < 0.75 ? pickLevel(rnd) : null,
  };
}

function pickLevel(rnd: () => number): number {
  const x = rnd();
  return x < 0.55 ? 5 : x < 0.8 ? 4 : x < 0.9 ? 3 : x < 0.96 ? 2 : 1;
}

/** Numbers cases by their submission day (GM-YYYYMMDD-NNNNNN) and returns each day's last number. */
function numberCases(built: Built[]): Array<{ day: string; lastNo: number }> {
  const perDay = new Map<string, number>();
  const sorted = [...built].sort((a, b) => a.row.submittedAt.localeCompare(b.row.submittedAt));
  for (const b of sorted) {
    const day = todayInChina(new Date(b.row.submittedAt));
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    b.row.caseNumber = `GM-${day.replaceAll('-', '')}-${String(n).padStart(6, '0')}`;
  }
  return [...perDay].map(([day, lastNo]) => ({ day, lastNo }));
}

function walkIn(rnd: () => number): Who {
  const enterprise = rnd() < 0.3;
  const name = `${pick(rnd, [...SURNAMES])}${pick(rnd, GIVEN)}`;
  return enterprise
    ? { userId: null, kind: 'enterprise', name: `深圳市光明${pick(rnd, ['精密', '智造', '新材料', '生物'])}科技有限公司`, idNumber: '91440300MA5DEMO00X', mobile: `139${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` }
    : { userId: null, kind: 'person', name, idNumber: personId(rnd), mobile: `137${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` };
}

/** Ratings of delivered cases: all five levels, bad ones followed up in time or late, one appeal. */
function buildRatings(built: Built[], ids: number[], today: string, staffId: number): Array<Insertable<ServiceRatingTable>> {
  const out: Array<Insertable<ServiceRatingTable>> = [];
  let bad = 0;
  built.forEach((b, i) => {
    const level = b.ratingLevel;
    if (level === null) {
      return;
    }
    const ratedOn = todayInChina(new Date(b.row.closedAt!));
    const isBad = level <= 2;
    const dueOn = isBad ? addWorkingDays(ratedOn, 10) : null;
    // Bad ratings whose due date has passed: two in three were followed up in time, the rest are late.
    // Those not yet due: every other one already followed up. The second bad rating is appealed.
    const k = bad++;
    const late = dueOn !== null && dueOn < today;
    const done = isBad && (late ? k % 3 !== 1 : k % 2 === 0);
    const appealed = isBad && k === 1;
    const followUpOn = done ? [addWorkingDays(ratedOn, 2), today].sort()[0]! : null;
    out.push({
      ratingKey: `${b.row.channel === 'window' ? 'onsite' : 'online'}:${ids[i]!}${b.row.channel === 'window' ? `:${ratedOn}` : ''}`,
      caseId: ids[i]!,
      itemId: b.row.itemId,
      departmentId: b.row.departmentId,
      windowId: b.row.windowId ?? null,
      channel: b.row.channel === 'window' ? 'onsite' : 'online',
      level,
      comment: COMMENTS[level]![i % COMMENTS[level]!.length]!,
      raterName: b.row.applicantName,
      recordedBy: b.row.channel === 'window' ? staffId : null,
      ratedOn,
      createdAt: b.row.closedAt!,
      followUpStatus: isBad ? (done ? 'done' : 'pending') : 'none',
      followUpDueOn: dueOn,
      followUpMethod: done ? 'call_back' : null,
      followUpNote: done ? '已电话回访，说明办理时限并致歉' : '',
      followUpOn,
      fixByOn: null,
      followUpBy: done ? staffId : null,
      followUpOverdueAt: null,
      appealStatus: appealed ? 'pending' : 'none',
      appealReason: appealed ? '申请人对法定办理时限存在误解，窗口已按承诺时限办结' : '',
      appealedAt: appealed ? b.row.closedAt! : null,
      appealDecidedAt: null,
    });
  });
  return out;
}

/** Loads this module's demo data inside the demo transaction (nothing when the catalogue has no items). */
export async function loadServiceCasesDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const editor = ctx.users.get('editor');
  const prefer = editor?.departmentIds ?? [];
  const instantItems = await serviceItemsByIds(trx, await repo.publishedItemIds(trx, true, 12, prefer));
  const otherItems = await serviceItemsByIds(trx, await repo.publishedItemIds(trx, false, 24, prefer));
  if (otherItems.length === 0 || !editor) {
    return;
  }
  const rnd = seededRandom(20191129);
  const today = todayInChina();
  const now = nowIso();
  await repo.insertForms(trx, instantItems.map((it) => ({ itemId: it.id, fields: JSON.stringify(INSTANT_FIELDS), instantRule: JSON.stringify(INSTANT_RULE), updatedBy: editor.id, updatedAt: now })));
  const applicants: Who[] = [];
  for (const username of ['citizen', 'enterprise']) {
    const u = ctx.users.get(username);
    if (u) {
      applicants.push({ userId: u.id, kind: u.role === 'enterprise' ? 'enterprise' : 'person', name: u.role === 'enterprise' ? '中山市示范科技有限公司' : u.displayName, idNumber: '', mobile: '13800138000' });
    }
  }
  const staff = { id: editor.id, name: editor.displayName };
  const built: Built[] = [];
  for (let i = 0; i < DEMO_CASES; i++) {
    const item = instantItems.length && i % 10 === 0 ? pick(rnd, instantItems) : pick(rnd, otherItems);
    const who = applicants.length && rnd() < 0.3 ? pick(rnd, applicants) : walkIn(rnd);
    built.push(buildCase(rnd, item, who, today, staff));
  }
  const counters = numberCases(built);
  const ids = await repo.insertCases(trx, built.map((b) => b.row));
  await repo.insertEvents(trx, built.flatMap((b, i) => b.events.map((e) => ({ ...e, caseId: ids[i]! }))));
  await repo.setCounters(trx, counters);
  await insertRatings(trx, buildRatings(built, ids, today, editor.id));
}
