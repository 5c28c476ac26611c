import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { addWorkingDays } from '../../platform/calendar/index.js';
import { todayInChina } from '../../platform/clock.js';
import { checkUpload, cleanFilename, storeFile } from '../../platform/files/index.js';
import { recordAudit } from '../../platform/audit/index.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { listDepartmentOptions } from '../departments/index.js';
import * as repo from './disclosure-requests.repository.js';
import * as service from './disclosure-requests.service.js';
import { agencyScope, requireAgencyStaff, requireDisclosureStaff } from './disclosure-requests.policy.js';
import { RegisterSchema, StaffQuery } from './disclosure-requests.schema.js';
import { OPEN_STATES, allowedActions, type CaseState } from './disclosure-requests.status.js';
import { DISPUTE_RESULT_FORM, STEP_FORMS, type StepForm } from './disclosure-requests.staff-forms.js';
import { RegisterPage, StaffCasePage, StaffHomePage } from './disclosure-requests.admin-views.js';

const PAGE_SIZE = 30;

/** The staff pages: overview, registration of paper applications, the case page and its steps. */
export async function disclosureAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as Record<string, string>).id);

  app.get('/admin/disclosure-requests', { schema: { hide: true } }, async (req, reply) => {
    const user = requireDisclosureStaff(req.user);
    const q = parseInput(StaffQuery, req.query);
    const scope = agencyScope(user);
    const today = todayInChina();
    const [agencies, load, due, list] = await Promise.all([
      listDepartmentOptions(db(), req.locale),
      repo.workload(db(), scope, OPEN_STATES),
      repo.openDueBy(db(), scope, OPEN_STATES, addWorkingDays(today, 3)),
      repo.listForStaff(db(), { departmentIds: scope, departmentId: q.department, state: q.state, page: q.page, pageSize: PAGE_SIZE }),
    ]);
    const names = new Map(agencies.map((a) => [a.id, a.name]));
    const byAgency = new Map<number, Record<string, number>>();
    for (const w of load) {
      const c = byAgency.get(w.departmentId) ?? {};
      c[w.state] = w.n;
      byAgency.set(w.departmentId, c);
    }
    const data = {
      workload: [...byAgency.entries()].map(([id, counts]) => ({ agency: names.get(id) ?? String(id), counts })),
      overdue: due.filter((r) => (r.dueOn ?? '') < today),
      dueSoon: due.filter((r) => (r.dueOn ?? '') >= today),
      rows: list.rows,
      page: q.page,
      pageCount: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
      agencyName: (id: number) => names.get(id) ?? String(id),
    };
    return sendPage(reply, <StaffHomePage ctx={viewContext(req)} data={data} state={q.state} />);
  });

  /** The agencies a staff member may register applications for. */
  const ownAgencies = async (req: FastifyRequest) => {
    const scope = agencyScope(requireDisclosureStaff(req.user));
    return (await listDepartmentOptions(db(), req.locale)).filter((a) => scope === undefined || scope.includes(a.id));
  };
  app.get('/admin/disclosure-requests/register', { schema: { hide: true } }, async (req, reply) =>
    sendPage(reply, <RegisterPage ctx={viewContext(req)} form={emptyForm({ handedInOn: todayInChina() })} agencies={await ownAgencies(req)} />),
  );
  app.post('/admin/disclosure-requests/register', { schema: { hide: true } }, async (req, reply) => {
    const agencies = await ownAgencies(req);
    return handleForm(
      req,
      reply,
      RegisterSchema,
      (input, trx) => service.registerApplication(trx, actor(req), req.user, input),
      (r) => seeOther(reply, `/admin/disclosure-requests/${r.id}`),
      (form) => <RegisterPage ctx={viewContext(req)} form={form} agencies={agencies} />,
    );
  });

  /** The case page; `failed` re-renders one step's form with its errors. */
  const casePage = async (req: FastifyRequest, reply: FastifyReply, id: number, failed?: { slug: string; form: FormState }, status = 200) => {
    const row = await repo.requestById(db(), id);
    if (!row) {
      throw new AppError('not_found');
    }
    requireAgencyStaff(req.user, row.departmentId);
    const d = await service.caseDetail(db(), row);
    const allowed = allowedActions({
      state: row.state as CaseState,
      received: row.receivedOn !== null,
      corrected: row.correctedOn !== null,
      correctionRequested: row.correctionRequestedOn !== null,
      extended: row.extensionDays !== null,
      feeOutstanding: row.feeIssuedOn !== null && row.feePaidOn === null,
    });
    const steps: StepForm[] = STEP_FORMS.filter((s) => s.offeredBy.some((a) => allowed.includes(a)));
    if (d.disputes.length > 0) {
      steps.push(DISPUTE_RESULT_FORM);
    }
    const agency = d.department ? (req.locale === 'en' ? d.department.nameEn : d.department.nameZh) : '';
    return sendPage(reply, <StaffCasePage ctx={viewContext(req)} d={d} steps={steps} failed={failed} agency={agency} />, status);
  };

  app.get('/admin/disclosure-requests/:id', { schema: { hide: true } }, async (req, reply) => casePage(req, reply, idOf(req)));

  for (const step of [...STEP_FORMS, DISPUTE_RESULT_FORM]) {
    app.post(`/admin/disclosure-requests/:id/${step.slug}`, { schema: { hide: true } }, async (req, reply) => {
      const id = idOf(req);
      try {
        const input = parseInput(step.schema, withoutCsrf(req.body));
        await tx(req, (trx) => step.run(trx, actor(req), req.user, id, input as never, app.config));
        return seeOther(reply, `/admin/disclosure-requests/${id}?done=${step.slug}`);
      } catch (err) {
        // A field problem shows the case page again with that step's form, its errors and values.
        if (err instanceof AppError && err.fields.length > 0) {
          const values = Object.fromEntries(Object.entries(withoutCsrf(req.body)).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
          return casePage(req, reply, id, { slug: step.slug, form: { values, errors: problemsByField(err.fields) } }, 400);
        }
        throw err;
      }
    });
  }

  app.post('/admin/disclosure-requests/:id/attachments', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const row = await repo.requestById(db(), id);
    if (!row) {
      throw new AppError('not_found');
    }
    const user = requireAgencyStaff(req.user, row.departmentId);
    const part = req.isMultipart() ? await req.file() : undefined;
    if (!part || part.filename === '') {
      throw new AppError('validation_failed', {}, [{ field: 'file', key: 'validation.required' }]);
    }
    const content = await part.toBuffer();
    const filename = cleanFilename(part.filename);
    const { mimeType } = checkUpload(filename, content, app.config.uploadMaxBytes);
    await tx(req, async (trx) => {
      const fileId = await storeFile(trx, { filename, mimeType, content, uploadedBy: user.id });
      await repo.insertAttachment(trx, id, fileId, filename);
      await recordAudit(trx, actor(req), { action: 'disclosure_request.attach', entityType: 'disclosure_request', entityId: id, after: { fileId, filename } });
    });
    return seeOther(reply, `/admin/disclosure-requests/${id}`);
  });
}
