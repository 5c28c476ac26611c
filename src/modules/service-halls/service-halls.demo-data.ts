// The source's Guangming district: 1 district hall, 6 street halls, 31 community service stations (38),
// the district hall's 29 windows, lunchtime service and 24-hour terminals in the industrial parks.

/** A street (街道) with its hall's position and its communities. */
export interface DemoStreet {
  name: string;
  code: string;
  lat: number;
  lng: number;
  road: string;
  communities: string[];
  lunch: boolean;
}

/** Guangming's six streets and 31 communities (the community names follow the district's villages). */
export const STREETS: DemoStreet[] = [
  { name: '光明', code: 'GM', lat: 22.7806, lng: 113.9213, road: '光明大街', communities: ['光明', '碧眼', '东周', '白花', '翠湖'], lunch: true },
  { name: '公明', code: 'GO', lat: 22.7939, lng: 113.8952, road: '公明大道', communities: ['公明', '上村', '下村', '李松蓢', '西田', '南环'], lunch: true },
  { name: '新湖', code: 'XH', lat: 22.8012, lng: 113.9124, road: '楼村中路', communities: ['楼村', '新羌', '圳美'], lunch: false },
  { name: '凤凰', code: 'FH', lat: 22.7712, lng: 113.9522, road: '凤凰大道', communities: ['凤凰', '塘家', '东坑', '甲子塘', '塘尾'], lunch: true },
  { name: '玉塘', code: 'YT', lat: 22.7335, lng: 113.9218, road: '玉律路', communities: ['玉律', '长圳', '田寮', '红星', '玉田', '红坳'], lunch: false },
  { name: '马田', code: 'MT', lat: 22.7689, lng: 113.8733, road: '将石路', communities: ['将石', '合水口', '薯田埔', '马山头', '新庄', '石家'], lunch: false },
];

/** The district hall (光明区政务服务中心). */
export const DISTRICT_HALL = {
  code: 'GM-D01',
  name: '光明区政务服务中心',
  address: '深圳市光明区光明街道华夏路与光明大道交汇处 光明区政务服务中心一楼',
  lat: 22.7487,
  lng: 113.9361,
  phone: '0755-88211234',
  transport: '地铁6号线光明大街站C出口步行约8分钟；公交光明区政务服务中心站（M336、M349、B737）。\n设地下停车场，办事群众前2小时免费。',
  accessibility: '正门设无障碍坡道，一楼设无障碍卫生间和爱心窗口；提供轮椅、老花镜、手语视频翻译服务。',
  services: '21个部门进驻，公开行政审批事项和政务服务事项655项；设服务窗口29个，引进第三方及配套服务机构9个。推行“一门式一站式”服务和“窗口综合受理、后台分类审批、统一窗口出件”。',
  extraService: '工作日中午12:00—14:00不打烊；每周三延时至20:00；周六上午9:00—12:00办理企业开办、社保等高频事项。',
};

/** The district hall's specialised windows, by department code. */
export const SPECIALISED = [
  { name: '不动产登记', dept: 'land' },
  { name: '公安户政与出入境', dept: 'psb' },
  { name: '社会保险', dept: 'hrss' },
  { name: '工程建设项目审批', dept: 'housing' },
];

/** Banks and community centres that host standalone terminals. */
export const BANKS = ['中国建设银行光明支行', '中国工商银行公明支行', '中国农业银行光明支行', '中国银行光明支行', '招商银行光明科学城支行', '深圳农村商业银行公明支行', '平安银行光明支行', '交通银行光明支行', '邮储银行公明支行', '中国建设银行凤凰城支行', '中国工商银行玉塘支行', '深圳农村商业银行马田支行'];
/** The main industrial parks of the source's "24-hour terminals in the key industrial parks". */
export const PARKS = ['光明科学城启动区', '宝新科技园', '华星光电产业园', '高新园区西片区', '凤凰城智造园', '公明塘尾工业区', '马田将石工业园', '玉塘田寮科创园'];
