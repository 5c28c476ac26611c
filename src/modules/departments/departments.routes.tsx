import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput } from '../../http/validate.js';
import { idParam } from '../../http/schema-helpers.js';
import { emptyForm } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { isAdmin, requireRole } from '../accounts/index.js';
import { presentDepartment } from './departments.presenter.js';
import * as repo from './departments.repository.js';
import { DepartmentSchema } from './departments.schema.js';
import * as service from './departments.service.js';
import { AdminDepartmentsPage, DepartmentFormPage, DepartmentPage, DirectoryPage } from './departments.views.js';
import { AppError } from '../../http/errors.js';

const DepartmentOut = z.object({
  id: z.number(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.string(),
  functions: z.string(),
  address: z.string(),
  officeHours: z.string(),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
  headName: z.string(),
  headTitle: z.string(),
  updatedAt: z.string(),
});

function toForm(d: repo.DepartmentRow) {
  return emptyForm({
    code: d.code,
    nameZh: d.nameZh,
    nameEn: d.nameEn,
    kind: d.kind,
    functions: d.functions,
    address: d.address,
    officeHours: d.officeHours,
    phone: d.phone,
    email: d.email,
    website: d.website,
    headName: d.headName,
    headTitle: d.headTitle,
    sortOrder: String(d.sortOrder),
  });
}

/** The public department directory, its admin pages and its API. */
export async function departmentsRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  app.get('/departments', { schema: { hide: true } }, async (req, reply) => {
    const rows = await service.listDepartments(db());
    return sendPage(reply, <DirectoryPage ctx={viewContext(req)} departments={rows.map(presentDepartment)} />);
  });

  app.get('/departments/:code', { schema: { hide: true } }, async (req, reply) => {
    const d = await service.getDepartment(db(), String((req.params as { code: string }).code));
    return sendPage(reply, <DepartmentPage ctx={viewContext(req)} d={presentDepartment(d)} canEdit={isAdmin(req.user)} />);
  });

  app.get('/admin/departments', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    const rows = await service.listDepartments(db());
    return sendPage(reply, <AdminDepartmentsPage ctx={viewContext(req)} departments={rows.map(presentDepartment)} />);
  });

  app.get('/admin/departments/new', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    return sendPage(reply, <DepartmentFormPage ctx={viewContext(req)} form={emptyForm({ kind: 'department', sortOrder: '100' })} />);
  });

  app.post('/admin/departments/new', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin'); // before validation, so that only an admin ever sees this form again
    return handleForm(
      req,
      reply,
      DepartmentSchema,
      (input, trx) => service.createDepartment(trx, actor(req), req.user, input),
      (id) => seeOther(reply, `/admin/departments/${id}?done=1`),
      (form) => <DepartmentFormPage ctx={viewContext(req)} form={form} />,
    );
  });

  app.get('/admin/departments/:id', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    const id = parseInput(idParam, (req.params as { id: string }).id);
    const d = await repo.findById(db(), id);
    if (!d) {
      throw new AppError('not_found');
    }
    const ctx = viewContext(req);
    const notice = (req.query as Record<string, unknown>).done ? ctx.t('form.saved') : undefined;
    return sendPage(reply, <DepartmentFormPage ctx={ctx} form={toForm(d)} id={id} notice={notice} />);
  });

  app.post('/admin/departments/:id', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'admin');
    const id = parseInput(idParam, (req.params as { id: string }).id);
    return handleForm(
      req,
      reply,
      DepartmentSchema,
      (input, trx) => service.updateDepartment(trx, actor(req), req.user, id, input),
      () => seeOther(reply, `/admin/departments/${id}?done=1`),
      (form) => <DepartmentFormPage ctx={viewContext(req)} form={form} id={id} />,
    );
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/v1/departments', { schema: { tags: ['departments'], summary: 'The department directory', response: { 200: z.object({ items: z.array(DepartmentOut) }) } } }, async () => ({
    items: (await service.listDepartments(db())).map(presentDepartment),
  }));
  api.get(
    '/api/v1/departments/:code',
    { schema: { tags: ['departments'], summary: 'One department', params: z.object({ code: z.string().max(40) }), response: { 200: DepartmentOut } } },
    async (req) => presentDepartment(await service.getDepartment(db(), req.params.code)),
  );
  api.post('/api/v1/departments', { schema: { tags: ['departments'], summary: 'Add a department (admin)', body: DepartmentSchema, response: { 201: DepartmentOut } } }, async (req, reply) => {
    const id = await tx(req, (trx) => service.createDepartment(trx, actor(req), req.user, req.body));
    const d = await repo.findById(db(), id);
    return reply.status(201).send(presentDepartment(d!));
  });
  api.put(
    '/api/v1/departments/:id',
    { schema: { tags: ['departments'], summary: 'Edit a department (admin)', params: z.object({ id: idParam }), body: DepartmentSchema, response: { 200: DepartmentOut } } },
    async (req) => {
      await tx(req, (trx) => service.updateDepartment(trx, actor(req), req.user, req.params.id, req.body));
      return presentDepartment((await repo.findById(db(), req.params.id))!);
    },
  );
}
