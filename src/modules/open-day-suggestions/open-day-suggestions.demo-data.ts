import type { Category } from './open-day-suggestions.schema.js';

// Texts the demo loader builds the 2019 campaign's 9,300 suggestions from: per category, openings,
// concrete asks and closings, combined so that neighbouring rows read differently. Each category
// also names the units that usually answer it and the measures its suggestions were converted into.

/** How often each category occurs among the generated suggestions (weights). */
export const CATEGORY_WEIGHTS: Record<Category, number> = { business: 24, urban: 26, innovation: 12, livelihood: 22, services: 12, other: 4 };

/** Department codes (from the demo directory) that answer a category, the usual one first. */
export const CATEGORY_UNITS: Record<Category, string[]> = {
  business: ['drc', 'amr', 'service-data', 'finance'],
  urban: ['urban', 'housing'],
  innovation: ['sti', 'miit'],
  livelihood: ['civil', 'hrss', 'housing'],
  services: ['service-data', 'gov-office'],
  other: ['gov-office'],
};

/** Sentence parts per category: an opening, the ask, and a closing. */
export const TEMPLATES: Record<Category, { asks: string[]; closings: string[] }> = {
  business: {
    asks: [
      '建议进一步压缩企业开办时间，营业执照、公章刻制、发票申领一次办结',
      '希望银企对接会常态化举办，让小微企业更容易拿到首贷和信用贷款',
      '建议公布涉企收费清单并定期更新，清单之外一律不得收费',
      '希望知识产权快速预审的名额向中小企业倾斜',
      '建议工程建设项目审批各环节的办理时限在网上实时公开',
      '希望政府采购和招投标信息集中在一个平台发布，方便中小企业参与',
      '建议对新出台的惠企政策同步发布申报指南和办理流程图',
      '希望企业注销也能像开办一样网上一次办好',
      '建议推行“证照分离”后把告知承诺的事项目录公开到每个区',
      '希望设立企业诉求专线，限时回复并公开办理结果',
    ],
    closings: ['这样企业能少跑腿。', '希望尽快推行。', '建议先在一个区试点。', '请相关部门研究。', ''],
  },
  urban: {
    asks: [
      '建议在老旧小区增设分类垃圾桶并配备指导员，定时定点投放',
      '希望在学校周边的路口增加护学岗和过街信号灯',
      '建议公布共享单车停放区并加强早晚高峰的清理调度',
      '希望城管执法全过程记录并向当事人公开执法依据',
      '建议在地铁站与公交站之间增设遮雨连廊',
      '希望餐厨垃圾收运车辆的线路和时间对周边居民公开',
      '建议对占道经营设置疏导点，给流动摊贩划定经营时段',
      '希望交通指挥中心把拥堵路段的改造计划向社会公布',
      '建议在居民区周边增加停车泊位并实行错时共享',
      '希望12345市民热线对同一问题的反复投诉合并督办',
    ],
    closings: ['居民反映比较集中。', '希望能够尽快改善。', '建议听取社区居民意见。', '可以参考其他城市的做法。', ''],
  },
  innovation: {
    asks: [
      '建议新型研发机构的认定条件和支持资金使用情况向社会公开',
      '希望科技企业孵化器为初创团队提供更多免费的共享实验设备',
      '建议高新技术企业认定的申报材料进一步精简',
      '希望科研项目经费“包干制”扩大到更多项目',
      '建议组织中小学生定期参观开放的科研机构和实验室',
      '希望装配式建筑的技术标准和补贴政策能集中解读',
      '建议建立科技成果转化的公开对接平台',
      '希望对首台套装备的保险补偿政策加强宣传',
    ],
    closings: ['这对年轻人创业很重要。', '建议增加开放次数。', '希望政策更透明。', ''],
  },
  livelihood: {
    asks: [
      '建议献血点的开放时间和位置在网上实时公布，方便市民就近献血',
      '希望儿童福利院增加开放日的频次，引导更多社会力量参与关爱',
      '建议住房公积金提取的材料再精简，支持全程网办',
      '希望社区养老服务驿站延长服务时间并公布收费标准',
      '建议为老年人保留现金支付和人工窗口服务',
      '希望公租房的轮候排序和分配结果及时公开',
      '建议学校周边的校外托管机构纳入监管并公布名单',
      '希望残疾人出行无障碍设施的改造计划向社会公开',
      '建议增加社区卫生服务中心的夜间门诊',
      '希望灵活就业人员参加社保的办理流程更加简便',
    ],
    closings: ['老人和孩子受益最大。', '希望能多听群众意见。', '建议定期公布进展。', ''],
  },
  services: {
    asks: [
      '建议政务服务大厅推行“午间不断档”和周末预约服务',
      '希望更多事项实现“不见面审批”，网上能办的不要求到现场',
      '建议办事指南统一格式，写清材料样本和常见退件原因',
      '希望12345热线的办理结果能通过短信告知并可以评价',
      '建议各部门的政府信息公开指南及时更新联系方式',
      '希望“好差评”的结果和整改情况定期公开',
      '建议在街道便民服务中心增设24小时自助终端',
      '希望申请政府信息公开能在网上查询办理进度',
    ],
    closings: ['办事群众会更方便。', '希望举一反三。', '建议纳入明年的工作计划。', ''],
  },
  other: {
    asks: [
      '建议政务开放日每年固定时间举办，并提前公布开放点位',
      '希望开放日活动增加网上直播的场次和回放',
      '建议邀请更多普通市民和学生参加开放日',
      '希望开放日现场提出的建议都能公开答复',
      '建议开放点提供手语翻译和无障碍参观路线',
    ],
    closings: ['这次活动很有意义。', '希望越办越好。', ''],
  },
};

/** Openings: a visitor's refers to the point visited, an online one to the campaign. */
export const VISIT_OPENINGS = ['参观了{topic}，', '今天到{topic}现场看了看，', '在{topic}听了介绍，', '作为市民代表参加了{topic}，', ''];
export const ONLINE_OPENINGS = ['看了开放日直播，', '关注了这次政务开放日，', '作为一名普通市民，', '我是一名企业经营者，', ''];

/** The measures (措施) suggestions were converted into, by category, with their lead unit. */
export const MEASURES: Array<{ category: Category; unit: string; title: string; description: string }> = [
  { category: 'business', unit: 'service-data', title: '企业开办“一网通办”，一日办结', description: '营业执照、公章刻制、发票申领、社保登记合并为一个环节，全程网上办理，一个工作日办结。' },
  { category: 'business', unit: 'drc', title: '银企对接会改为每月举办', description: '按行业分场次举办银企对接会，公布首贷、信用贷产品清单和对接结果。' },
  { category: 'business', unit: 'drc', title: '公布涉企收费目录清单', description: '全市涉企行政事业性收费、政府性基金和经营服务性收费一张清单，清单外一律不得收费。' },
  { category: 'business', unit: 'amr', title: '知识产权快速预审向中小企业开放专门名额', description: '每季度安排不少于三成预审名额给中小企业，并公开预审周期。' },
  { category: 'business', unit: 'housing', title: '工程建设项目审批时限网上实时公开', description: '各审批环节的受理时间、办结时间和剩余时限在网上实时显示。' },
  { category: 'business', unit: 'finance', title: '政府采购信息统一平台发布', description: '全市政府采购意向、公告和结果统一在一个平台发布，提前公开采购意向。' },
  { category: 'business', unit: 'amr', title: '企业简易注销全程网办', description: '符合条件的企业通过网上平台申请简易注销，公示期满自动办结。' },
  { category: 'business', unit: 'gov-office', title: '设立企业诉求“直通车”', description: '企业诉求统一受理、限时答复，办理结果按月公开。' },
  { category: 'urban', unit: 'urban', title: '老旧小区垃圾分类设施改造', description: '为老旧小区配齐分类收集容器，设置定时定点投放站并配备桶边指导员。' },
  { category: 'urban', unit: 'urban', title: '学校周边交通安全综合治理', description: '学校周边路口增设护学岗、过街信号灯和限速标志。' },
  { category: 'urban', unit: 'urban', title: '共享单车停放区划定与高峰调度', description: '公布电子围栏停放区，早晚高峰增加调度和清理频次。' },
  { category: 'urban', unit: 'urban', title: '城管执法全过程记录并公开执法依据', description: '执法人员全程佩戴执法记录仪，执法文书载明依据并告知当事人救济途径。' },
  { category: 'urban', unit: 'housing', title: '地铁站与公交站接驳连廊建设', description: '在客流较大的站点建设遮雨接驳连廊，分两年完成。' },
  { category: 'urban', unit: 'urban', title: '餐厨垃圾收运线路和时间公开', description: '收运车辆线路和作业时间向周边居民公开，接受监督。' },
  { category: 'urban', unit: 'urban', title: '设立摊贩疏导点和经营时段', description: '各区设立摊贩疏导点，划定经营时段，实行柔性管理。' },
  { category: 'urban', unit: 'urban', title: '拥堵路段改造计划向社会公布', description: '每年公布拥堵路段改造计划和完成情况。' },
  { category: 'urban', unit: 'housing', title: '居住区周边停车泊位错时共享', description: '机关单位和商业停车场夜间向周边居民开放错时停车。' },
  { category: 'urban', unit: 'gov-office', title: '12345热线重复诉求合并督办', description: '同一问题多次投诉的合并为一件督办，办理结果统一答复。' },
  { category: 'innovation', unit: 'sti', title: '新型研发机构认定和资金使用情况公开', description: '公开新型研发机构认定条件、名单和年度支持资金使用情况。' },
  { category: 'innovation', unit: 'sti', title: '孵化器共享实验设备开放目录', description: '发布孵化器和科研机构可共享的实验设备目录及预约方式。' },
  { category: 'innovation', unit: 'sti', title: '高新技术企业认定材料精简', description: '取消可通过数据共享获取的证明材料，申报材料减少三分之一。' },
  { category: 'innovation', unit: 'sti', title: '科研机构面向中小学生定期开放', description: '每月确定一天为科研机构和实验室向中小学生开放。' },
  { category: 'innovation', unit: 'housing', title: '装配式建筑技术标准与补贴政策集中解读', description: '编制装配式建筑政策汇编，组织面向企业的集中解读会。' },
  { category: 'innovation', unit: 'miit', title: '首台套保险补偿政策宣讲', description: '分行业开展首台套重大技术装备保险补偿政策宣讲。' },
  { category: 'livelihood', unit: 'civil', title: '献血点位置和开放时间实时公布', description: '在网上和手机端实时公布献血点位置、开放时间和血液库存提示。' },
  { category: 'livelihood', unit: 'civil', title: '儿童福利院开放日常态化', description: '儿童福利院每季度举办开放日，公布社会参与关爱的渠道。' },
  { category: 'livelihood', unit: 'housing', title: '住房公积金提取全程网办', description: '租房、购房提取公积金全程网办，材料通过数据共享获取。' },
  { category: 'livelihood', unit: 'civil', title: '社区养老服务驿站延时服务并公开收费', description: '养老服务驿站服务时间延长至晚上八点，收费标准上墙公开。' },
  { category: 'livelihood', unit: 'gov-office', title: '保留现金支付和人工窗口服务', description: '各类公共服务场所保留现金支付和人工服务窗口，方便老年人。' },
  { category: 'livelihood', unit: 'housing', title: '公租房轮候和分配结果公开', description: '公租房轮候排序、分配结果按批次公开。' },
  { category: 'livelihood', unit: 'hrss', title: '灵活就业人员参保手机办理', description: '灵活就业人员参保登记、缴费全部可在手机上办理。' },
  { category: 'livelihood', unit: 'civil', title: '无障碍设施改造计划公开', description: '公布年度无障碍设施改造清单和完成情况。' },
  { category: 'services', unit: 'service-data', title: '政务服务大厅午间不断档和周末预约', description: '市区两级政务服务大厅实行午间不间断服务，周六上午提供预约办理。' },
  { category: 'services', unit: 'service-data', title: '新增一批“不见面审批”事项', description: '新增百项以上不见面审批事项，目录向社会公布。' },
  { category: 'services', unit: 'service-data', title: '办事指南标准化和常见退件原因公开', description: '统一办事指南格式，附材料样本和常见退件原因。' },
  { category: 'services', unit: 'gov-office', title: '12345热线办理结果短信告知并评价', description: '热线工单办结后短信告知办理结果，市民可直接评价。' },
  { category: 'services', unit: 'service-data', title: '“好差评”结果和整改情况按季度公开', description: '按季度公布各窗口好差评结果和差评整改情况。' },
  { category: 'services', unit: 'service-data', title: '街道便民服务中心增设24小时自助终端', description: '每个街道便民服务中心至少设置一台24小时自助终端。' },
  { category: 'other', unit: 'gov-office', title: '政务开放日固定举办并提前公布点位', description: '每年10月举办政务开放日，提前一个月公布开放点位和报名方式。' },
  { category: 'other', unit: 'gov-office', title: '开放日建议全部公开答复', description: '开放日收集的建议全部公开办理路径和答复结果。' },
];

/** A few answers per outcome, the unit's voice. */
export const ANSWERS: Record<'converted' | 'partly_adopted' | 'explained' | 'not_adopted' | 'answered', string[]> = {
  converted: ['感谢您的建议。经研究，我们已将此项建议转化为具体措施，正在组织实施，进展将在本页持续公开。', '您的建议很有价值，已纳入我单位年度重点工作并制定了实施措施。'],
  partly_adopted: ['感谢您的建议。其中部分内容已在现有工作中落实，其余内容受条件所限暂不具备实施条件，我们将继续研究。', '您的建议已部分采纳，相关做法将先在部分区域试行。'],
  explained: ['感谢您的关注。关于您提出的问题，现行规定已有明确要求，具体办理方式可通过政务服务网查询，我们也将加强宣传解读。', '感谢您的建议。该事项已由相关规定调整，我们已在门户网站发布政策解读，欢迎查阅。'],
  not_adopted: ['感谢您的建议。经研究，该建议与现行法律法规的规定不一致，暂不予采纳。', '感谢您的建议。经评估，该事项不属于本市事权范围，暂不予采纳，我们已向上级部门反映。'],
  answered: ['感谢您的建议，我们已收悉并组织研究，具体办理结果将在本页公开。'],
};

/** Reasons given with not adopted (required) and, sometimes, with explained. */
export const NOT_ADOPTED_REASONS = ['与现行法律法规规定不一致', '不属于本市事权范围，已向上级部门反映', '经评估实施成本过高，已有替代措施'];
