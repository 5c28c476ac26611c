import { addWorkingDays } from '../../platform/calendar/index.js';

// The standard disclosure directory of a project ("4 + 10 + 7": Longsha's split of the 国令590 items
// over before / during / after) and the rules that say what each row owes on a given day.

/** The phases of a project; 'closed' owes nothing further. */
export const PHASES = ['before', 'during', 'after', 'closed'] as const;
export type Phase = (typeof PHASES)[number];
/** The phases that have directory rows. */
export const ITEM_PHASES = ['before', 'during', 'after'] as const;
export type ItemPhase = (typeof ITEM_PHASES)[number];

/** Channels of STANDARDS §2 (屏、网、图、栏 are board_screen, website, graphic, board). */
export const CHANNELS = ['website', 'gazette', 'new_media', 'press', 'broadcast', 'print', 'graphic', 'reading_point', 'service_centre', 'community', 'on_site', 'board_screen', 'push', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
export type ChannelNeed = 'required' | 'optional';

/** Key dates of a project; each directory row falls due from one of them. */
export const EVENT_KINDS = [
  'survey', 'risk_assessment', 'public_interest', 'scheme_draft', 'comment_closed', 'decision', 'valuer',
  'survey_result', 'valuation', 'compensation', 'signing', 'selection', 'relocation', 'payment', 'audit', 'closed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One row of the directory as configured (the STANDARDS §2 fields). */
export interface DirectoryRow {
  seq: number;
  phase: ItemPhase;
  level1: string;
  level2: string;
  content: string;
  basis: string;
  timeLimit: string;
  responsible: string;
  channels: Partial<Record<Channel, ChannelNeed>>;
  audience: 'public' | 'households';
  mode: 'proactive' | 'on_request';
  level: 'county' | 'township';
  triggerEvent: EventKind;
}

/** Working days to publish after the information is made (政府信息公开条例 Art. 26). */
export const PUBLISH_WITHIN_WORKING_DAYS = 20;
/** The minimum comment period of a compensation scheme, calendar days (国令590 Art. 10). */
export const MIN_COMMENT_DAYS = 30;

const L590 = '《国有土地上房屋征收与补偿条例》';
const WEB_BOARD: DirectoryRow['channels'] = { website: 'required', board_screen: 'required', on_site: 'optional', graphic: 'optional' };
const ON_SITE: DirectoryRow['channels'] = { on_site: 'required', board_screen: 'required', website: 'optional', push: 'optional' };
const LIMIT = '信息形成或变更之日起20个工作日内';

type RowSpec = [ItemPhase, string, string, string, string, EventKind, Partial<Pick<DirectoryRow, 'audience' | 'mode' | 'channels' | 'timeLimit'>>?];

// [phase, level-1, level-2, content, basis, trigger, overrides]
const SPECS: RowSpec[] = [
  ['before', '征收准备', '征收范围及调查登记', '征收范围、调查登记公告、暂停办理相关手续的通知', `${L590}第十五条、第十六条`, 'survey'],
  ['before', '征收准备', '社会稳定风险评估', '社会稳定风险评估报告（依申请公开）', `${L590}第十二条`, 'risk_assessment', { mode: 'on_request', channels: { website: 'optional' }, timeLimit: '收到申请之日起20个工作日内' }],
  ['before', '征收准备', '公共利益认定', '建设项目符合规划、计划的证明文件，公共利益认定文件', `${L590}第八条、第九条`, 'public_interest'],
  ['before', '征收准备', '补偿方案征求意见', '征收补偿方案（征求意见稿），征求意见期限不少于30日', `${L590}第十条`, 'scheme_draft', { timeLimit: '论证后即公布，征求意见不少于30日' }],
  ['during', '征收决定', '征求意见及修改情况', '征求意见情况和根据公众意见修改的情况', `${L590}第十一条`, 'comment_closed', { timeLimit: '征求意见期满后及时公布' }],
  ['during', '征收决定', '征收决定公告', '征收决定、征收范围、签约期限', `${L590}第十三条`, 'decision', { timeLimit: '作出决定后及时公告' }],
  ['during', '征收决定', '补偿方案', '正式征收补偿方案、补偿标准、奖励办法', `${L590}第十三条`, 'decision'],
  ['during', '征收决定', '法规政策', '国家、省、市房屋征收法规和政府相关规定', `${L590}第十三条`, 'decision'],
  ['during', '征收决定', '复议诉讼权利告知', '被征收人依法申请行政复议、提起行政诉讼的权利和期限', `${L590}第十四条`, 'decision'],
  ['during', '评估补偿', '评估机构选定', '房地产价格评估机构的协商选定或确定结果', `${L590}第二十条`, 'valuer', { timeLimit: '选定后及时公布（协商期限按项目设定）' }],
  ['during', '评估补偿', '分户调查结果', '被征收房屋权属、区位、用途、面积等调查登记结果', `${L590}第十五条`, 'survey_result', { channels: ON_SITE, audience: 'households' }],
  ['during', '评估补偿', '分户评估结果', '分户初步评估结果', '《国有土地上房屋征收评估办法》第十六条', 'valuation', { channels: ON_SITE, audience: 'households' }],
  ['during', '评估补偿', '分户补偿结果', '分户补偿情况（补偿方式、金额）', `${L590}第二十九条`, 'compensation', { channels: ON_SITE, audience: 'households' }],
  ['during', '评估补偿', '签约进度', '签约户数、签约比例，按日更新', '地方规定', 'signing', { channels: { board_screen: 'required', website: 'required', graphic: 'optional' } }],
  ['after', '安置', '选房顺序号', '产权调换户自选房屋的排列顺序号', '地方规定', 'selection', { channels: ON_SITE, audience: 'households' }],
  ['after', '安置', '安置房源', '安置房源位置、户型、面积', '地方规定', 'selection'],
  ['after', '安置', '回迁安置', '回迁时间、交房与入户手续办理', '地方规定', 'relocation'],
  ['after', '补偿款', '补偿款发放', '补偿款发放进度', `${L590}第二十七条`, 'payment'],
  ['after', '补偿款', '补偿费用使用', '征收补偿费用拨付和使用情况', `${L590}第二十九条`, 'payment'],
  ['after', '监督', '审计结果', '征收补偿费用审计结果', `${L590}第二十九条`, 'audit'],
  ['after', '监督', '项目完成', '征收工作完成情况及档案', '地方规定', 'closed'],
];

/** The default "4 + 10 + 7" directory a new project starts with. */
export function defaultDirectory(responsible: string): DirectoryRow[] {
  return SPECS.map(([phase, level1, level2, content, basis, triggerEvent, o = {}], i) => ({
    seq: i + 1,
    phase,
    level1,
    level2,
    content,
    basis,
    timeLimit: o.timeLimit ?? LIMIT,
    responsible,
    channels: o.channels ?? WEB_BOARD,
    audience: o.audience ?? 'public',
    mode: o.mode ?? 'proactive',
    level: 'county',
    triggerEvent,
  }));
}

/** Where a row stands on a day: published (on time or not), waiting for its event, due, or late. */
export type ItemState = 'published' | 'waiting' | 'due' | 'late';

/** A row's state and its deadline (event date + 20 working days), given the date of its event. */
export function itemStatus(item: { publishedOn: string | null; mode: string }, eventOn: string | undefined, today: string): { state: ItemState; dueOn: string | null; onTime: boolean | null } {
  const dueOn = eventOn ? addWorkingDays(eventOn, PUBLISH_WITHIN_WORKING_DAYS) : null;
  if (item.publishedOn) {
    return { state: 'published', dueOn, onTime: dueOn ? item.publishedOn <= dueOn : null };
  }
  // Items disclosed on request owe nothing until someone asks.
  if (!dueOn || item.mode === 'on_request') {
    return { state: 'waiting', dueOn, onTime: null };
  }
  return { state: today <= dueOn ? 'due' : 'late', dueOn, onTime: null };
}

/** Calendar days of a comment period, both ends counted. */
export function commentDays(opensOn: string, closesOn: string): number {
  return Math.round((Date.parse(`${closesOn}T00:00:00Z`) - Date.parse(`${opensOn}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The scheme's comment period checked against 国令590: long enough, and whether the revisions are now owed. */
export function commentCheck(opensOn: string | null, closesOn: string | null, revisionsPublishedOn: string | null, today: string) {
  if (!opensOn || !closesOn) {
    return null;
  }
  const days = commentDays(opensOn, closesOn);
  return { opensOn, closesOn, days, longEnough: days >= MIN_COMMENT_DAYS, open: today <= closesOn, revisionsOwed: today > closesOn && !revisionsPublishedOn, revisionsPublishedOn };
}
