import crypto from 'node:crypto';
import type { Db } from '../../src/db/connect.js';
import { loadServiceCatalogueDemo } from '../../src/modules/service-catalogue/index.js';
import { VOCABULARY } from '../../src/modules/service-catalogue/service-catalogue.demo-data.js';
import { makeDepartment } from './factories.js';

/** A multipart/form-data body with one file (and text fields before it), as a browser posts it. */
export function multipart(fileName: string, content: Buffer | string, fields: Record<string, string> = {}, field = 'file') {
  const boundary = `----gk${crypto.randomBytes(6).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The demo city's 21 departments (codes as in the demo) with the demo catalogue loaded; department ids by code. */
export async function loadDemoCatalogue(db: Db): Promise<Map<string, number>> {
  const deptIds = new Map<string, number>();
  for (const code of Object.keys(VOCABULARY)) {
    deptIds.set(code, (await makeDepartment(db, { code, nameZh: `演示${code}局` })).id);
  }
  await loadServiceCatalogueDemo(db.kysely, { actor: { userId: null, name: 'demo', ip: '127.0.0.1', requestId: 'demo' }, deptIds, users: new Map() });
  return deptIds;
}

/** The staff form's fields for a valid 承诺件 of a department; override any. */
export function itemFields(departmentId: number, over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const code = `T-${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
  return {
    code,
    parentCode: '',
    variant: '',
    name: `酒类经营许可${code}`,
    itemType: 'licensing',
    departmentId: String(departmentId),
    implementingBody: '区市场监督管理局',
    legalBasis: '《酒类流通管理办法》',
    level: 'county',
    theme: '市场监管',
    audience: 'legal_person',
    caseType: 'promise',
    visitsNeeded: '1',
    visitsReason: '核验原件',
    onlineDepth: 'online_submission',
    statutoryDays: '20',
    promisedDays: '5',
    conditions: '依法设立的企业',
    materials: '申请表｜原件｜1｜必要\n营业执照｜复印件｜1｜必要｜加盖公章',
    steps: '受理｜窗口受理｜0\n审查｜材料审查｜3\n决定｜作出决定｜2',
    specialSteps: '现场核查｜5｜《办法》第十条｜不计入',
    resultType: '证照',
    resultName: '酒类经营许可证',
    deliveryMethods: '窗口领取',
    deliveryDays: '1',
    place: '区政务服务中心二楼12号窗口',
    hours: '周一至周五',
    enquiryPhone: '0755-1234567',
    complaintPhone: '12345',
    feeCharged: '0',
    feeBasis: '',
    onlinePayment: '0',
    faq: '需要本人到场吗？｜不需要',
    flags: ['enterpriseRelated'],
    status: 'published',
    ...over,
  };
}
