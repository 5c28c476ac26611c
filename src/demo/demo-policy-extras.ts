import { OLD_FACTORY_2019 } from '../modules/policies/policies.demo-data.js';
import type { DemoPolicy } from '../modules/policies/policies.demo-data.js';
import type { PolicyCategory } from '../modules/policies/index.js';

/** The card, glossary and category a demo policy is filed with (the form's field names). */
export interface DemoPolicyExtras {
  category: PolicyCategory;
  terms?: string;
  cardHeadline?: string;
  cardAudience?: string;
  cardSupport?: string;
  cardDeadlines?: string;
  cardHowToApply?: string;
  cardContacts?: string;
}

const E_BIKE = '11442000007209010U/2019-00056';

// The source's example, with the four glossary terms it explains (名词解释) in its own words.
const HAND_WRITTEN: Record<string, DemoPolicyExtras> = {
  [OLD_FACTORY_2019]: {
    category: 'major',
    terms: [
      '动工开发｜指已依法领取施工许可证；需挖深基坑的项目，基坑开挖完毕；使用桩基的项目，打入所有基础桩；其他项目，地基施工完成三分之一。',
      '政府原因闲置土地｜指因政府、政府有关部门行为造成动工开发延迟的土地。自然灾害等不可抗力原因造成动工开发延迟的土地，参照政府原因闲置土地进行处置。',
      '自身原因闲置土地｜指除政府、政府有关部门行为或自然灾害等不可抗力外，因自身原因导致闲置的土地。',
      '无偿收回｜自身原因导致闲置，且按照出让合同或者划拨决定书约定、规定的动工开发日期满2年未动工开发的，由自然资源主管部门报经市政府批准后，将无偿收回国有建设用地使用权。',
    ].join('\n'),
    cardHeadline: '“工改工”新政：市级统筹更有力，连片改造有奖励',
    cardAudience: ['旧厂房的产权人（企业、村集体经济组织）', '参与改造的镇政府、区办事处', '与产权人合作改造的市场主体'].join('\n'),
    cardSupport: [
      '政府统租统管、征收收储（购）、村企合作、产权人自改，多种模式任选',
      '原址保留工业用途提高容积率的，不再增收土地价款',
      '产业用房可分割转让，比例最高49%',
      '按期完成改造并投产：新增计容建筑面积每平方米奖励100元，单个项目最高500万元',
    ].join('\n'),
    cardDeadlines: ['2019年10月1日起施行', '自身原因闲置满2年未动工开发的，无偿收回土地使用权'].join('\n'),
    cardHowToApply: ['向项目所在镇政府（区办事处）“三旧”改造部门提出改造申请', '编制改造方案，报市自然资源局审核', '批准后签订监管协议，按期动工、竣工'].join('\n'),
    cardContacts: ['市自然资源局“三旧”改造科 0760-88888321', '市住房和城乡建设局 0760-88888300'].join('\n'),
  },
  [E_BIKE]: {
    category: 'normative',
    cardHeadline: '6月21日起，电动自行车须登记上牌才能上路',
    cardAudience: ['在本市道路上行驶的电动自行车车主（超过110万人）'].join('\n'),
    cardSupport: ['登记上牌不收费', '符合新国标并有CCC认证的车辆：核发正式号牌', '2019年4月15日前购买的超标车：申领临时号牌，有效期至2022年6月20日'].join('\n'),
    cardDeadlines: ['2019年6月21日起施行', '超标车申领临时号牌：2019年6月21日至12月31日'].join('\n'),
    cardHowToApply: ['通过“中山交警”微信公众号预约', '带身份证、购车发票和合格证到登记点办理'].join('\n'),
    cardContacts: ['市公安局交通警察支队车管所 0760-12345678'].join('\n'),
  },
};

/**
 * The extras of a demo policy: the hand-written ones above, else a card drawn from its summary so every
 * interpretation-requiring demo policy has its three versions; every fifth generated policy is a notice
 * and every seventh "other", so the category filter and the assessment have something to show.
 */
export function demoPolicyExtras(p: DemoPolicy, serial: number): DemoPolicyExtras {
  const hand = HAND_WRITTEN[p.indexNo];
  if (hand) {
    return hand;
  }
  const category: PolicyCategory = serial % 5 === 4 ? 'notice' : serial % 7 === 6 ? 'other' : 'normative';
  const points = p.summary
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return {
    category,
    cardHeadline: p.title.length <= 40 ? p.title : undefined,
    cardAudience: p.serviceObject.includes('企业') ? '在本市依法登记注册的企业' : '本市户籍居民和常住人口',
    cardSupport: points.slice(0, 3).map((l) => (l.length > 110 ? `${l.slice(0, 108)}…` : l)).join('\n'),
    cardDeadlines: `${p.effectiveOn} 起施行`,
    cardHowToApply: ['通过市政务服务网在线申请，或到市行政服务中心综合窗口办理', `咨询发文单位：${p.issuingOrgan}`].join('\n'),
  };
}
