import crypto from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db } from '../../src/db/connect.js';
import { nowIso } from '../../src/platform/clock.js';
import type { ServiceItemTable } from '../../src/modules/service-catalogue/service-catalogue.table.js';

/**
 * A published service item of a department, valid under the catalogue's consistency rules (a 承诺件
 * with one visit, no fee). Override any column; halls and case tests build their items with this.
 */
export async function makeServiceItem(db: Db, departmentId: number, over: Partial<Insertable<ServiceItemTable>> = {}) {
  const now = nowIso();
  const code = over.code ?? `T${crypto.randomBytes(5).toString('hex').toUpperCase()}`;
  const r = await db.kysely
    .insertInto('serviceItem')
    .values({
      code,
      parentId: null,
      variant: '',
      name: `测试事项${code}`,
      itemType: 'licensing',
      departmentId,
      implementingBody: '测试部门',
      legalBasis: '',
      level: 'county',
      theme: '开办企业',
      audience: 'legal_person',
      caseType: 'promise',
      visitsNeeded: 1,
      visitsReason: '',
      onlineDepth: 'online_submission',
      statutoryDays: 20,
      promisedDays: 5,
      conditions: '',
      steps: '[]',
      specialSteps: '[]',
      resultType: '',
      resultName: '',
      resultSampleFileId: null,
      deliveryMethods: '',
      deliveryDays: null,
      place: '',
      hours: '',
      enquiryPhone: '',
      complaintPhone: '',
      feeCharged: 0,
      feeBasis: '',
      onlinePayment: 0,
      faq: '[]',
      enterpriseRelated: 0,
      noVisit: 0,
      instantApproval: 0,
      selfServiceTerminal: 0,
      status: 'published',
      createdAt: now,
      updatedAt: now,
      ...over,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: r.id, code };
}
