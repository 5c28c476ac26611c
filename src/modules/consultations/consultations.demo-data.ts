import { seededRandom } from '../../platform/random.js';

// The demo's text: 光明区优化营商环境若干措施, 57 measures in six chapters, written from vocabularies
// with a seeded generator so every install shows the same text; and the comment vocabularies.

/** The chapters and, for each, the measures' headings (57 in all). */
export const CHAPTERS: Array<{ title: string; headings: string[] }> = [
  { title: '一、提升政务服务效能', headings: ['企业开办一日办结', '推行“一网通办”', '深化“证照分离”改革', '推广电子证照应用', '实行告知承诺制', '优化工程建设项目审批', '推行“免申即享”', '设立企业服务专员', '规范中介服务', '推进政务数据共享'] },
  { title: '二、降低企业经营成本', headings: ['落实减税降费政策', '降低用电用气成本', '降低物流成本', '规范涉企收费', '减免中小企业房租', '降低融资担保费率', '加快惠企资金兑付', '降低社保缴费负担', '清理拖欠企业账款', '降低通关成本'] },
  { title: '三、强化要素保障', headings: ['保障产业用地供给', '建设高标准产业园区', '加强人才住房保障', '完善人才引进政策', '拓宽企业融资渠道', '发展供应链金融', '保障用工需求', '提升水电气报装效率', '加强产业配套', '推进新型基础设施建设'] },
  { title: '四、促进公平竞争', headings: ['全面实施市场准入负面清单', '开展公平竞争审查', '规范招标投标', '优化政府采购', '支持民营企业参与重大项目', '破除隐性壁垒', '加强反垄断执法', '规范行政执法', '推行包容审慎监管'] },
  { title: '五、加强法治保障', headings: ['加强知识产权保护', '建立涉企政策征求意见制度', '推行涉企行政合规指导', '完善商事纠纷多元化解', '提高合同执行效率', '保护企业家合法权益', '推进信用修复', '规范涉企检查', '建立营商环境投诉处理机制'] },
  { title: '六、优化创新创业环境', headings: ['支持科技企业孵化', '加大研发投入奖励', '支持首台（套）产品推广', '促进科技成果转化', '支持专精特新企业发展', '建设创新创业服务平台', '支持企业上市', '优化外籍人才服务', '营造亲商安商社会氛围'] },
];

const ACTIONS = ['全面推行', '进一步深化', '加快推进', '持续优化', '探索建立', '大力支持'];
const GOALS = ['切实减轻企业负担', '提升企业获得感', '增强市场主体活力', '打造市场化法治化国际化营商环境', '进一步压减办理时限', '实现全流程网上办理'];
const METRICS = ['办理时限压减至 1 个工作日', '申报材料精简 30% 以上', '年内实现全覆盖', '每季度通报落实情况', '办理环节压减至 2 个', '惠及企业 1000 家以上'];
const UNITS = ['区政务服务数据管理局', '区发展和改革局', '区市场监督管理局', '区财政局', '区工业和信息化局', '区人力资源局', '区司法局', '区科技创新局'];

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

/** The 57 measures of round 1: chapter, heading and a generated body. */
export function measures(): Array<{ chapter: string; heading: string; body: string }> {
  const rnd = seededRandom(2026_0301);
  return CHAPTERS.flatMap((c) =>
    c.headings.map((h) => ({
      chapter: c.title,
      heading: h,
      body: `${pick(rnd, ACTIONS)}${h.replace(/[“”]/g, '')}工作，${pick(rnd, GOALS)}。到2027年底，${pick(rnd, METRICS)}。责任单位：${pick(rnd, UNITS)}。`,
    })),
  );
}

/** Comment openings and asks, combined per comment. */
export const COMMENT_OPENINGS = ['建议', '希望', '能否', '建议明确', '建议进一步细化', '建议增加', '请考虑'];
export const COMMENT_ASKS = [
  '本条的适用对象和申请条件，避免企业理解不一',
  '办理时限的起算时间，并在政务服务网公开进度',
  '将小微企业和个体工商户纳入支持范围',
  '配套出台实施细则，明确牵头部门和完成时限',
  '对资金兑付设定具体期限，不超过 30 个工作日',
  '建立企业诉求“直通车”，由专人跟踪办理',
  '增加线下窗口帮办代办服务，方便老年经营者',
  '公布收费目录清单，接受社会监督',
  '量化考核指标，每年向社会公开落实情况',
  '简化申报材料，可通过数据共享获取的不再要求企业提供',
];
export const COMMENT_NAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'];
export const ENTERPRISES = ['深圳光明智造科技有限公司', '光明新材料股份有限公司', '深圳市凤凰城物流有限公司', '光明生物医药有限公司', '深圳玉塘精密制造有限公司'];

/** Reasons by decision, chosen per comment. */
export const REASONS = {
  adopted: ['已在修改稿中予以明确。', '已采纳，相关表述已调整。', ''],
  partly: ['部分采纳：已明确牵头部门，具体时限将在实施细则中规定。', '部分采纳：小微企业已纳入，个体工商户另行研究。', '部分采纳：已增加线下帮办，全程代办需统筹人力后推进。'],
  not_adopted: ['不予采纳：该事项属于上级事权，区级无权调整。', '不予采纳：现行法律法规已有明确规定，无需重复表述。', '不予采纳：相关内容已在其他措施中体现。', '不予采纳：超出本措施的调整范围，已转有关部门研究。'],
} as const;
