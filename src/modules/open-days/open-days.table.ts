import type { Generated } from 'kysely';

// Table interfaces of the open-day feature (camelCase; the CamelCasePlugin maps them to snake_case).
// Three modules share them: open-days (campaigns, points, programme, survey, online, report),
// open-day-registration (sign-up, waitlist, check-in) and open-day-suggestions (suggestions, measures).

/** A campaign (政务开放日系列活动): themed days, a common template, the survey and registration windows. */
export interface OpenDayCampaignTable {
  id: Generated<number>;
  slug: string;
  year: number;
  title: string;
  /** The campaign's motto, e.g. 初心·同行. */
  slogan: string;
  description: string;
  startsOn: string;
  endsOn: string;
  /** JSON: [{ key, titleZh, titleEn, hint }] — the sections every open point fills. */
  templateSections: string;
  /** The unified time every point follows (统一时间). */
  unifiedTime: string;
  /** The common process (统一流程), one step per line. */
  process: string;
  surveyOpensOn: string | null;
  surveyClosesOn: string | null;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  /** Working days a routed unit has to answer a suggestion. */
  answerDays: number;
  /** draft / published / closed */
  status: string;
  createdAt: string;
  updatedAt: string;
}

/** One themed day of a campaign (优化营商环境, 城市管理服务, 科技创新, 保障民生 …). */
export interface OpenDayThemeTable {
  id: Generated<number>;
  campaignId: number;
  day: string;
  titleZh: string;
  titleEn: string;
  sortOrder: number;
}

/** An open point (开放点位) at city, district or street level. */
export interface OpenPointTable {
  id: Generated<number>;
  campaignId: number;
  themeId: number | null;
  /** Public short code, used in its QR code and URLs. */
  code: string;
  /** city / district / street (市级 / 区级 / 街乡级) */
  level: string;
  district: string;
  departmentId: number | null;
  organiser: string;
  topic: string;
  address: string;
  lat: number | null;
  lng: number | null;
  description: string;
  /** JSON {sectionKey: text}: the point's own content for each template section. */
  sections: string;
  accessibility: string;
  contactName: string;
  contactPhone: string;
  liveUrl: string;
  replayUrl: string;
  onlineVisits: number;
  /** Places reserved for invited guests across the point's sessions. */
  guestQuota: number;
  /** draft / published / cancelled */
  status: string;
  createdAt: string;
  updatedAt: string;
}

/** A time slot of an open point with its own capacity. */
export interface OpenPointSessionTable {
  id: Generated<number>;
  pointId: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  /** Confirmed places taken, kept in the same transaction as the registrations. */
  booked: number;
  waitlisted: number;
}

/** A proposal in the needs survey (公众需求调查): what the public wants opened. */
export interface OpenDayNeedTable {
  id: Generated<number>;
  campaignId: number;
  title: string;
  description: string;
  category: string;
  proposerName: string;
  /** Never public. */
  contact: string;
  votes: number;
  /** pending / published / rejected */
  status: string;
  createdAt: string;
  /** The open point this proposal became (需求采纳); null while not adopted. */
  adoptedPointId: number | null;
  adoptedAt: string | null;
}

/** One vote on a need; voterKey is a hash of the account or the browser's vote cookie. */
export interface OpenDayNeedVoteTable {
  needId: number;
  voterKey: string;
  createdAt: string;
}

/** A real-name registration for a session. */
export interface OpenDayRegistrationTable {
  id: Generated<number>;
  sessionId: number;
  pointId: number;
  campaignId: number;
  name: string;
  mobile: string;
  idNumber: string | null;
  email: string | null;
  userId: number | null;
  /** public / guest */
  kind: string;
  /** deputy (人大代表) / member (政协委员) / citizen_rep (市民代表); guests only. */
  guestCategory: string | null;
  /** confirmed / waitlisted / cancelled / checked_in / no_show */
  status: string;
  /** The confirmation code shown and encoded in the QR code. */
  code: string;
  cancelToken: string;
  waitlistSeq: number | null;
  checkedInAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A measure (措施) that answers one or more suggestions. */
export interface OpenDayMeasureTable {
  id: Generated<number>;
  campaignId: number;
  title: string;
  description: string;
  ownerDepartmentId: number | null;
  owner: string;
  /** planned / in_progress / done */
  progress: string;
  progressNote: string;
  dueOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A suggestion from a visit or online, with its public path. */
export interface OpenDaySuggestionTable {
  id: Generated<number>;
  campaignId: number;
  pointId: number | null;
  registrationId: number | null;
  /** visit / online */
  source: string;
  trackingCode: string;
  category: string;
  content: string;
  submitterName: string;
  /** Never public. */
  contact: string;
  /** received / routed / answered / converted / partly_adopted / explained / not_adopted / merged / split / rejected */
  status: string;
  mergedIntoId: number | null;
  /** The suggestion this one is a part of, when staff split one that raised several matters. */
  splitFromId: number | null;
  departmentId: number | null;
  routedAt: string | null;
  dueOn: string | null;
  answer: string;
  answeredAt: string | null;
  outcomeReason: string;
  measureId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** One step on a suggestion's public path. */
export interface OpenDaySuggestionEventTable {
  id: Generated<number>;
  suggestionId: number;
  status: string;
  note: string;
  actorId: number | null;
  at: string;
}

/** The tables of the open-day feature, gathered into db/database.ts. */
export interface OpenDaysTables {
  openDayCampaign: OpenDayCampaignTable;
  openDayTheme: OpenDayThemeTable;
  openPoint: OpenPointTable;
  openPointSession: OpenPointSessionTable;
  openDayNeed: OpenDayNeedTable;
  openDayNeedVote: OpenDayNeedVoteTable;
  openDayRegistration: OpenDayRegistrationTable;
  openDayMeasure: OpenDayMeasureTable;
  openDaySuggestion: OpenDaySuggestionTable;
  openDaySuggestionEvent: OpenDaySuggestionEventTable;
}
