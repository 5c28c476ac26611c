import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { idParam } from '../../http/schema-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { todayInChina } from '../../platform/clock.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { AgencyCasePage, AgencyCasesPage, STEP_FORMS, type StepForm } from './expropriation.agency-case-views.js';
import * as agencyService from './expropriation.agency.service.js';
import { ItemSchema, ProjectEditSchema } from './expropriation.edit-schema.js';
import { ItemEditPage, ProjectEditPage } from './expropriation.edit-views.js';
import * as edit from './expropriation.edit.service.js';
import { requireProjectStaff } from './expropriation.policy.js';
import type { ItemRow, ProjectRow } from './expropriation.repository.js';
import { AgencyCaseSchema, AgencyStepSchema } from './expropriation.schema.js';
import * as service from './expropriation.service.js';

// Staff HTML forms: a project's own fields, its directory rows (edit, add, remove unpublished) and
// agency-service cases (open, then one form per step). Services authorise and audit every write.

const num = (req: FastifyRequest, key: string) => parseInput(idParam, (req.params as Record<string, string>)[key]);
const s = (v: string | number | null) => (v === null ? '' : String(v));

/** The edit form's values from a project. */
function projectValues(p: ProjectRow): FormState['values'] {
  return {
    name: p.name, decisionNumber: p.decisionNumber, summary: p.summary, centreLat: s(p.centreLat), centreLng: s(p.centreLng), radiusM: s(p.radiusM),
    valuerDays: String(p.valuerDays), commentOpensOn: s(p.commentOpensOn), commentClosesOn: s(p.commentClosesOn),
  };
}

/** The edit form's values from a directory row. */
function itemValues(it: ItemRow): FormState['values'] {
  return {
    phase: it.phase, level1: it.level1, level2: it.level2, content: it.content, basis: it.basis, timeLimit: it.timeLimit, responsible: it.responsible,
    audience: it.audience, mode: it.mode, level: it.level, triggerEvent: it.triggerEvent, ...edit.channelLists(it.channels),
  };
}

/** Staff edit and agency-case pages of /admin/expropriation. */
export async function expropriationEditRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const staffProject = async (req: FastifyRequest) => {
    const p = await service.getProject(db(), num(req, 'id'));
    requireProjectStaff(req.user, p);
    return p;
  };
  const projectUrl = (id: number) => `/admin/expropriation/projects/${id}`;

  app.get('/admin/expropriation/projects/:id/edit', { schema: { hide: true } }, async (req, reply) => {
    const p = await staffProject(req);
    return sendPage(reply, <ProjectEditPage ctx={viewContext(req)} project={p} form={emptyForm(projectValues(p))} />);
  });
  app.post('/admin/expropriation/projects/:id/edit', { schema: { hide: true } }, async (req, reply) => {
    const p = await staffProject(req);
    return handleForm(req, reply, ProjectEditSchema, (input, trx) => edit.editProject(trx, req.user, actor(req), p.id, input), () => seeOther(reply, projectUrl(p.id)), (form) => <ProjectEditPage ctx={viewContext(req)} project={p} form={form} />);
  });

  app.get('/admin/expropriation/projects/:id/items/new', { schema: { hide: true } }, async (req, reply) => {
    const p = await staffProject(req);
    const first = (await service.directoryStatus(db(), p.id)).rows[0];
    const values = { phase: 'during', audience: 'public', mode: 'proactive', level: 'county', triggerEvent: 'decision', responsible: first?.responsible ?? '', timeLimit: '信息形成或变更之日起20个工作日内', channelsRequired: ['website', 'board_screen'] };
    return sendPage(reply, <ItemEditPage ctx={viewContext(req)} project={p} form={emptyForm(values)} />);
  });
  app.post('/admin/expropriation/projects/:id/items', { schema: { hide: true } }, async (req, reply) => {
    const p = await staffProject(req);
    return handleForm(req, reply, ItemSchema, (input, trx) => edit.addItem(trx, req.user, actor(req), p.id, input), (seq) => seeOther(reply, `${projectUrl(p.id)}#item-${seq}`), (form) => <ItemEditPage ctx={viewContext(req)} project={p} form={form} />);
  });

  app.get('/admin/expropriation/projects/:id/items/:seq/edit', { schema: { hide: true } }, async (req, reply) => {
    const p = await staffProject(req);
    const item = await edit.itemForEdit(db(), req.user, p.id, num(req, 'seq'));
    return sendPage(reply, <ItemEditPage ctx={viewContext(req)} project={p} item={item} form={emptyForm(itemValues(item))} />);
  });
  app.post('/admin/expropriation/projects/:id/items/:seq/edit', { schema: { hide: true } }, async (req, reply) => {
    const p = await staffProject(req);
    const item = await edit.itemForEdit(db(), req.user, p.id, num(req, 'seq'));
    return handleForm(req, reply, ItemSchema, (input, trx) => edit.editItem(trx, req.user, actor(req), p.id, item.seq, input), () => seeOther(reply, `${projectUrl(p.id)}#item-${item.seq}`), (form) => <ItemEditPage ctx={viewContext(req)} project={p} item={item} form={form} />);
  });
  app.post('/admin/expropriation/projects/:id/items/:seq/delete', { schema: { hide: true } }, async (req, reply) => {
    const id = num(req, 'id');
    await tx(req, (trx) => edit.removeItem(trx, req.user, actor(req), id, num(req, 'seq')));
    return seeOther(reply, `${projectUrl(id)}#directory`);
  });

  const casesUrl = (id: number) => `${projectUrl(id)}/agency-cases`;
  const casesPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) =>
    sendPage(reply, <AgencyCasesPage ctx={viewContext(req)} data={await agencyService.agencyCases(db(), req.user, num(req, 'id'))} form={form} />, status);
  app.get('/admin/expropriation/projects/:id/agency-cases', { schema: { hide: true } }, (req, reply) =>
    casesPage(req, reply, emptyForm({ submittedOn: todayInChina(), documents: ['property_record', 'household_register'] })),
  );
  app.post('/admin/expropriation/projects/:id/agency-cases', { schema: { hide: true } }, async (req, reply) => {
    const id = num(req, 'id');
    await staffProject(req);
    const data = await agencyService.agencyCases(db(), req.user, id);
    return handleForm(req, reply, AgencyCaseSchema, (input, trx) => agencyService.openAgencyCase(trx, req.user, actor(req), id, input), (caseId) => seeOther(reply, `${casesUrl(id)}/${caseId}`), (form) => <AgencyCasesPage ctx={viewContext(req)} data={data} form={form} />);
  });

  const casePage = async (req: FastifyRequest, reply: FastifyReply, form: FormState, status = 200) => {
    const p = await staffProject(req);
    const c = await agencyService.agencyCase(db(), req.user, p.id, num(req, 'caseId'));
    return sendPage(reply, <AgencyCasePage ctx={viewContext(req)} project={p} c={c} form={form} />, status);
  };
  // First showing: each step dated today and the first document still awaited chosen.
  app.get('/admin/expropriation/projects/:id/agency-cases/:caseId', { schema: { hide: true } }, async (req, reply) => {
    const c = await agencyService.agencyCase(db(), req.user, num(req, 'id'), num(req, 'caseId'));
    const today = todayInChina();
    const waiting = c.documents.find((d) => d.receivedOn === null);
    return casePage(req, reply, emptyForm({ ...Object.fromEntries(STEP_FORMS.map((st) => [`${st}_on`, today])), document_documentId: waiting ? String(waiting.id) : '' }));
  });
  app.post('/admin/expropriation/projects/:id/agency-cases/:caseId/steps/:step', { schema: { hide: true } }, async (req, reply) => {
    const step = (req.params as Record<string, string>).step as StepForm;
    if (!STEP_FORMS.includes(step)) {
      throw new AppError('not_found');
    }
    const id = num(req, 'id');
    const caseId = num(req, 'caseId');
    // The step's fields arrive prefixed with its name (ids stay unique on the page); errors go back the same way.
    const prefix = `${step}_`;
    const body = req.body as Record<string, string>;
    const fields = Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
    try {
      const input = parseInput(AgencyStepSchema, { ...fields, step });
      await tx(req, (trx) => agencyService.recordAgencyStep(trx, req.user, actor(req), id, caseId, input));
      return seeOther(reply, `${casesUrl(id)}/${caseId}`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        const errors = problemsByField(err.fields.map((p) => ({ ...p, field: `${prefix}${p.field === 'step' ? 'on' : p.field}` })));
        const { _csrf, ...values } = body;
        return casePage(req, reply, { values, errors }, err.status);
      }
      throw err;
    }
  });
}
