import type { Db } from '../db/connect.js';
import type { Actor, CurrentUser, Executor } from '../http/context.js';
import { nowIso } from '../platform/clock.js';
import { creditCodeCheckChar } from '../platform/identity/index.js';
import { countUsers, hashPassword } from '../modules/accounts/index.js';
import { DEMO_ARTICLES, DEMO_COLUMNS, DEMO_DEPARTMENTS, DEMO_USERS, type DemoColumn } from './demo-data.js';
import * as portal from '../modules/portal/portal.service.js';
import { updateArticle } from '../modules/portal/portal.service.js';
import { loadDemoPolicies } from './demo-policies.js';
import type { DemoContext } from './demo-context.js';
import { loadPolicyComparisonDemo } from '../modules/policies/policies.compare.demo.js';
import { loadInterpretationsDemo } from '../modules/interpretations/interpretations.demo.js';
import { loadDialoguesDemo } from '../modules/dialogues/dialogues.demo.js';
import { loadInterpretationPlansDemo } from '../modules/interpretation-plans/interpretation-plans.demo.js';
import { loadEnterprisesDemo } from '../modules/enterprises/enterprises.demo.js';
import { loadNavigatorDemo } from '../modules/navigator/navigator.demo.js';
import { loadOutboxDemo } from '../platform/outbox/index.js';
import { loadOpenDaysDemo } from '../modules/open-days/index.js';
import { loadOpenDayRegistrationDemo } from '../modules/open-day-registration/index.js';
import { loadOpenDaySuggestionsDemo } from '../modules/open-day-suggestions/index.js';
import { loadServiceCatalogueDemo } from '../modules/service-catalogue/index.js';
import { loadServiceHallsDemo } from '../modules/service-halls/index.js';
import { loadServiceCasesDemo } from '../modules/service-cases/index.js';
import { loadConsultationsDemo } from '../modules/consultations/index.js';
import { loadExpropriationDemo } from '../modules/expropriation/index.js';
import { loadDisclosureRequestsDemo } from '../modules/disclosure-requests/index.js';

const DEMO_ACTOR: Actor = { userId: null, name: 'demo data loader', ip: '127.0.0.1', requestId: 'demo' };

/** A valid 统一社会信用代码 for the demo enterprise (check character computed, GB 32100). */
export const DEMO_CREDIT_CODE = (() => {
  const first17 = '91442000MA4W1234X'.slice(0, 17);
  return first17 + creditCodeCheckChar(first17);
})();

async function insertColumns(trx: Executor, cols: DemoColumn[], parentId: number | null, now: string, ids: Map<string, number>): Promise<void> {
  let order = 10;
  for (const c of cols) {
    const r = await trx
      .insertInto('portalColumn')
      .values({
        parentId,
        slug: c.slug,
        nameZh: c.nameZh,
        nameEn: c.nameEn,
        descriptionZh: c.descriptionZh ?? '',
        descriptionEn: c.descriptionEn ?? '',
        sortOrder: order,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(c.slug, r.id);
    order += 10;
    await insertColumns(trx, c.children ?? [], r.id, now, ids);
  }
}

/** True when the database holds no users yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  return (await countUsers(db.kysely)) === 0;
}

/**
 * Fills an empty database with the demo city: departments, the column tree, staff and public accounts,
 * and articles published through the real review workflow (so the audit log and versions are real too).
 */
export async function loadDemoData(db: Db): Promise<void> {
  // Hash before the transaction: argon2 is slow on purpose and must not hold the write lock.
  const hashes = new Map<string, string>();
  for (const u of DEMO_USERS) {
    hashes.set(u.username, await hashPassword(u.password));
  }
  await db.kysely.transaction().execute(async (trx) => {
    const now = nowIso();
    const deptIds = new Map<string, number>();
    let order = 10;
    for (const d of DEMO_DEPARTMENTS) {
      const r = await trx
        .insertInto('department')
        .values({
          code: d.code,
          nameZh: d.nameZh,
          nameEn: d.nameEn,
          kind: d.kind,
          functions: d.functions,
          address: `市行政服务中心${order / 10}号楼`,
          officeHours: '工作日 8:30–12:00，14:00–17:30',
          phone: d.phone,
          email: `${d.code}@gongkai.example.gov.cn`,
          website: '',
          headName: d.headName,
          headTitle: d.headTitle,
          sortOrder: order,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      deptIds.set(d.code, r.id);
      order += 10;
    }
    const colIds = new Map<string, number>();
    await insertColumns(trx, DEMO_COLUMNS, null, now, colIds);

    const users = new Map<string, CurrentUser>();
    for (const u of DEMO_USERS) {
      const r = await trx
        .insertInto('user')
        .values({
          username: u.username,
          displayName: u.displayName,
          passwordHash: hashes.get(u.username)!,
          role: u.role,
          email: `${u.username}@example.com`,
          mobile: u.role === 'citizen' || u.role === 'enterprise' ? '13800138000' : null,
          creditCode: u.role === 'enterprise' ? DEMO_CREDIT_CODE : null,
          enterpriseName: u.role === 'enterprise' ? '中山市示范科技有限公司' : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const departmentIds = u.departments.map((c) => deptIds.get(c)!);
      if (departmentIds.length > 0) {
        await trx
          .insertInto('userDepartment')
          .values(departmentIds.map((departmentId) => ({ userId: r.id, departmentId })))
          .execute();
      }
      users.set(u.username, { id: r.id, username: u.username, displayName: u.displayName, role: u.role, departmentIds });
    }

    const admin = users.get('admin')!;
    const editor = users.get('editor')!;
    await loadDemoPolicies(trx, DEMO_ACTOR, deptIds, editor, users.get('reviewer')!);
    const ctx: DemoContext = { actor: DEMO_ACTOR, deptIds, users };
    await loadPolicyComparisonDemo(trx, ctx);
    await loadInterpretationsDemo(trx, ctx);
    await loadDialoguesDemo(trx, ctx);
    await loadInterpretationPlansDemo(trx, ctx);
    await loadEnterprisesDemo(trx, ctx);
    await loadOutboxDemo(trx, ctx);
    await loadNavigatorDemo(trx, ctx);
    await loadOpenDaysDemo(trx, ctx);
    await loadOpenDayRegistrationDemo(trx, ctx);
    await loadOpenDaySuggestionsDemo(trx, ctx);
    await loadServiceCatalogueDemo(trx, ctx);
    await loadServiceHallsDemo(trx, ctx);
    await loadServiceCasesDemo(trx, ctx);
    await loadConsultationsDemo(trx, ctx);
    await loadExpropriationDemo(trx, ctx);
    await loadDisclosureRequestsDemo(trx, ctx);
    for (const a of DEMO_ARTICLES) {
      const author = a.department === 'expropriation' ? users.get('exp-editor')! : editor;
      const input = { columnId: colIds.get(a.column)!, departmentId: deptIds.get(a.department)!, title: a.title, summary: a.summary, body: a.body };
      const id = await portal.createArticle(trx, DEMO_ACTOR, author, input);
      if (a.state === 'draft') {
        continue;
      }
      await portal.submitArticle(trx, DEMO_ACTOR, author, id);
      if (a.state === 'in_review') {
        continue;
      }
      await portal.approveArticle(trx, DEMO_ACTOR, admin, id);
      for (const rev of a.revisions ?? []) {
        await updateArticle(trx, DEMO_ACTOR, author, id, { ...input, title: rev.title, body: rev.body });
        await portal.submitArticle(trx, DEMO_ACTOR, author, id);
        await portal.approveArticle(trx, DEMO_ACTOR, admin, id);
      }
    }
  });
}
