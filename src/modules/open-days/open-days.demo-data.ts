// The source figures of Beijing's 2019 open days (政务开放日, 初心·同行, 22–25 October 2019): four themed
// days, the city-level points it names, district points by theme (45 / 41 / 27 / 52), 176 points in all,
// 7,200 visitors on site and 7.6 million online; 12 points in 2018. District and street points are
// generated from the topics below.

/** The sixteen districts of Beijing with an approximate centre (WGS-84) and one street (街道/乡镇) each. */
export const DISTRICTS: Array<{ name: string; lat: number; lng: number; street: string }> = [
  { name: '东城区', lat: 39.928, lng: 116.416, street: '建国门街道' },
  { name: '西城区', lat: 39.912, lng: 116.366, street: '金融街街道' },
  { name: '朝阳区', lat: 39.921, lng: 116.486, street: '三里屯街道' },
  { name: '海淀区', lat: 39.959, lng: 116.298, street: '中关村街道' },
  { name: '丰台区', lat: 39.858, lng: 116.287, street: '方庄街道' },
  { name: '石景山区', lat: 39.906, lng: 116.223, street: '八角街道' },
  { name: '门头沟区', lat: 39.937, lng: 116.102, street: '大峪街道' },
  { name: '房山区', lat: 39.736, lng: 116.139, street: '长阳镇' },
  { name: '通州区', lat: 39.909, lng: 116.657, street: '永顺镇' },
  { name: '顺义区', lat: 40.13, lng: 116.654, street: '胜利街道' },
  { name: '昌平区', lat: 40.218, lng: 116.235, street: '回龙观街道' },
  { name: '大兴区', lat: 39.728, lng: 116.338, street: '兴丰街道' },
  { name: '怀柔区', lat: 40.324, lng: 116.637, street: '泉河街道' },
  { name: '平谷区', lat: 40.144, lng: 117.112, street: '滨河街道' },
  { name: '密云区', lat: 40.377, lng: 116.843, street: '鼓楼街道' },
  { name: '延庆区', lat: 40.465, lng: 115.985, street: '儒林街道' },
];

/** The four themed days of 2019 with the source's counts of district-level points. */
export const THEMES_2019 = [
  { day: '2019-10-22', titleZh: '优化营商环境', titleEn: 'Business environment', districtPoints: 45 },
  { day: '2019-10-23', titleZh: '城市管理服务', titleEn: 'Urban management and services', districtPoints: 41 },
  { day: '2019-10-24', titleZh: '科技创新', titleEn: 'Science and innovation', districtPoints: 27 },
  { day: '2019-10-25', titleZh: '保障民生', titleEn: 'Livelihoods', districtPoints: 52 },
];

/** A city-level point of the source: theme index, topic, organising unit, department code (or none), address. */
export interface CityPoint {
  theme: number;
  topic: string;
  organiser: string;
  department: string | null;
  address: string;
  lat: number;
  lng: number;
}

/** The eleven city-level points the source names. */
export const CITY_POINTS_2019: CityPoint[] = [
  { theme: 0, topic: '银企对接服务', organiser: '市地方金融监督管理局', department: 'finance', address: '西城区金融大街', lat: 39.915, lng: 116.357 },
  { theme: 0, topic: '知识产权保护', organiser: '市知识产权局', department: 'amr', address: '海淀区西三环北路', lat: 39.951, lng: 116.311 },
  { theme: 1, topic: '垃圾分类', organiser: '市城市管理委员会', department: 'urban', address: '朝阳区高安屯再生资源处理中心', lat: 39.956, lng: 116.577 },
  { theme: 1, topic: '交通运行', organiser: '市交通运行监测调度中心', department: null, address: '丰台区六里桥', lat: 39.882, lng: 116.31 },
  { theme: 1, topic: '城管执法', organiser: '市城市管理综合行政执法局', department: 'urban', address: '西城区北礼士路', lat: 39.925, lng: 116.35 },
  { theme: 1, topic: '市民热线', organiser: '市民热线服务中心（12345）', department: 'service-data', address: '东城区东四十条', lat: 39.934, lng: 116.43 },
  { theme: 2, topic: '新型科研机构', organiser: '市科学技术委员会', department: 'sti', address: '海淀区中关村大街', lat: 39.983, lng: 116.316 },
  { theme: 2, topic: '新型装配式建筑', organiser: '市住房和城乡建设委员会', department: 'housing', address: '通州区台湖镇', lat: 39.839, lng: 116.628 },
  { theme: 3, topic: '红十字血液管理', organiser: '北京市红十字血液中心', department: null, address: '海淀区北三环中路', lat: 39.967, lng: 116.365 },
  { theme: 3, topic: '儿童福利院', organiser: '市儿童福利院', department: 'civil', address: '朝阳区来广营', lat: 40.021, lng: 116.459 },
  { theme: 3, topic: '公积金管理', organiser: '北京住房公积金管理中心', department: 'housing', address: '西城区月坛南街', lat: 39.912, lng: 116.343 },
];

/** District and street topics per themed day (the source's examples first) with the unit that hosts them. */
export const LOCAL_TOPICS: Array<Array<{ topic: string; unit: string }>> = [
  [
    { topic: '政务服务审批后台', unit: '政务服务管理局' },
    { topic: '不动产登记事务', unit: '不动产登记事务中心' },
    { topic: '企业开办“一窗通”', unit: '市场监督管理局' },
    { topic: '税务办税服务厅', unit: '税务局' },
    { topic: '投资项目审批', unit: '发展和改革委员会' },
    { topic: '公共资源交易', unit: '公共资源交易中心' },
    { topic: '人才服务中心', unit: '人力资源和社会保障局' },
  ],
  [
    { topic: '网格化管理服务', unit: '城市服务管理指挥中心' },
    { topic: '背街小巷整治', unit: '城市管理委员会' },
    { topic: '垃圾分类驿站', unit: '城市管理委员会' },
    { topic: '违法建设治理', unit: '城市管理综合行政执法局' },
    { topic: '物业管理服务', unit: '住房和城乡建设委员会' },
    { topic: '接诉即办', unit: '12345分中心' },
  ],
  [
    { topic: '高端制造产业基地', unit: '经济和信息化局' },
    { topic: '城市智能运行平台', unit: '大数据中心' },
    { topic: '科技企业孵化器', unit: '科学技术委员会' },
    { topic: '智慧交通指挥', unit: '交通支队' },
    { topic: '5G应用示范', unit: '经济和信息化局' },
  ],
  [
    { topic: '社区养老服务', unit: '民政局' },
    { topic: '农产品监测', unit: '农业农村局' },
    { topic: '食品安全检测', unit: '市场监督管理局' },
    { topic: '社区卫生服务中心', unit: '卫生健康委员会' },
    { topic: '残疾人温馨家园', unit: '残疾人联合会' },
    { topic: '就业服务站', unit: '人力资源和社会保障局' },
    { topic: '公共法律服务中心', unit: '司法局' },
  ],
];

/** The 2018 points (12, the source's figure for the year before). */
export const POINTS_2018: Array<{ theme: number; topic: string; organiser: string; district: string }> = [
  { theme: 0, topic: '政务服务中心综合窗口', organiser: '市政务服务管理局', district: '' },
  { theme: 0, topic: '企业登记注册', organiser: '市市场监督管理局', district: '' },
  { theme: 0, topic: '税收征管服务', organiser: '市税务局', district: '' },
  { theme: 0, topic: '不动产登记', organiser: '市规划和自然资源委员会', district: '' },
  { theme: 0, topic: '公共资源交易', organiser: '市公共资源交易中心', district: '' },
  { theme: 0, topic: '海关通关服务', organiser: '北京海关', district: '' },
  { theme: 1, topic: '市民热线', organiser: '市民热线服务中心（12345）', district: '' },
  { theme: 1, topic: '交通运行监测', organiser: '市交通运行监测调度中心', district: '' },
  { theme: 1, topic: '自来水水质检测', organiser: '北京市自来水集团', district: '' },
  { theme: 1, topic: '社会保险服务', organiser: '市人力资源和社会保障局', district: '' },
  { theme: 1, topic: '食品安全抽检', organiser: '市市场监督管理局', district: '' },
  { theme: 1, topic: '城市副中心规划展示', organiser: '市规划和自然资源委员会', district: '' },
];

/** The upcoming campaign's points: level, topic, organiser, department code, district. */
export const POINTS_UPCOMING: Array<{ theme: number; level: 'city' | 'district' | 'street'; topic: string; organiser: string; department: string | null; district: string }> = [
  { theme: 0, level: 'city', topic: '企业开办“一网通办”后台', organiser: '市政务服务和数据管理局', department: 'service-data', district: '' },
  { theme: 0, level: 'district', topic: '惠企政策兑现窗口', organiser: '朝阳区发展和改革委员会', department: 'drc', district: '朝阳区' },
  { theme: 0, level: 'street', topic: '楼宇企业服务站', organiser: '朝阳区三里屯街道办事处', department: null, district: '朝阳区' },
  { theme: 1, level: 'city', topic: '市民热线工单流转', organiser: '市民热线服务中心（12345）', department: 'service-data', district: '' },
  { theme: 1, level: 'city', topic: '垃圾分类末端处理', organiser: '市城市管理委员会', department: 'urban', district: '' },
  { theme: 1, level: 'district', topic: '背街小巷精细化管理', organiser: '东城区城市管理委员会', department: 'urban', district: '东城区' },
  { theme: 2, level: 'city', topic: '科技成果转化服务平台', organiser: '市科学技术委员会', department: 'sti', district: '' },
  { theme: 2, level: 'district', topic: '城市智能运行平台', organiser: '海淀区城市服务管理指挥中心', department: null, district: '海淀区' },
  { theme: 3, level: 'city', topic: '住房公积金业务后台', organiser: '北京住房公积金管理中心', department: 'housing', district: '' },
  { theme: 3, level: 'district', topic: '社区养老驿站', organiser: '西城区民政局', department: 'civil', district: '西城区' },
  { theme: 3, level: 'street', topic: '社区卫生服务中心', organiser: '丰台区方庄街道社区卫生服务中心', department: null, district: '丰台区' },
  { theme: 3, level: 'district', topic: '儿童福利与未成年人保护', organiser: '通州区民政局', department: 'civil', district: '通州区' },
];

/**
 * Proposals of the upcoming campaign's needs survey: title, category, votes, state, and for the three
 * most voted the topic of the upcoming point they became (需求采纳).
 */
export const NEEDS_UPCOMING: Array<{ title: string; description: string; category: string; proposerName: string; votes: number; status: string; adoptedAs?: string }> = [
  { title: '走进12345市民热线，看工单如何流转', description: '想知道打完电话之后，诉求是怎么派到部门、怎么督办的。', category: 'services', proposerName: '王女士', votes: 128, status: 'published', adoptedAs: '市民热线工单流转' },
  { title: '开放垃圾分类末端处理厂', description: '分好的垃圾最后去了哪里？希望实地看看。', category: 'urban', proposerName: '', votes: 96, status: 'published', adoptedAs: '垃圾分类末端处理' },
  { title: '了解企业开办“一网通办”后台', description: '', category: 'business', proposerName: '创业者小李', votes: 87, status: 'published', adoptedAs: '企业开办“一网通办”后台' },
  { title: '参观自来水厂水质检测实验室', description: '家里有老人小孩，关心自来水是怎么检测的。', category: 'livelihood', proposerName: '赵大爷', votes: 75, status: 'published' },
  { title: '走进交通指挥中心，看信号灯如何配时', description: '', category: 'urban', proposerName: '', votes: 64, status: 'published' },
  { title: '看看科技成果如何对接企业', description: '高校科研成果怎样转化成产品，政府在中间做什么？', category: 'innovation', proposerName: '研究生小周', votes: 41, status: 'published' },
  { title: '社区养老驿站的服务流程', description: '助餐、助浴怎么申请，收费标准如何确定。', category: 'livelihood', proposerName: '', votes: 38, status: 'published' },
  { title: '不动产登记“一窗办理”体验', description: '', category: 'services', proposerName: '刘先生', votes: 22, status: 'published' },
  { title: '开放消防救援站，体验逃生演练', description: '', category: 'other', proposerName: '', votes: 0, status: 'pending' },
  { title: '食品抽检实验室开放', description: '想看看超市食品是怎么抽检的。', category: 'livelihood', proposerName: '陈女士', votes: 0, status: 'pending' },
  { title: '推广某品牌保健品', description: '与政务开放无关的广告内容。', category: 'other', proposerName: '', votes: 0, status: 'rejected' },
];
