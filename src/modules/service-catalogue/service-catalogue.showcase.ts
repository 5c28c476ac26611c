import type { GeneratedItem } from './service-catalogue.generate.js';

// Full guides of a handful of showcase items, written after published Guangdong guides (abridged). They
// replace only text: limits, visits and flags stay as generated, so the consistency rules still hold.

type Guide = Pick<GeneratedItem, 'conditions' | 'legalBasis' | 'materials' | 'steps' | 'specialSteps' | 'faq' | 'resultType' | 'resultName'>;

export const SHOWCASE: Record<string, Guide> = {
  食品经营许可: {
    conditions: '1. 具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所；\n2. 具有与经营的食品品种、数量相适应的经营设备或者设施；\n3. 有专职或者兼职的食品安全管理人员和保证食品安全的规章制度；\n4. 具有合理的设备布局和工艺流程。',
    legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
    materials: [
      { name: '食品经营许可申请书', form: 'original', copies: 1, required: true, notes: '法定代表人签字并加盖公章' },
      { name: '营业执照', form: 'copy', copies: 1, required: true, notes: '可通过电子证照共享免于提交' },
      { name: '与食品经营相适应的主要设备设施布局、操作流程等文件', form: 'original', copies: 1, required: true, notes: '' },
      { name: '食品安全自查、从业人员健康管理、进货查验记录等食品安全管理制度', form: 'original', copies: 1, required: true, notes: '' },
      { name: '授权委托书', form: 'original', copies: 1, required: false, notes: '委托代理人办理时提供' },
    ],
    steps: [
      { step: 'accept', description: '窗口或广东政务服务网提交申请，材料齐全、符合法定形式的当场受理', days: 0 },
      { step: 'review', description: '审查申请材料，必要时进行现场核查', days: 0 },
      { step: 'approve', description: '作出准予或不予许可的决定', days: 0 },
      { step: 'deliver', description: '发放食品经营许可证（电子证书同步生成）', days: 0 },
    ],
    specialSteps: [{ name: '现场核查', days: 5, basis: '《食品经营许可和备案管理办法》第二十条', countedInLimit: true }],
    faq: [
      { q: '仅销售预包装食品需要办理食品经营许可吗？', a: '不需要，仅销售预包装食品的，办理备案即可。' },
      { q: '食品经营许可证有效期多久？', a: '有效期为5年，需要延续的应在有效期届满前90个工作日至15个工作日期间提出申请。' },
    ],
    resultType: '证照',
    resultName: '食品经营许可证',
  },
  建筑工程施工许可证核发: {
    conditions: '1. 依法应当办理用地批准手续的，已经办理该建筑工程用地批准手续；\n2. 依法取得建设工程规划许可证；\n3. 施工场地已经基本具备施工条件；\n4. 已经确定施工企业；\n5. 有满足施工需要的资金安排、施工图纸及技术资料。',
    legalBasis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》',
    materials: [
      { name: '建筑工程施工许可申请表', form: 'original', copies: 1, required: true, notes: '' },
      { name: '建设工程规划许可证', form: 'copy', copies: 1, required: true, notes: '部门间共享的免于提交' },
      { name: '中标通知书或直接发包批准文件', form: 'copy', copies: 1, required: true, notes: '' },
      { name: '施工图设计文件审查合格书', form: 'electronic', copies: 1, required: true, notes: '' },
      { name: '建设资金落实承诺书', form: 'original', copies: 1, required: true, notes: '实行告知承诺制' },
    ],
    steps: [
      { step: 'accept', description: '工程建设项目审批管理系统网上申报', days: 0 },
      { step: 'review', description: '审查申报材料', days: 0 },
      { step: 'approve', description: '作出许可决定', days: 0 },
      { step: 'deliver', description: '核发电子施工许可证', days: 0 },
    ],
    specialSteps: [],
    faq: [{ q: '工程投资额在100万元以下的需要办理吗？', a: '工程投资额在100万元以下或者建筑面积在500平方米以下的建筑工程，可以不申请办理施工许可证。' }],
    resultType: '证照',
    resultName: '建筑工程施工许可证',
  },
  排污许可证核发: {
    conditions: '纳入固定污染源排污许可分类管理名录、实行排污许可重点管理或者简化管理的排污单位。',
    legalBasis: '《排污许可管理条例》第二条、第六条',
    materials: [
      { name: '排污许可证申请表', form: 'electronic', copies: 1, required: true, notes: '在全国排污许可证管理信息平台填报' },
      { name: '自行监测方案', form: 'electronic', copies: 1, required: true, notes: '' },
      { name: '守法承诺书', form: 'original', copies: 1, required: true, notes: '法定代表人签字' },
      { name: '排污口和监测孔规范化设置情况说明', form: 'electronic', copies: 1, required: true, notes: '' },
    ],
    steps: [
      { step: 'accept', description: '平台网上申请，5个工作日内作出受理决定', days: 0 },
      { step: 'review', description: '技术审查，必要时现场核查', days: 0 },
      { step: 'approve', description: '作出许可决定', days: 0 },
      { step: 'deliver', description: '平台发放排污许可证', days: 0 },
    ],
    specialSteps: [{ name: '技术评估', days: 10, basis: '《排污许可管理条例》第十三条', countedInLimit: false }],
    faq: [{ q: '排污许可证有效期是多久？', a: '排污许可证有效期为5年。' }],
    resultType: '证照',
    resultName: '排污许可证',
  },
  公共场所卫生许可: {
    conditions: '宾馆、美容美发、游泳场所等公共场所经营者，场所卫生条件符合《公共场所卫生管理条例》及其实施细则的规定。',
    legalBasis: '《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》第二十二条',
    materials: [
      { name: '卫生许可申请表', form: 'original', copies: 1, required: true, notes: '' },
      { name: '营业执照', form: 'copy', copies: 1, required: true, notes: '可电子证照共享' },
      { name: '公共场所卫生检测或者评价报告', form: 'original', copies: 1, required: true, notes: '' },
      { name: '卫生管理制度', form: 'original', copies: 1, required: true, notes: '' },
    ],
    steps: [
      { step: 'accept', description: '窗口或网上受理', days: 0 },
      { step: 'review', description: '材料审查，告知承诺的事后核查', days: 0 },
      { step: 'approve', description: '作出许可决定', days: 0 },
      { step: 'deliver', description: '发放卫生许可证', days: 0 },
    ],
    specialSteps: [],
    faq: [{ q: '可以告知承诺方式办理吗？', a: '可以。申请人书面承诺符合条件的，当场作出许可决定，事后核查。' }],
    resultType: '证照',
    resultName: '公共场所卫生许可证',
  },
  结婚登记: {
    conditions: '男女双方完全自愿，男年满二十二周岁、女年满二十周岁，双方均无配偶，且没有直系血亲和三代以内旁系血亲关系。',
    legalBasis: '《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》第四条',
    materials: [
      { name: '本人的居民身份证', form: 'original', copies: 1, required: true, notes: '双方各自提供' },
      { name: '本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明', form: 'original', copies: 1, required: true, notes: '在登记处当场签署' },
      { name: '近期半身免冠合影照片', form: 'original', copies: 3, required: true, notes: '2寸红底' },
    ],
    steps: [
      { step: 'accept', description: '双方共同到婚姻登记处提出申请', days: 0 },
      { step: 'review', description: '审查证件和声明', days: 0 },
      { step: 'approve', description: '符合条件的予以登记', days: 0 },
      { step: 'deliver', description: '当场颁发结婚证', days: 0 },
    ],
    specialSteps: [],
    faq: [
      { q: '户口不在本区可以办理吗？', a: '婚姻登记已实行“跨省通办”，一方户籍或经常居住地在本区的可在本区办理。' },
      { q: '可以网上预约吗？', a: '可以，在广东政务服务网或“粤省事”小程序预约登记时间。' },
    ],
    resultType: '证照',
    resultName: '结婚证',
  },
};
