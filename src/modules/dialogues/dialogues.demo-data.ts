// The online dialogues of the source newsletter (热点面对面), with the guests exactly as it lists them.
// Times are plausible afternoons on the listed dates; questions, answers and transcripts are illustrative.

/** The e-bike notice the 2019-07-04 dialogue explained (its 索引号 in the demo policy library). */
export const EBIKE_NOTICE_INDEX_NO = '11442000007209010U/2019-00056';

/** One demo question: who asked, what, and which guest (by position) answered what; no answer = approved only. */
export interface DemoQuestion {
  askerName?: string;
  body: string;
  answer?: { guest: number; text: string };
  /** pending: left in the moderation queue. */
  pending?: boolean;
}

/** One demo dialogue as staff would enter it (Beijing wall-clock times). */
export interface DemoDialogue {
  department: string;
  topic: string;
  description: string;
  startsAt: string;
  endsAt: string;
  guests: string;
  policies: string[];
  videoUrl: string;
  replayUrl: string;
  summary: string;
  transcript: string;
  questions: DemoQuestion[];
  /** Kept in the future whenever the demo is loaded, so the question form is always there to try. */
  keepUpcoming?: boolean;
}

export const DEMO_DIALOGUES: DemoDialogue[] = [
  {
    department: 'gov-office',
    topic: '打造绿色生态家园 努力增强群众获得感！',
    description: '市政府主要领导带头做客“热点面对面”，解读生态环境保护及民生保障等方面规定，回应市民关切。',
    startsAt: '2018-02-12 15:00',
    endsAt: '2018-02-12 16:30',
    guests: '焦兰生｜中共中山市委副书记 市长',
    policies: [],
    videoUrl: 'https://video.example.org/zhongshan/20180212/live',
    replayUrl: 'https://video.example.org/zhongshan/20180212/replay',
    summary: '市长焦兰生解读生态环境保护及民生保障方面的规定，当天视频点击量超过11万次。',
    transcript: [
      '主持人：各位网友，大家下午好！欢迎收看“热点面对面”。今天我们邀请到中共中山市委副书记、市长焦兰生，围绕“打造绿色生态家园”与大家在线交流。',
      '焦兰生：各位网友好。良好的生态环境是最普惠的民生福祉。我们将坚持治水、治气、治土一起抓，让群众看得见、摸得着、感受得到。',
      '主持人：很多网友关心黑臭水体整治的进度。',
      '焦兰生：今年我们把城区内河涌整治列为重点民生实事，实行河长制，每条河涌都有责任人，整治进展按季度向社会公开。',
      '主持人：感谢焦市长做客本期节目，也感谢各位网友的积极参与。',
    ].join('\n'),
    questions: [
      { askerName: '岐江边的老街坊', body: '岐江河的水质什么时候能明显改善？', answer: { guest: 0, text: '我们已启动岐江河流域综合整治，截污管网今年内基本建成，水质监测数据每月公开，请大家共同监督。' } },
      { body: '市区停车难、绿地少，今年有什么民生实事安排？', answer: { guest: 0, text: '今年将新建一批口袋公园和公共停车场，具体项目清单已在市政府门户网站公开，欢迎市民提出意见建议。' } },
    ],
  },
  {
    department: 'gov-office',
    topic: '“智慧公安”让中山更安全更有序！',
    description: '围绕“智慧公安”建设，介绍视频巡控、智慧交通、情报研判等工作成效，并回答网友提问。',
    startsAt: '2018-04-26 15:00',
    endsAt: '2018-04-26 16:30',
    guests: '郑泽晖｜副市长、市公安局局长\n王勇｜交警支队长\n叶永忠｜情报中心主任',
    policies: [],
    videoUrl: 'https://video.example.org/zhongshan/20180426/live',
    replayUrl: 'https://video.example.org/zhongshan/20180426/replay',
    summary: '副市长、市公安局局长郑泽晖与交警、情报部门负责人介绍“智慧公安”建设，回应交通拥堵、电信诈骗等关切。',
    transcript: [
      '主持人：欢迎收看“热点面对面”。本期主题是“智慧公安”让中山更安全更有序。',
      '郑泽晖：“智慧公安”就是用大数据、视频联网等手段，把警力用在群众最需要的地方，让治安更好、出行更顺。',
      '王勇：在交通方面，我们对主要路口的信号灯进行了智能配时改造，高峰时段通行效率明显提升。',
      '叶永忠：情报中心通过数据研判，及时发现电信诈骗等违法犯罪线索，提前预警、精准打击。',
      '主持人：感谢三位嘉宾，也感谢网友们的热情参与。',
    ].join('\n'),
    questions: [
      { askerName: '东区上班族', body: '上下班高峰期博爱路很堵，信号灯能不能更智能一些？', answer: { guest: 1, text: '博爱路沿线路口已纳入智能信号控制系统，将根据实时车流自动调整配时，我们也会持续听取市民反馈。' } },
      { body: '接到冒充客服的诈骗电话应该怎么办？', answer: { guest: 2, text: '请不要转账，立即挂断并拨打110报警。我们会对涉诈号码及时研判处置，也提醒大家安装国家反诈中心App。' } },
      { askerName: '小榄居民', body: '镇区的治安视频监控覆盖得怎么样？', answer: { guest: 0, text: '全市公共区域视频监控已实现重点部位全覆盖，下一步将向村居延伸，让群众更有安全感。' } },
    ],
  },
  {
    department: 'gov-office',
    topic: '聚焦电动自行车管理，新国标的实施会使问题迎刃而解吗？',
    description: '《关于加强电动自行车管理的通告》自2019年6月21日起施行，影响超过110万中山市民。市交警支队在“热点面对面”现场解读政策，并与市民在线交流。',
    startsAt: '2019-07-04 15:00',
    endsAt: '2019-07-04 16:30',
    guests: '黄新健｜支队长\n饶俊｜法制科科长\n方小江｜车管所非机动车管理中队队长',
    policies: [EBIKE_NOTICE_INDEX_NO],
    videoUrl: 'https://video.example.org/zhongshan/20190704/live',
    replayUrl: 'https://video.example.org/zhongshan/20190704/replay',
    summary: '交警支队解读电动自行车登记上牌、临时号牌和通行规定，回答网友关于新国标的提问。',
    transcript: [
      '主持人：各位网友大家好！《关于加强电动自行车管理的通告》已于6月21日起施行，今天我们请来交警支队的三位嘉宾为大家解读。',
      '黄新健：通告的目的是规范电动自行车通行秩序，减少交通事故。请大家按规定登记上牌、遵守通行规则。',
      '饶俊：不符合新国标的超标车，须在2019年12月31日前申领临时号牌，临时号牌有效期至2022年6月20日。',
      '方小江：登记上牌不收费，可以通过“中山交警”微信公众号预约，按预约时间到登记点办理。',
      '主持人：感谢三位嘉宾的详细解读。',
    ].join('\n'),
    questions: [
      { askerName: '石岐王女士', body: '我的电动车买了两年，不符合新国标，还能上路吗？', answer: { guest: 1, text: '可以申领临时号牌，请在2019年12月31日前办理；临时号牌有效期至2022年6月20日，期满后不得上路行驶。' } },
      { body: '登记上牌要收费吗？要带什么材料？', answer: { guest: 2, text: '登记上牌不收费。请携带身份证明、购车凭证和车辆合格证，通过“中山交警”微信公众号预约后到登记点办理。' } },
      { askerName: '火炬开发区网友', body: '电动自行车能不能搭载孩子？', answer: { guest: 0, text: '驾驶人须年满16周岁，只准搭载一名12周岁以下的未成年人，并提倡佩戴安全头盔。' } },
    ],
  },
  {
    department: 'urban',
    topic: '保障供水安全，让市民喝上安心水！',
    description: '围绕城市供水水质、管网改造和停水信息公开等话题，与市民在线交流。',
    startsAt: '2019-07-11 15:00',
    endsAt: '2019-07-11 16:30',
    guests: '郭建宏｜局长\n黄晶｜科长\n邱凯琼｜工程师',
    policies: [],
    videoUrl: 'https://video.example.org/zhongshan/20190711/live',
    replayUrl: 'https://video.example.org/zhongshan/20190711/replay',
    summary: '介绍水源保护、水质检测和老旧管网改造情况，回答停水通知、二次供水等问题。',
    transcript: [
      '主持人：各位网友好！本期“热点面对面”聚焦供水安全。',
      '郭建宏：我们从水源、水厂到龙头全过程把关，水质检测结果定期向社会公开。',
      '黄晶：今年将继续推进老旧供水管网改造，减少爆管和“黄水”问题。',
      '邱凯琼：水厂出厂水每天检测，管网末梢水也按规定频次抽检，各项指标符合国家标准。',
      '主持人：感谢三位嘉宾，也感谢网友们的关注。',
    ].join('\n'),
    questions: [
      { askerName: '老城区居民', body: '家里水龙头偶尔出黄水，是什么原因？', answer: { guest: 1, text: '多为老旧管网锈蚀所致，我们已将相关片区纳入管网改造计划。遇到问题可拨打供水服务热线，会派人上门检测。' } },
      { body: '计划停水的通知在哪里可以看到？', answer: { guest: 0, text: '计划停水至少提前24小时在政府网站、供水企业公众号和小区公告栏发布，突发停水也会第一时间通知。' } },
    ],
  },
  {
    department: 'housing',
    topic: '旧厂房改造怎么改？政策热点面对面',
    description: '围绕《中山市人民政府关于深入推进旧厂房改造促进高质量发展的实施意见》，解读改造方式、审批时限和奖励政策，欢迎企业和市民提前提问。',
    startsAt: '2026-12-18 15:00',
    endsAt: '2026-12-18 16:30',
    guests: '刘建华｜市住房和城乡建设局局长\n赵德胜｜市房屋征收管理办公室主任',
    policies: ['11442000007208958B/2019-00123'],
    videoUrl: 'https://video.example.org/zhongshan/20261218/live',
    replayUrl: '',
    summary: '',
    transcript: '',
    keepUpcoming: true,
    questions: [
      { askerName: '镇区企业主', body: '旧厂房改造后新增的建筑面积怎样申请奖励？' },
      { body: '改造方案审批一般需要多长时间？' },
      { askerName: '三角镇网友', body: '租用的厂房能不能由承租企业申请改造？', pending: true },
    ],
  },
];
