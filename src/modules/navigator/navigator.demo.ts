import type { Executor } from '../../http/context.js';
import type { DemoContext } from '../../demo/demo-context.js';
import { policyBriefByIndexNo } from '../policies/index.js';
import { OLD_FACTORY_2019 } from '../policies/policies.demo-data.js';
import type { EnterpriseFacts, FactValue } from '../enterprises/index.js';
import type { Condition } from './navigator.rules.js';
import { addExample, saveRule, type ExampleExpectation } from './navigator.service.js';
import { saveGuide, type GuideInput } from './navigator.guide.js';

const v = (value: FactValue['value']): FactValue => ({ value, source: 'registration', asOf: '2026-06-30' });

interface DemoRule {
  guide?: GuideInput;
  indexNo: string;
  effectiveFrom: string;
  tree: Condition;
  examples: Array<{ name: string; facts: EnterpriseFacts['facts']; expected: ExampleExpectation }>;
}

// The valid enterprise policies of the demo library, with rules a newcomer can follow: the demo
// enterprise (中山市示范科技有限公司: software, small, founded 2021, R&D 3.2%, 科技型中小企业, no tax figure)
// qualifies for two, is one condition short of one (研发投入 3.2% < 4%), cannot be judged for one
// (no tax figure) and is far from one.
const RULES: DemoRule[] = [
  {
    // The source's 旧厂房改造 (工改工): manufacturers on industrial land, in business long enough to have
    // an old plant; the award scales with the new floor area, so no amount is estimated here.
    guide: {
      supportKind: 'none',
      categories: ['转型升级'],
      supportText: '按期完成改造并投产的项目，按新增计容建筑面积每平方米奖励 100 元，单个项目最高 500 万元。',
      materials: '旧厂房改造申请表\n土地和房屋权属证明\n改造方案（含规划设计条件）\n产业项目说明',
      steps: '向镇政府（区办事处）“三旧”改造部门提出申请\n编制改造方案，报市自然资源局审核\n批准后签订监管协议\n按期动工、竣工，申请奖励',
      officeAddress: '各镇政府（区办事处）“三旧”改造办公室',
      officeHours: '工作日 8:30–12:00，14:00–17:30',
      officePhone: '0760-88888321',
    },
    indexNo: OLD_FACTORY_2019,
    effectiveFrom: '2019-10-01',
    tree: {
      id: 'root',
      kind: 'all',
      items: [
        { id: 'ind', kind: 'industry', prefixes: ['C'] },
        { id: 'age', kind: 'yearsSince', fact: 'foundedOn', op: '>=', years: 5 },
        { id: 'notlarge', kind: 'not', item: { id: 'large', kind: 'oneOf', fact: 'size', values: ['large'] } },
      ],
    },
    examples: [
      { name: '成立十年的五金厂', facts: { industryCode: v('C3311'), foundedOn: v('2015-03-01'), size: v('small') }, expected: 'met' },
      { name: '成立三年的灯饰厂', facts: { industryCode: v('C3872'), foundedOn: v('2023-06-01'), size: v('micro') }, expected: 'near' },
      { name: '软件企业', facts: { industryCode: v('I6513'), foundedOn: v('2010-01-01'), size: v('small') }, expected: 'near' },
    ],
  },
  {
    guide: {
      applyFrom: '2026-03-01',
      applyUntil: '2026-12-31',
      supportKind: 'fixed',
      supportAmount: 5,
      categories: ['创新发展'],
      supportText: '发明专利授权每件资助 5000 元；知识产权贯标认证一次性奖励 5 万元。',
      materials: '申报表（加盖公章）\n营业执照复印件\n专利证书或贯标认证证书复印件\n银行开户许可证',
      steps: '登录中山市政务服务网填报\n市市场监管局初审（10 个工作日）\n公示 5 个工作日\n拨付资金',
      onlineUrl: 'https://www.gdzwfw.gov.cn/',
      officeAddress: '中山市行政服务中心三楼市场监管窗口',
      officeHours: '工作日 8:30–12:00，14:00–17:30',
      officePhone: '0760-88888234',
    },
    indexNo: '11442000MB2C92036E/2021-00088', // 知识产权资助和奖励办法
    effectiveFrom: '2021-11-22',
    tree: {
      id: 'root',
      kind: 'all',
      items: [
        { id: 'qual', kind: 'any', items: [{ id: 'hnte', kind: 'tag', tag: '高新技术企业' }, { id: 'srdi', kind: 'tag', tag: '专精特新' }, { id: 'tsme', kind: 'tag', tag: '科技型中小企业' }] },
        { id: 'age', kind: 'yearsSince', fact: 'foundedOn', op: '>=', years: 1 },
      ],
    },
    examples: [
      { name: '成立三年的科技型中小企业', facts: { tags: v(['科技型中小企业']), foundedOn: v('2022-05-01') }, expected: 'met' },
      { name: '刚成立的高新技术企业', facts: { tags: v(['高新技术企业']), foundedOn: v('2026-10-01') }, expected: 'near' },
    ],
  },
  {
    guide: { supportKind: 'none', categories: ['企业减负'], supportText: '符合条件的企业无需申报，资金直接拨付到企业账户。', steps: '系统比对企业数据\n公示 5 个工作日\n资金直接拨付', officeAddress: '中山市行政服务中心一楼综合窗口', officeHours: '工作日 8:30–17:30', officePhone: '0760-12345' },
    indexNo: '11442000MB2C98765A/2025-00009', // 惠企政策“免申即享”
    effectiveFrom: '2025-02-05',
    tree: {
      id: 'root',
      kind: 'all',
      items: [
        { id: 'size', kind: 'oneOf', fact: 'size', values: ['micro', 'small'] },
        { id: 'young', kind: 'yearsSince', fact: 'foundedOn', op: '<', years: 10 },
      ],
    },
    examples: [
      { name: '小型初创企业', facts: { size: v('small'), foundedOn: v('2020-01-01') }, expected: 'met' },
      { name: '中型老企业', facts: { size: v('medium'), foundedOn: v('2001-01-01') }, expected: 'not_met' },
      { name: '规模不明', facts: { foundedOn: v('2020-01-01') }, expected: 'unknown' },
    ],
  },
  {
    guide: {
      applyFrom: '2026-11-01',
      applyUntil: '2026-12-20',
      supportKind: 'rate',
      categories: ['创新发展', '转型升级'],
      supportFact: 'revenue',
      supportRate: 1,
      supportCap: 30,
      supportText: '认定为市级专精特新中小企业的，按上年营业收入的 1% 给予奖励，最高 30 万元。',
      materials: '专精特新中小企业申报书\n上年度财务审计报告\n研发费用专项审计报告\n知识产权证明材料',
      steps: '企业网上填报\n镇街（园区）推荐\n市工业和信息化局组织评审\n公示并认定',
      onlineUrl: 'https://www.gdzwfw.gov.cn/',
      officeAddress: '',
    },
    indexNo: '11442000MB2C90537K/2022-00042', // 专精特新中小企业培育
    effectiveFrom: '2022-05-16',
    tree: {
      id: 'root',
      kind: 'all',
      items: [
        { id: 'size', kind: 'oneOf', fact: 'size', values: ['small', 'medium'] },
        { id: 'age', kind: 'yearsSince', fact: 'foundedOn', op: '>=', years: 2 },
        { id: 'rev', kind: 'compare', fact: 'revenue', op: '>=', value: 1000 },
        { id: 'rd', kind: 'compare', fact: 'rdRatio', op: '>=', value: 4 },
      ],
    },
    examples: [
      { name: '研发投入 5% 的中型企业', facts: { size: v('medium'), foundedOn: v('2015-06-01'), revenue: v(8000), rdRatio: v(5) }, expected: 'met' },
      { name: '研发投入 3.2% 的小型企业', facts: { size: v('small'), foundedOn: v('2021-03-15'), revenue: v(1800), rdRatio: v(3.2) }, expected: 'near' },
    ],
  },
  {
    guide: { supportKind: 'none', categories: ['入学入户', '人才引进'], materials: '人才入户申请表\n劳动合同\n社保缴费证明', steps: '企业网上提交名单\n人社局审核\n办理入户、入学手续', onlineUrl: 'https://www.gdzwfw.gov.cn/' },
    indexNo: '11442000007209053J/2023-00027', // 企业人才入户和子女入学服务办法
    effectiveFrom: '2023-03-13',
    tree: {
      id: 'root',
      kind: 'all',
      items: [
        { id: 'emp', kind: 'compare', fact: 'employees', op: '>=', value: 10 },
        { id: 'tax', kind: 'compare', fact: 'taxPaid', op: '>=', value: 50 },
      ],
    },
    examples: [
      { name: '纳税 80 万元、30 人', facts: { employees: v(30), taxPaid: v(80) }, expected: 'met' },
      { name: '纳税额未知', facts: { employees: v(30) }, expected: 'unknown' },
    ],
  },
  {
    guide: { supportKind: 'rate', categories: ['转型升级', '节能环保'], supportFact: 'taxPaid', supportRate: 10, supportCap: 100, supportText: '节能降碳改造项目按上年纳税额的 10% 给予补助，最高 100 万元。', onlineUrl: 'https://www.gdzwfw.gov.cn/' },
    indexNo: '11442000007208974H/2024-00015', // 节能降碳改造若干措施
    effectiveFrom: '2024-05-28',
    tree: {
      id: 'root',
      kind: 'all',
      items: [
        { id: 'ind', kind: 'industry', prefixes: ['C'] },
        { id: 'rev', kind: 'compare', fact: 'revenue', op: '>=', value: 2000 },
      ],
    },
    examples: [
      { name: '年营收 5000 万元的灯饰厂', facts: { industryCode: v('C3872'), revenue: v(5000) }, expected: 'met' },
      { name: '软件企业', facts: { industryCode: v('I6513'), revenue: v(1800) }, expected: 'not_met' },
    ],
  },
];

/** Rules and worked examples for the demo's valid enterprise policies (matched against the demo enterprises). */
export async function loadNavigatorDemo(trx: Executor, ctx: DemoContext): Promise<void> {
  const admin = ctx.users.get('admin')!;
  for (const r of RULES) {
    const p = await policyBriefByIndexNo(trx, r.indexNo);
    if (!p) {
      continue;
    }
    for (const ex of r.examples) {
      await addExample(trx, ctx.actor, admin, p.id, { name: ex.name, referenceDate: '2026-11-29', facts: ex.facts, expected: ex.expected });
    }
    if (r.guide) {
      await saveGuide(trx, ctx.actor, admin, p.id, r.guide);
    }
    await saveRule(trx, ctx.actor, admin, p.id, { tree: r.tree, effectiveFrom: r.effectiveFrom, note: '示例规则' });
  }
}
