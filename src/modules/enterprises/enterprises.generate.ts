// Deterministic generated enterprises in the import format: the demo, the tests and the benchmarks
// share them. Zhongshan-like: each town has its own industry mix (古镇 lighting, 东凤/南头 household
// appliances, 小榄 hardware, 大涌 redwood furniture, 沙溪 garments, 火炬开发区 software …).
import { creditCodeCheckChar } from '../../platform/identity/index.js';
import type { Column } from './enterprises.rows.js';
import { COLUMNS, HEADERS_ZH, SIZE_ZH } from './enterprises.rows.js';
import { deriveSize } from './enterprises.size.js';
import { seededRandom } from '../../platform/random.js';

/** A generated row: text by column, exactly as a registration file carries it. */
export type GeneratedRow = Record<Column, string>;

/** Zhongshan's towns and streets (镇街). */
export const ZHONGSHAN_TOWNS = [
  '石岐街道', '东区街道', '西区街道', '南区街道', '五桂山街道', '中山港街道(火炬开发区)', '民众街道', '南朗街道',
  '小榄镇', '古镇镇', '横栏镇', '东凤镇', '南头镇', '黄圃镇', '阜沙镇', '三角镇', '港口镇', '沙溪镇', '大涌镇',
  '坦洲镇', '三乡镇', '神湾镇', '板芙镇', '东升镇',
] as const;

/** Industry codes with a trade word for the name. */
const TRADES: Record<string, readonly [string, string]> = {
  lighting: ['C3872', '灯饰照明'],
  lamps: ['C3879', '灯具'],
  fridge: ['C3851', '电器'],
  aircon: ['C3852', '空调设备'],
  kitchen: ['C3854', '厨卫电器'],
  smallAppliance: ['C3856', '小家电'],
  hardware: ['C3351', '五金制品'],
  metalwork: ['C3399', '金属制品'],
  locks: ['C3351', '锁业'],
  redwood: ['C2110', '红木家具'],
  furniture: ['C2130', '家具'],
  garments: ['C1810', '服装'],
  knitwear: ['C1820', '制衣'],
  software: ['I6513', '软件科技'],
  itService: ['I6531', '信息技术'],
  internet: ['I6420', '网络科技'],
  electronics: ['C3982', '电子'],
  pharma: ['C2720', '生物医药'],
  autoParts: ['C3670', '汽车配件'],
  food: ['C1353', '食品'],
  toys: ['C2462', '游艺设备'],
  chemicals: ['C2641', '涂料化工'],
  plastics: ['C2929', '塑料制品'],
  textile: ['C1713', '纺织'],
  wholesale: ['F5176', '贸易'],
  wholesale2: ['F5137', '商贸'],
  retail: ['F5211', '百货'],
  retail2: ['F5261', '汽车销售'],
  restaurant: ['H6210', '餐饮管理'],
  hotel: ['H6110', '酒店'],
  logistics: ['G5430', '物流'],
  storage: ['G5920', '仓储'],
  construction: ['E4710', '建筑工程'],
  decoration: ['E5011', '装饰工程'],
  property: ['K7020', '物业管理'],
  business: ['L7212', '企业管理咨询'],
  advertising: ['L7251', '广告'],
  research: ['M7320', '工程技术研究'],
  design: ['M7491', '工业设计'],
  farming: ['A0151', '农业发展'],
  aquaculture: ['A0422', '水产养殖'],
  repair: ['O8111', '汽车维修'],
  culture: ['R8870', '文化传播'],
};
type Trade = keyof typeof TRADES;

/** Each town's industry mix (trade, weight); every town also has the common services. */
const TOWN_MIX: Record<(typeof ZHONGSHAN_TOWNS)[number], Array<[Trade, number]>> = {
  石岐街道: [['retail', 6], ['wholesale', 4], ['restaurant', 4], ['business', 3], ['culture', 2], ['hotel', 1]],
  东区街道: [['business', 5], ['retail', 4], ['software', 3], ['property', 2], ['advertising', 2], ['hotel', 1]],
  西区街道: [['retail', 4], ['wholesale', 4], ['garments', 2], ['restaurant', 3], ['repair', 2]],
  南区街道: [['electronics', 3], ['wholesale', 3], ['retail', 3], ['construction', 2]],
  五桂山街道: [['farming', 3], ['hotel', 2], ['restaurant', 2], ['research', 1]],
  '中山港街道(火炬开发区)': [['software', 6], ['itService', 4], ['electronics', 5], ['pharma', 3], ['internet', 2], ['research', 2], ['autoParts', 2]],
  民众街道: [['chemicals', 3], ['aquaculture', 2], ['plastics', 3], ['textile', 2]],
  南朗街道: [['farming', 2], ['electronics', 2], ['hotel', 2], ['research', 1]],
  小榄镇: [['hardware', 7], ['locks', 4], ['metalwork', 4], ['electronics', 2], ['plastics', 2]],
  古镇镇: [['lighting', 10], ['lamps', 5], ['wholesale2', 3]],
  横栏镇: [['lighting', 6], ['lamps', 3], ['garments', 1]],
  东凤镇: [['kitchen', 6], ['smallAppliance', 6], ['fridge', 2], ['plastics', 2]],
  南头镇: [['fridge', 5], ['aircon', 5], ['kitchen', 3], ['smallAppliance', 3]],
  黄圃镇: [['food', 5], ['autoParts', 3], ['metalwork', 2]],
  阜沙镇: [['plastics', 3], ['aquaculture', 2], ['metalwork', 2]],
  三角镇: [['textile', 3], ['chemicals', 2], ['electronics', 2]],
  港口镇: [['toys', 5], ['furniture', 2], ['plastics', 2]],
  沙溪镇: [['garments', 7], ['knitwear', 4], ['textile', 2], ['wholesale2', 2]],
  大涌镇: [['redwood', 7], ['furniture', 3], ['garments', 2]],
  坦洲镇: [['electronics', 3], ['logistics', 3], ['storage', 2], ['construction', 2]],
  三乡镇: [['electronics', 3], ['hotel', 2], ['construction', 2], ['retail', 2]],
  神湾镇: [['farming', 4], ['aquaculture', 2], ['design', 1]],
  板芙镇: [['furniture', 3], ['autoParts', 2], ['metalwork', 2]],
  东升镇: [['furniture', 4], ['metalwork', 2], ['plastics', 2]],
};
const COMMON: Array<[Trade, number]> = [['wholesale', 2], ['retail', 2], ['restaurant', 1], ['decoration', 1], ['logistics', 1], ['repair', 1]];
/** Town weights: bigger towns have more enterprises. */
const TOWN_WEIGHT: Record<string, number> = { 小榄镇: 9, 古镇镇: 8, 石岐街道: 6, 东区街道: 6, '中山港街道(火炬开发区)': 8, 沙溪镇: 5, 东凤镇: 6, 南头镇: 4, 坦洲镇: 5, 三乡镇: 4, 横栏镇: 4, 港口镇: 3, 大涌镇: 3, 黄圃镇: 3, 西区街道: 4, 南区街道: 3 };

const SURNAMES = '陈李黄梁林吴张何刘郑罗冯谢杨欧阳周高卢郭'.split('');
const GIVEN = ['伟', '芳', '国强', '志明', '嘉欣', '建华', '丽娟', '文杰', '少华', '锦荣', '永坚', '秀英', '家豪', '海燕', '俊杰', '玉珍'];
const BRANDS = ['华', '美', '嘉', '明', '达', '信', '荣', '盛', '兴', '宏', '锦', '瑞', '泰', '恒', '创', '德', '富', '利', '康', '隆', '星', '光', '海', '成'];
const TYPES: Array<[string, number]> = [['有限责任公司', 70], ['个人独资企业', 8], ['个体工商户', 5], ['股份有限公司', 4], ['合伙企业', 3], ['外商投资企业', 6], ['其他', 1]];
const OWNERSHIP: Array<[string, number]> = [['私营', 82], ['混合所有制', 4], ['国有', 3], ['集体', 2]];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function pick<T>(rnd: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) {
      return v;
    }
  }
  return items[items.length - 1]![0];
}

/** A unique, valid credit code for row `i` (registered in Zhongshan, 442000). */
export function generatedCreditCode(i: number, seed: number): string {
  let n = i + (seed % 1000) * 10_000_000;
  let body = '';
  for (let k = 0; k < 7; k++) {
    body = CODE_CHARS[n % 31]! + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91442000MB${body}`;
  return first17 + creditCodeCheckChar(first17);
}

const towns: Array<[string, number]> = ZHONGSHAN_TOWNS.map((t) => [t, TOWN_WEIGHT[t] ?? 2]);
const round1 = (x: number) => String(Math.round(x * 10) / 10);

/**
 * `count` generated enterprises for a seed, lazily (a million rows need not sit in memory). The same
 * (count, seed) always yields the same rows; row i does not depend on count.
 */
export function* generateEnterpriseRows(count: number, seed: number): Generator<GeneratedRow> {
  for (let i = 0; i < count; i++) {
    const rnd = seededRandom(seed * 1_000_003 + i);
    const town = pick(rnd, towns);
    const trade = pick(rnd, [...TOWN_MIX[town as keyof typeof TOWN_MIX], ...COMMON]);
    const [industryCode, word] = TRADES[trade]!;
    const x = rnd();
    const employees = x < 0.6 ? 1 + Math.floor(rnd() * 19) : x < 0.88 ? 20 + Math.floor(rnd() * 80) : x < 0.97 ? 100 + Math.floor(rnd() * 200) : x < 0.995 ? 300 + Math.floor(rnd() * 700) : 1000 + Math.floor(rnd() * 2000);
    const perHead = 15 + rnd() * 120;
    const revenue = employees * perHead;
    const manufacturing = industryCode.startsWith('C') || industryCode.startsWith('I') || industryCode.startsWith('M');
    const rdRatio = manufacturing ? rnd() * 8 : rnd() * 1.5;
    let type = pick(rnd, TYPES);
    if (industryCode.startsWith('A') && rnd() < 0.4) {
      type = '农民专业合作社';
    }
    const ownership = type === '外商投资企业' ? (rnd() < 0.55 ? '港澳台投资' : '外商投资') : pick(rnd, OWNERSHIP);
    const year = 2025 - Math.floor(Math.pow(rnd(), 1.6) * 35);
    const foundedOn = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const tags: string[] = [];
    if (rnd() < 0.1) {
      if (manufacturing && rdRatio >= 3) {
        tags.push(rnd() < 0.5 ? '高新技术企业' : '科技型中小企业');
      }
      if (revenue >= 2000 && industryCode.startsWith('C')) {
        tags.push('规上企业');
      }
      if (rnd() < 0.3) {
        tags.push(pick(rnd, [['专精特新', 3], ['外贸企业', 3], ['创新型中小企业', 2], ['小微企业', 2]] as const));
      }
      if (tags.length === 0) {
        tags.push('小微企业');
      }
    }
    const revenueKnown = rnd() >= 0.08;
    const derived = deriveSize(industryCode, employees, revenueKnown ? revenue : null);
    const giveSize = rnd() < 0.3 && derived !== null;
    const short = town.replace(/(街道|镇)(\(.*\))?$/, '');
    const brand = BRANDS[Math.floor(rnd() * BRANDS.length)]! + BRANDS[Math.floor(rnd() * BRANDS.length)]!;
    const suffix = type === '个体工商户' ? '店' : type === '农民专业合作社' ? '专业合作社' : type === '个人独资企业' ? '厂' : type === '合伙企业' ? '（普通合伙）' : type === '股份有限公司' ? '股份有限公司' : '有限公司';
    const mobile = `1${'3578'[Math.floor(rnd() * 4)]}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
    yield {
      creditCode: generatedCreditCode(i, seed),
      name: `中山市${short}${brand}${word}${suffix}`,
      enterpriseType: type,
      ownership,
      industryCode,
      size: giveSize ? SIZE_ZH[derived] : '',
      foundedOn,
      registeredCapital: round1(10 + Math.pow(rnd(), 2) * 5000),
      town,
      legalRepresentative: SURNAMES[Math.floor(rnd() * SURNAMES.length)]! + GIVEN[Math.floor(rnd() * GIVEN.length)]!,
      legalMobile: mobile,
      employees: String(employees),
      revenue: revenueKnown ? round1(revenue) : '',
      taxPaid: rnd() < 0.95 ? round1(revenue * (0.01 + rnd() * 0.05)) : '',
      rdRatio: rnd() < 0.75 ? round1(rdRatio) : '',
      tags: [...new Set(tags)].join('、'),
    };
  }
}

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The CSV text of generated rows, line by line, header first (for writing a file as a stream). */
export function* enterpriseRowsCsv(rows: Iterable<GeneratedRow>): Generator<string> {
  yield `${COLUMNS.map((c) => HEADERS_ZH[c]).join(',')}\n`;
  for (const r of rows) {
    yield `${COLUMNS.map((c) => csvCell(r[c])).join(',')}\n`;
  }
}
