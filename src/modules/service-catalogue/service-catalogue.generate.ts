import { seededRandom } from '../../platform/random.js';
import type { Material, Step } from './service-catalogue.compact.js';
import { AUDIENCE_CODES, DELIVERY, PLACES, TYPE_CODES, VOCABULARY, WEIGHTS } from './service-catalogue.demo-data.js';
import { SHOWCASE } from './service-catalogue.showcase.js';
import { VARIANTS } from './service-catalogue.rules.js';

// A district catalogue generated to given figures (the demo: 655 items, 84 enterprise-related, 105
// no-visit, 12 instant approval; the benchmark: 20,000), from a seed, so every run is the same. Every
// item passes the consistency rules; showcase items carry a full guide.

/** One generated item: its columns (parent by code) and materials. */
export interface GeneratedItem {
  code: string;
  parentCode: string | null;
  variant: string;
  name: string;
  itemType: string;
  departmentCode: string;
  level: string;
  theme: string;
  audience: string;
  caseType: string;
  visitsNeeded: number;
  visitsReason: string;
  onlineDepth: string;
  statutoryDays: number;
  promisedDays: number;
  conditions: string;
  legalBasis: string;
  steps: Step[];
  specialSteps: Array<{ name: string; days: number; basis: string; countedInLimit: boolean }>;
  faq: Array<{ q: string; a: string }>;
  materials: Material[];
  resultType: string;
  resultName: string;
  deliveryMethods: string;
  place: string;
  feeCharged: boolean;
  feeBasis: string;
  onlinePayment: boolean;
  enterpriseRelated: boolean;
  noVisit: boolean;
  instantApproval: boolean;
  selfServiceTerminal: boolean;
}

export interface Figures {
  total: number;
  enterprise: number;
  noVisit: number;
  instant: number;
}

const STREETS = ['光明街道', '公明街道', '新湖街道', '凤凰街道', '玉塘街道', '马田街道'];
const VARIANT_ZH: Record<string, string> = { new: '新办', change: '变更', renewal: '延续', cancellation: '注销' };
const STATUTORY: Record<string, number[]> = { licensing: [20, 20, 15, 30], confirmation: [10, 15, 20], adjudication: [30, 60], benefit: [15, 20, 30], award: [30], filing: [5, 10], other_power: [10, 20], public_service: [5, 10, 15] };
const RESULT: Record<string, string> = { licensing: '许可证', confirmation: '登记证明', adjudication: '裁决书', benefit: '审批通知书', award: '奖励证书', filing: '备案回执', other_power: '审批意见', public_service: '办理结果告知书' };

/** Splits a total over departments by weight (largest remainder), every department at least one. */
function quotas(total: number, codes: string[]): Map<string, number> {
  const sum = codes.reduce((s, c) => s + (WEIGHTS[c] ?? 10), 0);
  const exact = codes.map((c) => ({ c, x: (total * (WEIGHTS[c] ?? 10)) / sum }));
  const out = new Map(exact.map((e) => [e.c, Math.max(1, Math.floor(e.x))]));
  let left = total - [...out.values()].reduce((s, n) => s + n, 0);
  for (const e of [...exact].sort((a, b) => (b.x % 1) - (a.x % 1))) {
    if (left <= 0) {
      break;
    }
    out.set(e.c, out.get(e.c)! + 1);
    left--;
  }
  return out;
}

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** The names (with parent and variant) a department's quota is filled with: main items, then variants of licences, then street sub items. */
function namesOf(dept: string, quota: number): Array<{ name: string; entry: string[]; parent: number | null; variant: string; street: boolean }> {
  const vocab = (VOCABULARY[dept] ?? ['政务服务事项咨询|P|b|政务服务']).map((e) => e.split('|'));
  const out: Array<{ name: string; entry: string[]; parent: number | null; variant: string; street: boolean }> = [];
  for (const entry of vocab.slice(0, quota)) {
    out.push({ name: entry[0]!, entry, parent: null, variant: '', street: false });
  }
  const mains = out.map((_, i) => i);
  for (const v of VARIANTS) {
    for (const i of mains.filter((i) => out[i]!.entry[1] === 'L')) {
      if (out.length < quota) {
        out.push({ name: `${out[i]!.name}（${VARIANT_ZH[v]}）`, entry: out[i]!.entry, parent: i, variant: v, street: false });
      }
    }
  }
  for (let round = 0; out.length < quota; round++) {
    for (const i of mains) {
      const street = STREETS[round % STREETS.length]!;
      const where = round < STREETS.length ? street : `${street}第${Math.floor(round / STREETS.length) + 1}社区`;
      if (out.length < quota) {
        out.push({ name: `${out[i]!.name}（${where}）`, entry: out[i]!.entry, parent: i, variant: '', street: true });
      }
    }
  }
  return out;
}

function plainMaterials(audience: string, name: string): Material[] {
  const id = audience === 'person' ? '申请人身份证明' : '营业执照或统一社会信用代码证明';
  return [
    { name: `${name.replace(/（.*）$/, '')}申请表`, form: 'original', copies: 1, required: true, notes: '可在本页下载空白表格' },
    { name: id, form: 'original_and_copy', copies: 1, required: true, notes: '原件核验后退回' },
    { name: '授权委托书', form: 'original', copies: 1, required: false, notes: '委托他人办理时提供' },
  ];
}

/** The whole generated catalogue for departments (by code), to the figures given. */
export function generateCatalogue(deptCodes: string[], figures: Figures, seed = 20261129): GeneratedItem[] {
  const rnd = seededRandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const items: GeneratedItem[] = [];
  for (const [dept, quota] of quotas(figures.total, deptCodes)) {
    const names = namesOf(dept, quota);
    const prefix = `440311-${dept.replace(/-/g, '').toUpperCase().slice(0, 6)}`;
    const codes: string[] = [];
    names.forEach((n, i) => {
      const code = n.parent === null ? `${prefix}-${String(i + 1).padStart(4, '0')}` : `${codes[n.parent]}-${n.variant ? String(VARIANTS.indexOf(n.variant as (typeof VARIANTS)[number]) + 1).padStart(2, '0') : `S${String(i).padStart(4, '0')}`}`;
      codes.push(code);
      const type = TYPE_CODES[n.entry[1]!]!;
      const audience = AUDIENCE_CODES[n.entry[2]!]!;
      const statutory = pick(STATUTORY[type]!);
      const onTheSpot = rnd() < 0.15;
      const r = rnd();
      const depth = r < 0.35 ? 'fully_online' : r < 0.75 ? 'online_submission' : r < 0.9 ? 'download' : 'information';
      const visits = depth === 'fully_online' ? 0 : rnd() < 0.15 ? 2 : 1;
      const fee = rnd() < 0.05;
      items.push({
        code,
        parentCode: n.parent === null ? null : codes[n.parent]!,
        variant: n.variant,
        name: n.name,
        itemType: type,
        departmentCode: dept,
        level: n.street ? 'township' : 'county',
        theme: n.entry[3]!,
        audience,
        caseType: onTheSpot ? 'on_the_spot' : 'promise',
        visitsNeeded: visits,
        visitsReason: visits === 0 ? '' : visits === 2 ? '提交申请时核验原件，领取结果时本人签收' : '核验申请材料原件',
        onlineDepth: depth,
        statutoryDays: statutory,
        promisedDays: onTheSpot ? 0 : Math.max(1, Math.round(statutory * (0.25 + rnd() * 0.35))),
        conditions: `符合${n.name.replace(/（.*）$/, '')}有关法律法规规定条件的${audience === 'person' ? '自然人' : audience === 'legal_person' ? '法人或其他组织' : '自然人、法人或其他组织'}。`,
        legalBasis: '《中华人民共和国行政许可法》及相关法律法规',
        steps: [
          { step: 'accept', description: '窗口或网上受理，材料齐全的当场受理', days: 0 },
          { step: 'review', description: '审查申请材料', days: 0 },
          { step: 'approve', description: '作出决定', days: 0 },
          { step: 'deliver', description: '送达办理结果', days: 0 },
        ],
        specialSteps: [],
        faq: [],
        materials: plainMaterials(audience, n.name),
        resultType: RESULT[type]!,
        resultName: `${n.name.replace(/（.*）$/, '').replace(/(审批|许可|核发|登记|认定|备案|申请|申领)$/, '')}${RESULT[type]!}`,
        deliveryMethods: depth === 'fully_online' ? DELIVERY[3]! : pick(DELIVERY.slice(0, 3)),
        place: pick(PLACES).replace('{n}', String(1 + Math.floor(rnd() * 40))),
        feeCharged: fee,
        feeBasis: fee ? '按国家和省规定的收费标准收取' : '',
        onlinePayment: fee && rnd() < 0.5,
        enterpriseRelated: false,
        noVisit: false,
        instantApproval: false,
        selfServiceTerminal: rnd() < 0.08,
      });
    });
  }
  assignFlags(items, figures, rnd);
  for (const it of items) {
    const s = SHOWCASE[it.name];
    if (s) {
      Object.assign(it, s);
    }
    // The limits of steps follow the promised limit: review and decision share it.
    const half = Math.floor(it.promisedDays / 2);
    it.steps = it.steps.map((st) => (st.days === 0 && st.step === 'review' ? { ...st, days: half } : st.days === 0 && st.step === 'approve' ? { ...st, days: it.promisedDays - half } : st));
  }
  return items;
}

/** Exactly `enterprise` items for legal persons flagged enterprise-related, `noVisit` no-visit and `instant` instant-approval ones, consistent with the rules. */
function assignFlags(items: GeneratedItem[], f: Figures, rnd: () => number): void {
  const order = shuffle(items.map((_, i) => i), rnd);
  const noVisit = (it: GeneratedItem) => {
    it.onlineDepth = 'fully_online';
    it.visitsNeeded = 0;
    it.visitsReason = '';
    it.deliveryMethods = DELIVERY[3]!;
  };
  order.filter((i) => items[i]!.audience !== 'person').slice(0, f.enterprise).forEach((i) => (items[i]!.enterpriseRelated = true));
  order.slice(0, f.noVisit).forEach((i) => {
    items[i]!.noVisit = true;
    noVisit(items[i]!);
  });
  // 秒批 suits confirmations and public services decided by rules; taken from the end so the sets overlap only by chance.
  const instant = [...order].reverse().filter((i) => ['confirmation', 'public_service', 'filing'].includes(items[i]!.itemType) && !items[i]!.feeCharged);
  instant.slice(0, f.instant).forEach((i) => {
    const it = items[i]!;
    it.instantApproval = true;
    it.caseType = 'on_the_spot';
    it.promisedDays = 0;
    noVisit(it);
  });
}
