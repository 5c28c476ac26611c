import type { Generated } from 'kysely';
import type { InterpretationsTables } from '../modules/interpretations/interpretations.table.js';
import type { DialoguesTables } from '../modules/dialogues/dialogues.table.js';
import type { InterpretationPlansTables } from '../modules/interpretation-plans/interpretation-plans.table.js';
import type { PolicyComparisonTables } from '../modules/policies/policies.compare.table.js';
import type { EnterprisesTables } from '../modules/enterprises/enterprises.table.js';
import type { OutboxTables } from '../platform/outbox/outbox.table.js';
import type { NavigatorTables } from '../modules/navigator/navigator.table.js';
import type { OpenDaysTables } from '../modules/open-days/open-days.table.js';
import type { ServiceCatalogueTables } from '../modules/service-catalogue/service-catalogue.table.js';
import type { ServiceHallsTables } from '../modules/service-halls/service-halls.table.js';
import type { ServiceCasesTables } from '../modules/service-cases/service-cases.table.js';
import type { ConsultationsTables } from '../modules/consultations/consultations.table.js';
import type { ExpropriationTables } from '../modules/expropriation/expropriation.table.js';
import type { DisclosureRequestsTables } from '../modules/disclosure-requests/disclosure-requests.table.js';

// Table interfaces, one per table, camelCase (the CamelCasePlugin maps them to snake_case columns).
// Modules own their tables; this file only gathers them for Kysely's typing.

export interface SettingTable {
  key: string;
  value: string;
}

export interface DepartmentTable {
  id: Generated<number>;
  code: string;
  nameZh: string;
  nameEn: string;
  /** 'office' for the general office (市府办), 'department' otherwise. */
  kind: string;
  functions: string;
  address: string;
  officeHours: string;
  phone: string;
  email: string;
  website: string;
  headName: string;
  headTitle: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  email: string | null;
  mobile: string | null;
  creditCode: string | null;
  enterpriseName: string | null;
  residentId: string | null;
  failedLogins: Generated<number>;
  lockedUntil: string | null;
  disabled: Generated<number>;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserDepartmentTable {
  userId: number;
  departmentId: number;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not yield live cookies. */
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string;
  userAgent: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string;
  requestId: string;
  prevHash: string;
  hash: string;
}

export interface JobTable {
  id: Generated<number>;
  queue: string;
  payload: string;
  idempotencyKey: string | null;
  status: string;
  runAt: string;
  attempts: Generated<number>;
  maxAttempts: Generated<number>;
  lockedBy: string | null;
  lockedAt: string | null;
  lastError: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface FileTable {
  id: Generated<number>;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploadedBy: number | null;
  createdAt: string;
}

export interface PortalColumnTable {
  id: Generated<number>;
  parentId: number | null;
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleTable {
  id: Generated<number>;
  columnId: number;
  departmentId: number;
  status: string;
  title: string;
  summary: string;
  bodyHtml: string;
  authorId: number | null;
  reviewNote: string;
  publishedVersion: number;
  publicTitle: string | null;
  publicSummary: string | null;
  publicColumnId: number | null;
  publicDepartmentId: number | null;
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleVersionTable {
  id: Generated<number>;
  articleId: number;
  version: number;
  title: string;
  summary: string;
  bodyHtml: string;
  authorId: number | null;
  reviewerId: number | null;
  publishedAt: string;
}

export interface ArticleAttachmentTable {
  articleId: number;
  fileId: number;
  sortOrder: number;
}

export interface ArticleVersionAttachmentTable {
  articleId: number;
  version: number;
  fileId: number;
  sortOrder: number;
}

export interface PolicyTable {
  id: Generated<number>;
  /** 索引号 */
  indexNo: string;
  title: string;
  /** 发文字号 */
  docNumber: string;
  /** 发文机关 */
  issuingOrgan: string;
  departmentId: number;
  /** 主题分类 */
  theme: string;
  /** 主题词, separated by spaces */
  keywords: string;
  /** 服务对象 */
  serviceObject: string;
  /** 成文日期 */
  writtenOn: string;
  /** 发布日期 (set at publication unless given) */
  publishedOn: string | null;
  /** 实施日期 */
  effectiveOn: string | null;
  /** valid 有效 / expired 失效 / repealed 废止 / amended 修订 */
  validity: string;
  validityEndedOn: string | null;
  /** The policy this one replaces (新旧政策对比). */
  replacesId: number | null;
  /** 摘要版 */
  summary: string;
  /** 原文版, as written (chapters and articles on their own lines). */
  body: string;
  preamble: string;
  status: string;
  reviewNote: string;
  authorId: number | null;
  reviewerId: number | null;
  createdAt: string;
  updatedAt: string;
  /** normative 规范性文件 / major 重大政策 / notice 通知公告 / other; the first two require summary, graphic and interpretation. */
  category: Generated<string>;
  /** 图解版 source: the policy card as JSON ('' when none). */
  card: Generated<string>;
  /** An uploaded designed graphic that replaces the generated one. */
  graphicFileId: number | null;
  /** Text alternative of the uploaded graphic. */
  graphicAlt: Generated<string>;
}

/** A glossary term (名词解释) of a policy, marked where it occurs in the text. */
export interface PolicyTermTable {
  id: Generated<number>;
  policyId: number;
  seq: number;
  term: string;
  definition: string;
}

/** A file attached to a policy. */
export interface PolicyAttachmentTable {
  id: Generated<number>;
  policyId: number;
  fileId: number;
  seq: number;
  title: string;
}

export interface PolicyArticleTable {
  id: Generated<number>;
  policyId: number;
  seq: number;
  number: number;
  anchor: string;
  chapterNumber: number | null;
  chapterTitle: string | null;
  text: string;
}

/** Every table Kysely knows about. */
/** Every table; modules added after the foundation keep their table interfaces beside their code. */
export interface Database
  extends InterpretationsTables,
    DialoguesTables,
    InterpretationPlansTables,
    PolicyComparisonTables,
    EnterprisesTables,
    OutboxTables,
    NavigatorTables,
    OpenDaysTables,
    ServiceCatalogueTables,
    ServiceHallsTables,
    ServiceCasesTables,
    ConsultationsTables,
    ExpropriationTables,
    DisclosureRequestsTables {
  setting: SettingTable;
  department: DepartmentTable;
  user: UserTable;
  userDepartment: UserDepartmentTable;
  session: SessionTable;
  auditLog: AuditLogTable;
  job: JobTable;
  file: FileTable;
  portalColumn: PortalColumnTable;
  article: ArticleTable;
  articleVersion: ArticleVersionTable;
  articleAttachment: ArticleAttachmentTable;
  articleVersionAttachment: ArticleVersionAttachmentTable;
  policy: PolicyTable;
  policyArticle: PolicyArticleTable;
  policyTerm: PolicyTermTable;
  policyAttachment: PolicyAttachmentTable;
}
