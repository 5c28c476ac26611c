// What people ask the demo city's agencies for. The expropriation office's recurring request follows
// the source (龙沙区: the 依申请公开 items people asked most about house expropriation — compensation
// standards and per-household results — were turned into proactive disclosure, and satisfaction
// rose 40%); the others are typical requests to a city's bureaus.

/** Requests per agency code: [name of the information, description]; weight = relative frequency. */
export const DEMO_REQUEST_TEXTS: Record<string, { weight: number; texts: Array<[string, string]> }> = {
  expropriation: {
    weight: 5,
    texts: [
      ['某项目房屋征收决定及征收范围图', '北关棚户区改造项目的征收决定公告和红线范围图'],
      ['国有土地上房屋征收评估机构选定结果', '评估机构投票选定过程及结果'],
      ['本人房屋的征收评估报告', '本人名下房屋的分户评估报告及评估明细'],
    ],
  },
  housing: { weight: 2, texts: [['保障性租赁住房配租结果', '2025年第二批保障性租赁住房配租名单'], ['老旧小区改造计划', '本年度老旧小区改造项目清单及资金安排']] },
  land: { weight: 2, texts: [['建设用地规划许可证', '某地块建设用地规划许可证及附图'], ['不动产登记资料', '某房屋的不动产登记簿信息']] },
  finance: { weight: 1, texts: [['部门预算公开表', '市教育局2025年部门预算及三公经费'], ['政府采购合同', '某信息化项目的政府采购合同']] },
  education: { weight: 1, texts: [['学区划分方案', '2026年小学招生学区划分方案'], ['民办学校审批材料', '某民办学校的设立审批文件']] },
  civil: { weight: 1, texts: [['最低生活保障资金发放情况', '本街道2025年低保资金发放明细'], ['养老机构补贴标准', '养老机构运营补贴的标准和发放名单']] },
  amr: { weight: 1, texts: [['行政处罚决定书', '对某超市的食品安全行政处罚决定书'], ['企业登记档案', '某公司的设立登记档案']] },
  urban: { weight: 1, texts: [['违法建设拆除决定', '某小区违法建设限期拆除决定书'], ['垃圾分类设施建设计划', '本区垃圾分类投放点建设计划']] },
};

/** The recurring request to the expropriation office, in the many ways people word it. */
export const RECURRING_TEXTS: Array<[string, string]> = [
  ['城南片区房屋征收补偿标准', '城南片区棚户区改造项目的房屋征收补偿标准和补偿安置方案'],
  ['城南片区征收补偿安置方案', '城南片区房屋征收补偿安置方案及补偿标准'],
  ['城南片区分户补偿结果', '城南片区房屋征收项目分户补偿结果（补偿金额公示）'],
  ['城南片区房屋征收分户补偿情况', '城南片区征收项目各户补偿结果和补偿标准'],
  ['房屋征收补偿标准（城南片区）', '申请公开城南片区房屋征收补偿标准'],
];

/** Names of demo applicants (natural persons) and organisations per category. */
export const DEMO_NAMES = ['刘桂兰', '王建国', '李淑芬', '张德胜', '陈玉梅', '赵铁军', '孙秀英', '周海涛', '吴丽娟', '郑春生', '马晓东', '韩雪'];
export const DEMO_ORGANISATIONS: Record<string, string[]> = {
  business: ['龙沙区鑫达商贸有限公司', '鹤城置业有限公司', '嫩江建材有限责任公司'],
  research: ['齐齐哈尔大学城市发展研究中心'],
  public_interest: ['鹤城社区发展促进会'],
  legal_service: ['黑龙江鹤城律师事务所', '龙沙法律援助工作站'],
  other: ['某小区业主委员会'],
};

/** The reply texts per Art. 36 reply type. */
export const DEMO_REPLIES: Record<string, string> = {
  already_public: '您申请的信息已主动公开，可在本机关门户网站相应栏目查阅。',
  disclose: '经审查，您申请的信息属于公开范围，现予以提供，详见附件。',
  not_disclosed: '经审查，您申请的信息属于不予公开的范围，理由如下：',
  not_exist: '经检索，本机关未制作或获取您申请的信息。',
  not_this_agency: '您申请的信息不属于本机关负责公开，请向负责机关申请。',
  repeated: '您的申请与此前已答复的申请内容相同，本机关不再重复处理。',
  registration_records: '您申请的属于不动产登记资料，请依照《不动产登记资料查询暂行办法》办理。',
};
