import type { Generated } from 'kysely';

// Table interfaces of the service catalogue (camelCase; the CamelCasePlugin maps them to snake_case).
// Halls and one-window cases read items only through this module's index.ts.

/** A service item (政务服务事项) with its guide (办事指南) fields, STANDARDS.md §3. */
export interface ServiceItemTable {
  id: Generated<number>;
  /** 事项编码, unique. */
  code: string;
  /** The main item of a sub item, or the sub item of a business variant. */
  parentId: number | null;
  /** new / change / renewal / cancellation for a business variant (业务办理项), '' otherwise. */
  variant: string;
  name: string;
  /** licensing / confirmation / adjudication / benefit / award / filing / other_power / public_service */
  itemType: string;
  /** The supervising department (主管部门). */
  departmentId: number;
  /** 实施主体 */
  implementingBody: string;
  /** 设定依据 */
  legalBasis: string;
  /** national / province / city / county / township / village */
  level: string;
  /** 主题分类 */
  theme: string;
  /** 服务对象: person / legal_person / both */
  audience: string;
  /** 办件类型: on_the_spot (即办件) / promise (承诺件) */
  caseType: string;
  /** 到办事现场次数 */
  visitsNeeded: number;
  visitsReason: string;
  /** 网办深度: none / information / download / online_submission / fully_online (全程网办) */
  onlineDepth: string;
  /** 法定办结时限, working days */
  statutoryDays: number;
  /** 承诺办结时限, working days */
  promisedDays: number;
  /** 受理条件 */
  conditions: string;
  /** JSON [{ step, description, days }] */
  steps: string;
  /** 特别程序, JSON [{ name, days, basis, countedInLimit }] */
  specialSteps: string;
  resultType: string;
  resultName: string;
  resultSampleFileId: number | null;
  deliveryMethods: string;
  deliveryDays: number | null;
  /** 办理地点, down to the window */
  place: string;
  hours: string;
  enquiryPhone: string;
  complaintPhone: string;
  feeCharged: number;
  feeBasis: string;
  onlinePayment: number;
  /** JSON [{ q, a }] */
  faq: string;
  /** 涉企事项 */
  enterpriseRelated: number;
  /** 不见面审批 */
  noVisit: number;
  /** 秒批 */
  instantApproval: number;
  /** 24小时自助终端可办 */
  selfServiceTerminal: number;
  /** draft / published / withdrawn */
  status: string;
  createdAt: string;
  updatedAt: string;
}

/** One required material (申请材料) of an item. */
export interface ServiceItemMaterialTable {
  id: Generated<number>;
  itemId: number;
  sortOrder: number;
  name: string;
  /** original / copy / original_and_copy / electronic */
  form: string;
  copies: number;
  required: number;
  notes: string;
  sampleFileId: number | null;
  blankFormFileId: number | null;
}

export interface ServiceCatalogueTables {
  serviceItem: ServiceItemTable;
  serviceItemMaterial: ServiceItemMaterialTable;
}
