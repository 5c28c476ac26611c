import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { idParam } from '../../http/schema-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { canActInDepartment, requireRole } from '../accounts/index.js';
import { findDepartmentById, listDepartmentOptions } from '../departments/index.js';
import * as agency from './expropriation.agency.js';
import { AgencyPage } from './expropriation.agency-views.js';
import { AdminProjectPage, AdminProjectsPage, PublishItemPage, StaffHouseholdPage } from './expropriation.admin-views.js';
import * as hh from './expropriation.households.service.js';
import { readHouseholdFile } from './expropriation.import.js';
import type { StaffHousehold } from './expropriation.presenter.js';
import * as repo from './expropriation.repository.js';
import { CorrectionSchema, EventSchema, PhaseSchema, ProjectSchema, PublishItemSchema } from './expropriation.schema.js';
import * as service from './expropriation.service.js';

const num = (req: FastifyRequest, key: string) => parseInput(idParam, (req.params as Record<string, string>)[key]);

/** The correction form's values from a record. */
function householdValues(h: StaffHousehold): FormState['values'] {
  const s = (v: string | number | null) => (v === null ? '' : String(v));
  return {
    ownerName: h.name, idNumber: h.idNumber, building: h.building, unit: h.unit, room: h.room, area: String(h.area), surveyStatus: h.surveyStatus, surveyNote: h.surveyNote,
    rightsStatus: h.rightsStatus, valuation: s(h.valuation), scheme: s(h.scheme), compensation: s(h.compensation), subsidy: s(h.subsidy), signingStatus: h.signingStatus,
    signedOn: s(h.signedOn), selectionOrder: s(h.selectionOrder), paymentStatus: h.paymentStatus, paidOn: s(h.paidOn), reason: '',
  };
}

/** Staff pages: projects, key dates, directory publication, household import, corrections and access codes, agency report. */
export async function expropriationAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  const projectsData = async (req: FastifyRequest) => {
    const user = requireRole(req.user, 'editor', 'reviewer', 'admin');
    const projects = (await service.listProjects(db())).filter((p) => canActInDepartment(user, p.departmentId));
    const departments = (await listDepartmentOptions(db(), req.locale)).filter((d) => canActInDepartment(user, d.id));
    return { projects, departments };
  };
  app.get('/admin/expropriation', { schema: { hide: true } }, async (req, reply) => {
    const d = await projectsData(req);
    return sendPage(reply, <AdminProjectsPage ctx={viewContext(req)} {...d} form={emptyForm({ phase: 'before', valuerDays: '10' })} />);
  });
  app.post('/admin/expropriation/projects', { schema: { hide: true } }, async (req, reply) => {
    const d = await projectsData(req);
    return handleForm(
      req,
      reply,
      ProjectSchema,
      async (input, trx) => service.createProject(trx, req.user, actor(req), input, (await findDepartmentById(trx, input.departmentId))?.nameZh ?? ''),
      (id) => seeOther(reply, `/admin/expropriation/projects/${id}`),
      (form) => <AdminProjectsPage ctx={viewContext(req)} {...d} form={form} />,
    );
  });

  const projectPage = async (req: FastifyRequest, reply: FastifyReply, id: number, form: FormState = emptyForm(), report?: hh.ImportResult, status = 200) => {
    const data = await service.directoryStatus(db(), id);
    requireRole(req.user, 'editor', 'reviewer', 'admin');
    if (!canActInDepartment(req.user, data.project.departmentId)) {
      throw new AppError('forbidden');
    }
    return sendPage(reply, <AdminProjectPage ctx={viewContext(req)} status={data} form={form} report={report} />, status);
  };
  app.get('/admin/expropriation/projects/:id', { schema: { hide: true } }, (req, reply) => projectPage(req, reply, num(req, 'id')));

  app.post('/admin/expropriation/projects/:id/events', { schema: { hide: true } }, async (req, reply) => {
    const id = num(req, 'id');
    const data = await service.directoryStatus(db(), id);
    return handleForm(
      req,
      reply,
      EventSchema,
      (input, trx) => service.recordEvent(trx, req.user, actor(req), id, input),
      () => seeOther(reply, `/admin/expropriation/projects/${id}#events`),
      (form) => <AdminProjectPage ctx={viewContext(req)} status={data} form={form} />,
    );
  });

  app.post('/admin/expropriation/projects/:id/phase', { schema: { hide: true } }, async (req, reply) => {
    const id = num(req, 'id');
    const input = parseInput(PhaseSchema, { phase: (req.body as Record<string, unknown>).phase });
    await tx(req, (trx) => service.setPhase(trx, req.user, actor(req), id, input.phase));
    return seeOther(reply, `/admin/expropriation/projects/${id}`);
  });

  const itemPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const id = num(req, 'id');
    const project = await service.getProject(db(), id);
    if (!canActInDepartment(req.user, project.departmentId)) {
      throw new AppError(req.user ? 'forbidden' : 'unauthenticated');
    }
    const item = await repo.itemBySeq(db(), id, num(req, 'seq'));
    if (!item) {
      throw new AppError('not_found');
    }
    return sendPage(reply, <PublishItemPage ctx={viewContext(req)} project={project} item={item} form={form} />, status);
  };
  app.get('/admin/expropriation/projects/:id/items/:seq', { schema: { hide: true } }, (req, reply) => itemPage(req, reply, emptyForm({ link: '/' })));
  app.post('/admin/expropriation/projects/:id/items/:seq', { schema: { hide: true } }, async (req, reply) => {
    const id = num(req, 'id');
    const seq = num(req, 'seq');
    try {
      const input = parseInput(PublishItemSchema, (({ _csrf, ...rest }) => rest)(req.body as Record<string, unknown>));
      await tx(req, (trx) => service.publishItem(trx, req.user, actor(req), id, seq, input));
      return seeOther(reply, `/admin/expropriation/projects/${id}#item-${seq}`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        const b = req.body as Record<string, string>;
        return itemPage(req, reply, { values: { publishedOn: b.publishedOn, link: b.link }, errors: problemsByField(err.fields) }, err.status);
      }
      throw err;
    }
  });

  app.post('/admin/expropriation/projects/:id/import', { schema: { hide: true } }, async (req, reply) => {
    const id = num(req, 'id');
    try {
      const part: MultipartFile | undefined = req.isMultipart() ? await req.file() : undefined;
      if (!part || part.filename === '') {
        throw fieldError('file', 'validation.required');
      }
      const content = await part.toBuffer();
      const rows = await readHouseholdFile(part.filename, content);
      const report = await tx(req, (trx) => hh.importHouseholds(trx, req.user, actor(req), id, rows));
      reply.header('cache-control', 'no-store');
      return projectPage(req, reply, id, emptyForm(), report, report.ok ? 200 : 400);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return projectPage(req, reply, id, { values: {}, errors: problemsByField(err.fields) }, undefined, err.status);
      }
      throw err;
    }
  });

  app.get('/admin/expropriation/projects/:id/households', { schema: { hide: true } }, async (req, reply) => {
    const id = num(req, 'id');
    const q = (req.query as Record<string, unknown>).number;
    const number = (typeof q === 'string' ? q : '').trim().slice(0, 30);
    const project = await service.getProject(db(), id);
    if (!canActInDepartment(req.user, project.departmentId)) {
      throw new AppError(req.user ? 'forbidden' : 'unauthenticated');
    }
    const h = await repo.householdByNumber(db(), id, number);
    if (!h) {
      throw new AppError('not_found');
    }
    return seeOther(reply, `/admin/expropriation/projects/${id}/households/${h.id}`);
  });

  const householdPage = async (req: FastifyRequest, reply: FastifyReply, form?: FormState, newCode?: string, status = 200) => {
    const r = await hh.staffHousehold(db(), req.user, num(req, 'id'), num(req, 'hid'));
    return sendPage(
      reply.header('cache-control', 'no-store'),
      <StaffHouseholdPage ctx={viewContext(req)} project={r.project} h={r.household} versions={r.versions} form={form ?? emptyForm(householdValues(r.household))} newCode={newCode} />,
      status,
    );
  };
  app.get('/admin/expropriation/projects/:id/households/:hid', { schema: { hide: true } }, (req, reply) => householdPage(req, reply));
  app.post('/admin/expropriation/projects/:id/households/:hid', { schema: { hide: true } }, async (req, reply) => {
    const id = num(req, 'id');
    const hid = num(req, 'hid');
    try {
      const input = parseInput(CorrectionSchema, (({ _csrf, ...rest }) => rest)(req.body as Record<string, unknown>));
      await tx(req, (trx) => hh.correctHousehold(trx, req.user, actor(req), id, hid, input));
      return seeOther(reply, `/admin/expropriation/projects/${id}/households/${hid}`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        const { _csrf, ...values } = req.body as Record<string, string>;
        return householdPage(req, reply, { values, errors: problemsByField(err.fields) }, undefined, err.status);
      }
      throw err;
    }
  });
  app.post('/admin/expropriation/projects/:id/households/:hid/code', { schema: { hide: true } }, async (req, reply) => {
    const code = await tx(req, (trx) => hh.reissueAccessCode(trx, req.user, actor(req), num(req, 'id'), num(req, 'hid')));
    return householdPage(req, reply, undefined, code);
  });

  app.get('/admin/expropriation/projects/:id/agency', { schema: { hide: true } }, async (req, reply) => {
    const r = await agency.agencyReport(db(), req.user, num(req, 'id'));
    return sendPage(reply, <AgencyPage ctx={viewContext(req)} report={r} />);
  });
}
