// The demo data set: a city government drawn from the source newsletter (政务公开工作交流 总第24期).
// Figures and names come from that document; people and phone numbers are invented.

/** Departments of the demo city (主动公开 category 2). */
export const DEMO_DEPARTMENTS = [
  { code: 'gov-office', nameZh: '市人民政府办公室', nameEn: 'General Office of the Municipal Government', kind: 'office', functions: '负责全市政务公开工作的组织协调、指导推进和监督检查；承办市政府会务、文电和督查工作。\n统筹政策解读、政务开放日、依申请公开等工作，组织年度考核。', headName: '陈立新', headTitle: '主任', phone: '0760-88310000' },
  { code: 'drc', nameZh: '市发展和改革局', nameEn: 'Development and Reform Bureau', kind: 'department', functions: '拟订并组织实施全市国民经济和社会发展规划；推进重大项目建设；牵头优化营商环境工作。', headName: '黄志明', headTitle: '局长', phone: '0760-88320001' },
  { code: 'sti', nameZh: '市科学技术局', nameEn: 'Science and Technology Bureau', kind: 'department', functions: '组织实施科技创新政策；负责高新技术企业认定和新型研发机构培育。', headName: '李文静', headTitle: '局长', phone: '0760-88320002' },
  { code: 'miit', nameZh: '市工业和信息化局', nameEn: 'Industry and Information Technology Bureau', kind: 'department', functions: '推进工业转型升级；负责专精特新企业培育和企业减负工作。', headName: '张国强', headTitle: '局长', phone: '0760-88320003' },
  { code: 'finance', nameZh: '市财政局', nameEn: 'Finance Bureau', kind: 'department', functions: '管理财政收支，编制预决算草案；管理惠企资金兑付。', headName: '周丽华', headTitle: '局长', phone: '0760-88320004' },
  { code: 'hrss', nameZh: '市人力资源和社会保障局', nameEn: 'Human Resources and Social Security Bureau', kind: 'department', functions: '统筹就业、社会保险和人才工作；负责人才入户、子女入学等人才服务政策。', headName: '吴海燕', headTitle: '局长', phone: '0760-88320005' },
  { code: 'housing', nameZh: '市住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau', kind: 'department', functions: '负责国有土地上房屋征收与补偿的监督管理；推进新型装配式建筑。', headName: '刘建华', headTitle: '局长', phone: '0760-88320006' },
  { code: 'expropriation', nameZh: '市房屋征收管理办公室', nameEn: 'Housing Expropriation Office', kind: 'department', functions: '组织实施房屋征收与补偿；按“4+10+7”公开征收全过程信息；为被征收人提供代办服务。', headName: '赵德胜', headTitle: '主任', phone: '0760-88320007' },
  { code: 'amr', nameZh: '市市场监督管理局', nameEn: 'Market Regulation Administration', kind: 'department', functions: '负责市场主体登记注册；知识产权保护；食品药品安全监管。', headName: '孙晓梅', headTitle: '局长', phone: '0760-88320008' },
  { code: 'service-data', nameZh: '市政务服务数据管理局', nameEn: 'Government Services and Data Administration', kind: 'department', functions: '负责政务服务事项目录管理、政务服务大厅建设和“一窗式”综合受理；管理政府网站。', headName: '郑华', headTitle: '局长', phone: '0760-88320009' },
  { code: 'urban', nameZh: '市城市管理和综合执法局', nameEn: 'Urban Management and Law Enforcement Bureau', kind: 'department', functions: '负责垃圾分类、市容环境和城管执法；承办政务开放日“城市管理服务”专题开放点。', headName: '何永平', headTitle: '局长', phone: '0760-88320010' },
  { code: 'civil', nameZh: '市民政局', nameEn: 'Civil Affairs Bureau', kind: 'department', functions: '负责社会救助、养老服务和儿童福利工作。', headName: '马秀英', headTitle: '局长', phone: '0760-88320011' },
  { code: 'psb', nameZh: '市公安局', nameEn: 'Public Security Bureau', kind: 'department', functions: '负责户籍、出入境、交通管理和治安管理。', headName: '林振东', headTitle: '局长', phone: '0760-88320012' },
  { code: 'education', nameZh: '市教育局', nameEn: 'Education Bureau', kind: 'department', functions: '负责各级各类教育和民办学校审批。', headName: '许婉清', headTitle: '局长', phone: '0760-88320013' },
  { code: 'health', nameZh: '市卫生健康局', nameEn: 'Health Commission', kind: 'department', functions: '负责医疗机构执业登记、公共卫生和计划生育服务。', headName: '方志远', headTitle: '主任', phone: '0760-88320014' },
  { code: 'ecology', nameZh: '市生态环境局', nameEn: 'Ecology and Environment Bureau', kind: 'department', functions: '负责建设项目环境影响评价审批和排污许可。', headName: '韦明辉', headTitle: '局长', phone: '0760-88320015' },
  { code: 'transport', nameZh: '市交通运输局', nameEn: 'Transport Bureau', kind: 'department', functions: '负责道路运输经营许可和交通基础设施建设。', headName: '邓国平', headTitle: '局长', phone: '0760-88320016' },
  { code: 'land', nameZh: '市自然资源局', nameEn: 'Natural Resources Bureau', kind: 'department', functions: '负责建设用地审批、不动产登记和规划许可。', headName: '梁少华', headTitle: '局长', phone: '0760-88320017' },
  { code: 'water', nameZh: '市水务局', nameEn: 'Water Affairs Bureau', kind: 'department', functions: '负责取水许可、排水许可和防汛抗旱。', headName: '罗建新', headTitle: '局长', phone: '0760-88320018' },
  { code: 'emergency', nameZh: '市应急管理局', nameEn: 'Emergency Management Bureau', kind: 'department', functions: '负责安全生产许可、危险化学品经营许可和应急预案管理。', headName: '谢卫国', headTitle: '局长', phone: '0760-88320019' },
  { code: 'culture', nameZh: '市文化广电旅游体育局', nameEn: 'Culture, Radio, Television, Tourism and Sports Bureau', kind: 'department', functions: '负责文化市场、旅行社和体育经营活动许可。', headName: '唐雅琴', headTitle: '局长', phone: '0760-88320020' },
] as const;

/** A column of the demo tree: slug, names, and its sub-columns. */
export interface DemoColumn {
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh?: string;
  descriptionEn?: string;
  children?: DemoColumn[];
}

/** The portal's column tree: one top-level column per practice of the source, plus news. */
export const DEMO_COLUMNS: DemoColumn[] = [
  {
    slug: 'openness',
    nameZh: '政务公开',
    nameEn: 'Government openness',
    descriptionZh: '通知公告、工作动态和政府信息公开年度报告。',
    descriptionEn: 'Notices, news and annual reports on government information disclosure.',
    children: [
      { slug: 'notices', nameZh: '通知公告', nameEn: 'Notices' },
      { slug: 'news', nameZh: '工作动态', nameEn: 'News' },
      { slug: 'annual-reports', nameZh: '年度报告', nameEn: 'Annual reports' },
    ],
  },
  {
    slug: 'policies',
    nameZh: '政策文件与解读',
    nameEn: 'Policies and interpretations',
    descriptionZh: '政策原文、摘要、图解同步发布，多种形式解读重大政策。',
    descriptionEn: 'Policies published with their summary and graphic versions, interpreted in many forms.',
    children: [
      { slug: 'policy-documents', nameZh: '政策文件', nameEn: 'Policy documents' },
      { slug: 'interpretations', nameZh: '政策解读', nameEn: 'Interpretations' },
      { slug: 'hot-topics', nameZh: '热点面对面', nameEn: 'Face to face' },
    ],
  },
  {
    slug: 'enterprise-policies',
    nameZh: '惠企政策',
    nameEn: 'Support for enterprises',
    descriptionZh: '惠企政策导航：快速查询、主动推送、办理指引。',
    descriptionEn: 'The enterprise policy navigator: search, push and application guides.',
  },
  {
    slug: 'open-day',
    nameZh: '开放日动态',
    nameEn: 'Open day news',
    descriptionZh: '走进机关、体验流程、面对面交流，意见建议转化为管理服务措施。',
    descriptionEn: 'Visit government offices, see how they work, and follow your suggestions to measures.',
    children: [
      { slug: 'open-day-news', nameZh: '活动动态', nameEn: 'Activities' },
      { slug: 'open-day-suggestions', nameZh: '建议办理', nameEn: 'Suggestions answered' },
    ],
  },
  {
    slug: 'enterprise-services',
    nameZh: '涉企政务服务',
    nameEn: 'Services for enterprises',
    descriptionZh: '政务服务事项、办事大厅、一窗式办理和惠企政策征求意见。',
    descriptionEn: 'Service items, service halls, one-window handling and consultation on drafts.',
    children: [
      { slug: 'service-guides', nameZh: '办事指南', nameEn: 'Service guides' },
      { slug: 'consultations', nameZh: '征求意见', nameEn: 'Consultations' },
    ],
  },
  {
    slug: 'expropriation',
    nameZh: '基层政务公开标准化规范化试点',
    nameEn: 'Standardised local openness pilot',
    descriptionZh: '房屋征收补偿领域：综合管理、法规制度、服务指南3个主栏目，9个子栏目。',
    descriptionEn: 'Housing expropriation and compensation: 3 main columns with 9 sub-columns.',
    children: [
      {
        slug: 'exp-management',
        nameZh: '综合管理',
        nameEn: 'Management',
        children: [
          { slug: 'exp-work', nameZh: '工作信息', nameEn: 'Work information' },
          { slug: 'exp-projects', nameZh: '征收信息', nameEn: 'Expropriation information' },
          { slug: 'exp-announcements', nameZh: '征收公告', nameEn: 'Announcements' },
        ],
      },
      {
        slug: 'exp-rules',
        nameZh: '法规制度',
        nameEn: 'Rules',
        children: [
          { slug: 'exp-laws', nameZh: '政策法规', nameEn: 'Laws and policies' },
          { slug: 'exp-schemes', nameZh: '补偿方案', nameEn: 'Compensation schemes' },
          { slug: 'exp-normative', nameZh: '规范性文件', nameEn: 'Normative documents' },
        ],
      },
      {
        slug: 'exp-guides',
        nameZh: '服务指南',
        nameEn: 'Service guides',
        children: [
          { slug: 'exp-howto', nameZh: '办事指南', nameEn: 'How to' },
          { slug: 'exp-agency', nameZh: '代办服务', nameEn: 'Agency service' },
          { slug: 'exp-faq', nameZh: '常见问答', nameEn: 'FAQ' },
        ],
      },
    ],
  },
];

/** Demo accounts; the README lists them. Passwords are for the demo only. */
export const DEMO_USERS = [
  { username: 'admin', displayName: '市府办管理员', role: 'admin', password: 'gongkai-admin-2026', departments: [] },
  { username: 'editor', displayName: '王编辑', role: 'editor', password: 'gongkai-editor-2026', departments: ['gov-office', 'service-data'] },
  { username: 'reviewer', displayName: '林审核', role: 'reviewer', password: 'gongkai-reviewer-2026', departments: ['gov-office', 'service-data'] },
  { username: 'exp-editor', displayName: '征收办编辑', role: 'editor', password: 'gongkai-editor-2026', departments: ['expropriation'] },
  { username: 'exp-reviewer', displayName: '征收办审核', role: 'reviewer', password: 'gongkai-reviewer-2026', departments: ['expropriation'] },
  { username: 'citizen', displayName: '张市民', role: 'citizen', password: 'gongkai-citizen-2026', departments: [] },
  { username: 'enterprise', displayName: '李经理', role: 'enterprise', password: 'gongkai-enterprise-2026', departments: [] },
] as const;

/** A demo article: where it goes, who publishes it, and its text; `revisions` adds later published versions. */
export interface DemoArticle {
  column: string;
  department: string;
  title: string;
  summary: string;
  body: string;
  revisions?: Array<{ title: string; body: string }>;
  state?: 'published' | 'draft' | 'in_review';
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    column: 'open-day-news',
    department: 'gov-office',
    title: '“初心·同行”政务开放日系列活动圆满举办',
    summary: '10月22日至25日，市、区、街（乡）三级政府部门176个开放点集中开放，7200余名代表走进机关，760余万人次网民线上体验。',
    body: '10月22日至25日，全市以“初心·同行”为主题，集中组织开展涵盖市、区、街（乡）三级政府部门176个开放点的系列“政务开放日”活动。\n\n活动分优化营商环境（10月22日）、城市管理服务（10月23日）、科技创新（10月24日）、保障民生（10月25日）四个专题。邀请人大代表、政协委员、市民代表等7200余人走进行政机关，深入内部流程，体验政府工作；同时有760余万人次网民“线上”体验。\n\n参加单位从2018年的12个增加到176个。活动期间共收集市民意见建议9300余条，各单位将按照建议征集转化机制逐条办理，并公开办理结果。',
  },
  {
    column: 'open-day-suggestions',
    department: 'gov-office',
    title: '政务开放日意见建议转化情况公告',
    summary: '推动合理化建议向管理服务措施转化，每条建议的办理路径向社会公开。',
    body: '坚持“请市民看”和“听市民说”并重，各责任单位汇总整理市民意见建议，推动合理化建议向管理服务措施转化。\n\n每条建议从受理、转办、答复到转化为措施的全过程在“建议办理”栏目公开，欢迎市民监督。',
  },
  {
    column: 'interpretations',
    department: 'gov-office',
    title: '“花样”解读重大政策 推动政策入“企心”得“民心”',
    summary: '采用文字、视频、动画、访谈、面对面宣讲、一对一辅导等形式，在政策发布后进行全方位、多角度解读。',
    body: '<p>鼓励部门多措并举，结合“互联网+”时代传播特点，采用文字、视频、动画、访谈、面对面宣讲、一对一辅导等形式，在政策发布后进行全方位、多角度解读。</p><h2>原文、摘要、图解同步发布</h2><p>重大政策实行原文版、摘要版、图解版“三版同发”，让群众看得懂、记得住、用得上。</p><h2>第一解读人</h2><p>部门主要负责人作为政策“第一解读人”，通过新闻发布会、在线访谈等形式解读政策。</p>',
  },
  {
    column: 'hot-topics',
    department: 'gov-office',
    title: '热点面对面：《关于加强电动自行车管理的通告》解读',
    summary: '通告自6月21日起正式实施，影响超过110万市民，市交警支队在《热点面对面》栏目现场解读并在线交流。',
    body: '今年6月21日起，《关于加强电动自行车管理的通告》正式实施，影响超过110万市民。\n\n市交警支队在《热点面对面》栏目上现场解读政策，并与市民在线交流，回答了登记上牌、过渡期安排、违法处理等问题。',
  },
  {
    column: 'service-guides',
    department: 'service-data',
    title: '涉企政务服务事项清单公开',
    summary: '21个部门655项政务服务事项全部公开，其中涉企事项84项、不见面审批105项、秒批事项12项。',
    body: '为持续优化营商环境“软环境”，全区21个部门655项政务服务事项的办事指南全部向社会公开，其中涉企事项84项，不见面审批事项105项，秒批事项12项。\n\n全区38个政务服务大厅实行“窗口受理、后台审批、窗口出件”的一窗式办理，企业可在线查询办理进度。',
    revisions: [
      {
        title: '涉企政务服务事项清单公开（更新）',
        body: '为持续优化营商环境“软环境”，全区21个部门655项政务服务事项的办事指南全部向社会公开，其中涉企事项84项，不见面审批事项105项，秒批事项12项。\n\n全区38个政务服务大厅实行“窗口受理、后台审批、窗口出件”的一窗式办理，企业可在线查询办理进度。\n\n更新：部分大厅实行午间延时服务，24小时自助服务终端已覆盖各街道。',
      },
    ],
  },
  {
    column: 'consultations',
    department: 'service-data',
    title: '关于《优化营商环境若干措施（征求意见稿）》公开征求意见的公告',
    summary: '57条措施经三轮书面征求意见，共收到意见建议120条。',
    body: '为广泛听取社会各界意见，现将《优化营商环境若干措施（征求意见稿）》向社会公开征求意见。\n\n该措施共57条，先后开展三轮书面征求意见，共收到意见建议120条，采纳情况将在征求意见结束后公开。',
  },
  {
    column: 'exp-work',
    department: 'expropriation',
    title: '房屋征收补偿“4+10+7”全过程公开工作法',
    summary: '征收前公开调查登记等4项内容，征收中公开法规和补偿方案等10项内容，征收后公开选房顺序号等7项内容。',
    body: '通过“屏、网、图、栏”四类平台，全面公开被征收户实时掌握补偿方案、签约进展、确权信息、补偿结果等信息。\n\n创新“4+10+7”的工作法：从“头”拓展至征收前公开调查登记等4项内容；征收“中”全面公开房屋征收法规和政府相关规定等10项内容；向“后”延伸至回迁时公开自选房屋的排列顺序号等7项内容。\n\n按照“应公开、尽公开”的原则，将群众最关心的依申请公开事项转为主动公开事项。经回访，群众满意度较前期提升40%。',
  },
  {
    column: 'exp-agency',
    department: 'expropriation',
    title: '被征收人签订协议“单位代办”服务指南',
    summary: '只需提交一套材料、走一套流程，2个工作日即可办结。',
    body: '过去被征收人要先后跑4个部门调取本人房产信息、残疾低保信息等，前后需要近5个工作日才能办结。\n\n现在实行单位代办，被征收人只需提交一套材料、走一套流程，2个工作日即可办结。行动不便或因特殊情况不能亲自办理的，可申请上门服务。',
  },
  {
    column: 'notices',
    department: 'gov-office',
    title: '关于做好2026年度政府信息公开工作年度报告编制工作的通知',
    summary: '各部门于1月31日前、市政府于3月31日前公布上一年度政府信息公开工作年度报告。',
    body: '根据《中华人民共和国政府信息公开条例》第四十九条、第五十条，各部门应于每年1月31日前向本级政府信息公开工作主管部门提交并向社会公布上一年度政府信息公开工作年度报告；市政府于3月31日前公布。\n\n年度报告按照国办公开办函〔2021〕30号规定的格式编制。',
  },
  {
    column: 'news',
    department: 'gov-office',
    title: '全市政务公开工作推进会召开',
    summary: '部署政策解读、政务开放日、涉企服务公开和征收补偿公开等重点工作。',
    body: '近日，全市政务公开工作推进会召开，部署政策解读、政务开放日、涉企政务服务公开和房屋征收补偿公开等重点工作，要求各部门按计划完成解读计划备案。',
  },
  {
    column: 'news',
    department: 'service-data',
    title: '政务服务大厅推出午间延时服务',
    summary: '工作日中午12:00至14:00照常受理业务。',
    body: '自下月起，区政务服务大厅在工作日中午12:00至14:00照常受理业务，方便企业和群众错峰办事。',
    state: 'in_review',
  },
  {
    column: 'notices',
    department: 'service-data',
    title: '关于24小时自助服务终端维护的通知（草稿）',
    summary: '',
    body: '部分街道的24小时自助服务终端将于周末进行系统维护。',
    state: 'draft',
  },
];
