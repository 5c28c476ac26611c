import type { Insertable } from 'kysely';
import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { nowIso } from '../../platform/clock.js';
import { seededRandom } from '../../platform/random.js';
import type { ServiceTerminalTable, ServiceWindowTable } from './service-halls.table.js';
import { pickerItems, type PickerItem } from './service-halls.repository.js';
import { BANKS, DISTRICT_HALL, PARKS, SPECIALISED, STREETS } from './service-halls.demo-data.js';
import type { Period } from './service-halls.hours.js';

// Demo data: Guangming's 38 halls (1 district, 6 street, 31 community), 29 windows in the district
// hall, 8 in each street hall and 3 in each community station, window items drawn from the catalogue
// items present when this runs (none if there are none), lunchtime service on some halls, and 40
// terminals. Seeded, written in bulk, no audit entries (history, not staff actions).

const DAY: Period[] = [
  ['09:00', '12:00'],
  ['14:00', '18:00'],
];
const week = (sat: Period[] = [], wed: Period[] = DAY) => JSON.stringify([DAY, DAY, wed, DAY, DAY, sat, []]);

async function chunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await insert(rows.slice(i, i + size));
  }
}

/** Some of a list, drawn with the seeded generator. */
function sample<T>(rnd: () => number, list: T[], n: number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, Math.min(n, copy.length));
}

type Hall = { id: number; code: string; street: string; lat: number; lng: number };

async function insertHalls(trx: Executor, rnd: () => number, now: string) {
  const base = { createdAt: now, updatedAt: now, active: 1, opensOnHolidays: 0 };
  const district = await trx
    .insertInto('serviceHall')
    .values({ ...base, ...DISTRICT_HALL, level: 'district', parentId: null, street: '', weeklyHours: week([['09:00', '12:00']], [['09:00', '20:00']]), lunchFrom: '12:00', lunchTo: '14:00' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const streets = await trx
    .insertInto('serviceHall')
    .values(
      STREETS.map((s, i) => ({
        ...base,
        code: `GM-S0${i + 1}`,
        level: 'street',
        name: `${s.name}街道行政服务大厅`,
        parentId: district.id,
        street: s.name,
        address: `深圳市光明区${s.name}街道${s.road}${100 + Math.floor(rnd() * 300)}号 ${s.name}街道党群服务中心一楼`,
        lat: s.lat,
        lng: s.lng,
        phone: `0755-2${String(7100000 + i * 1111).slice(0, 7)}`,
        weeklyHours: week(i % 2 === 0 ? [['09:00', '12:00']] : []),
        lunchFrom: s.lunch ? '12:00' : '',
        lunchTo: s.lunch ? '14:00' : '',
        extraService: i % 2 === 0 ? '周六上午9:00—12:00办理居住证、社保等高频事项。' : '',
        transport: `公交${s.name}街道办站下车步行约5分钟。`,
        accessibility: '设无障碍坡道和爱心座椅；行动不便的群众可预约上门服务。',
        services: '街道“一窗式”综合受理：社会保障、计划生育、民政救助、居住登记、企业开办咨询等。',
      })),
    )
    .returning(['id', 'code', 'street', 'lat', 'lng'])
    .execute();
  const communityRows = STREETS.flatMap((s, si) =>
    s.communities.map((c, ci) => {
      const lunch = rnd() < 0.2;
      return {
        ...base,
        code: `GM-C${String(si + 1)}${String(ci + 1).padStart(2, '0')}`,
        level: 'community',
        name: `${c}社区党群服务中心政务服务站`,
        parentId: streets[si]!.id,
        street: s.name,
        address: `深圳市光明区${s.name}街道${c}社区${c}${['一路', '二路', '大道', '路'][ci % 4]}${1 + Math.floor(rnd() * 80)}号`,
        lat: Math.round((s.lat + (rnd() - 0.5) * 0.03) * 10000) / 10000,
        lng: Math.round((s.lng + (rnd() - 0.5) * 0.03) * 10000) / 10000,
        phone: `0755-2${String(7200000 + si * 100 + ci).slice(0, 7)}`,
        weeklyHours: week(rnd() < 0.3 ? [['09:00', '12:00']] : []),
        lunchFrom: lunch ? '12:00' : '',
        lunchTo: lunch ? '14:00' : '',
        extraService: '',
        transport: `${c}社区公交站步行可达。`,
        accessibility: '一楼办理，设无障碍通道。',
        services: '社区代办：居住登记、老年人优待证、计生证明、社保查询和企业开办咨询。',
      };
    }),
  );
  const communities = await trx.insertInto('serviceHall').values(communityRows).returning(['id', 'code', 'street', 'lat', 'lng']).execute();
  const districtHall: Hall = { id: district.id, code: DISTRICT_HALL.code, street: '', lat: DISTRICT_HALL.lat, lng: DISTRICT_HALL.lng };
  return { district: districtHall, streets: streets as Hall[], communities: communities as Hall[] };
}

type WindowPlan = { row: Omit<Insertable<ServiceWindowTable>, 'createdAt' | 'updatedAt'>; items: number[] };

/** The district hall's 29 windows: 18 one-window acceptance, 4 specialised, 4 delivery, 3 enquiry. */
function districtWindows(hallId: number, ctx: DemoContext, items: PickerItem[]): WindowPlan[] {
  const byDept = new Map<number, number[]>();
  for (const i of items) {
    byDept.set(i.departmentId, [...(byDept.get(i.departmentId) ?? []), i.id]);
  }
  const specialisedDepts = new Set(SPECIALISED.map((s) => ctx.deptIds.get(s.dept)));
  const general = [...ctx.deptIds.values()].filter((d) => !specialisedDepts.has(d));
  const plans: WindowPlan[] = [];
  const push = (number: string, name: string, kind: string, departmentId: number | null, itemIds: number[]) => plans.push({ row: { hallId, number, name, kind, departmentId, notes: '', sortOrder: plans.length + 1 }, items: itemIds });
  for (let i = 0; i < 18; i++) {
    const dept = general[i % general.length] ?? null;
    push(`A${String(i + 1).padStart(2, '0')}`, '综合受理窗口', 'comprehensive', dept, dept ? (byDept.get(dept) ?? []) : []);
  }
  SPECIALISED.forEach((s, i) => {
    const dept = ctx.deptIds.get(s.dept) ?? null;
    push(`B0${i + 1}`, `${s.name}专业窗口`, 'specialised', dept, dept ? (byDept.get(dept) ?? []) : []);
  });
  const serviceData = ctx.deptIds.get('service-data') ?? null;
  for (let i = 0; i < 4; i++) {
    push(`C0${i + 1}`, '统一出件窗口', 'delivery', serviceData, []);
  }
  for (let i = 0; i < 3; i++) {
    push(`D0${i + 1}`, i === 0 ? '企业服务咨询窗口' : '综合咨询窗口', 'enquiry', serviceData, []);
  }
  return plans;
}

/** A street hall's 8 windows or a community station's 3, each acceptance window with a draw of items. */
function localWindows(rnd: () => number, hall: Hall, street: boolean, ctx: DemoContext, items: PickerItem[]): WindowPlan[] {
  const serviceData = ctx.deptIds.get('service-data') ?? null;
  const hrss = ctx.deptIds.get('hrss') ?? null;
  const plans: WindowPlan[] = [];
  const push = (number: string, name: string, kind: string, departmentId: number | null, itemIds: number[]) => plans.push({ row: { hallId: hall.id, number, name, kind, departmentId, notes: '', sortOrder: plans.length + 1 }, items: itemIds });
  if (street) {
    for (let i = 0; i < 5; i++) {
      push(String(i + 1), '综合受理窗口', 'comprehensive', serviceData, sample(rnd, items, 30).map((i) => i.id));
    }
    push('6', '社会保障专业窗口', 'specialised', hrss, items.filter((i) => i.departmentId === hrss).map((i) => i.id));
    push('7', '统一出件窗口', 'delivery', serviceData, []);
    push('8', '咨询引导台', 'enquiry', serviceData, []);
  } else {
    push('1', '综合受理窗口', 'comprehensive', serviceData, sample(rnd, items, 12).map((i) => i.id));
    push('2', '出件窗口', 'delivery', serviceData, []);
    push('3', '咨询窗口', 'enquiry', serviceData, []);
  }
  return plans;
}

async function insertWindows(trx: Executor, plans: WindowPlan[], now: string): Promise<void> {
  const ids: number[] = [];
  await chunks(plans, 200, async (chunk) => {
    const rows = await trx
      .insertInto('serviceWindow')
      .values(chunk.map((p) => ({ ...p.row, createdAt: now, updatedAt: now })))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  });
  const pairs = plans.flatMap((p, i) => [...new Set(p.items)].map((itemId) => ({ windowId: ids[i]!, itemId })));
  await chunks(pairs, 500, (chunk) => trx.insertInto('serviceWindowItem').values(chunk).execute());
}

/** 40 terminals: 2 in the district hall, 1 in each street hall, 12 in banks, 12 in community centres, 8 in industrial parks. */
function terminalRows(rnd: () => number, h: Awaited<ReturnType<typeof insertHalls>>, now: string, parkItems: boolean) {
  const rows: Array<Insertable<ServiceTerminalTable> & { custom: boolean }> = [];
  const add = (name: string, hallId: number | null, placeKind: string, street: string, address: string, lat: number, lng: number, custom = false) =>
    rows.push({ code: `GM-T${String(rows.length + 1).padStart(3, '0')}`, name, hallId, placeKind, street, address, lat, lng, hours: '00:00-24:00', customItems: custom ? 1 : 0, active: 1, createdAt: now, updatedAt: now, custom });
  const jitter = (v: number) => Math.round((v + (rnd() - 0.5) * 0.02) * 10000) / 10000;
  add('区政务服务中心24小时自助服务区1号机', h.district.id, 'hall', '光明', DISTRICT_HALL.address, DISTRICT_HALL.lat, DISTRICT_HALL.lng);
  add('区政务服务中心24小时自助服务区2号机', h.district.id, 'hall', '光明', DISTRICT_HALL.address, DISTRICT_HALL.lat, DISTRICT_HALL.lng);
  h.streets.forEach((s) => add(`${s.street}街道行政服务大厅自助机`, s.id, 'hall', s.street, `${s.street}街道行政服务大厅24小时自助区`, s.lat, s.lng));
  BANKS.forEach((b, i) => {
    const s = STREETS[i % STREETS.length]!;
    add(`${b}自助政务终端`, null, 'bank', s.name, `深圳市光明区${s.name}街道${s.road}${10 + i * 7}号 ${b}营业厅`, jitter(s.lat), jitter(s.lng));
  });
  sample(rnd, h.communities, 12).forEach((c) => add(`社区党群服务中心自助终端（${c.code}）`, null, 'community_centre', c.street, `${c.street}街道社区党群服务中心大堂`, jitter(c.lat), jitter(c.lng)));
  PARKS.forEach((p, i) => {
    const s = STREETS[(i + 2) % STREETS.length]!;
    add(`${p}企业服务自助终端`, null, 'industrial_park', s.name, `深圳市光明区${s.name}街道 ${p}综合服务中心`, jitter(s.lat), jitter(s.lng), parkItems);
  });
  return rows;
}

/** Loads this module's demo data inside the demo transaction. */
export async function loadServiceHallsDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const rnd = seededRandom(17_10);
  const now = nowIso();
  const items = await pickerItems(trx);
  const h = await insertHalls(trx, rnd, now);
  const plans = [...districtWindows(h.district.id, ctx, items), ...h.streets.flatMap((s) => localWindows(rnd, s, true, ctx, items)), ...h.communities.flatMap((c) => localWindows(rnd, c, false, ctx, items))];
  await insertWindows(trx, plans, now);
  // The park terminals carry their own list: the enterprise items (here: a draw of the catalogue's items).
  const parkItems = sample(rnd, items, 20).map((i) => i.id);
  const rows = terminalRows(rnd, h, now, parkItems.length > 0);
  const ids = (await trx.insertInto('serviceTerminal').values(rows.map(({ custom: _c, ...r }) => r)).returning('id').execute()).map((r) => r.id);
  const pairs = rows.flatMap((r, i) => (r.custom ? parkItems.map((itemId) => ({ terminalId: ids[i]!, itemId })) : []));
  await chunks(pairs, 500, (chunk) => trx.insertInto('serviceTerminalItem').values(chunk).execute());
}
