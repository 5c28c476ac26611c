import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { listDepartmentOptions } from '../departments/index.js';
import * as service from './open-days.service.js';
import * as survey from './open-days.survey.service.js';
import { AdoptNeedSchema, CampaignSchema, ModerateNeedSchema, PointSchema, SessionSchema } from './open-days.schema.js';
import { DEFAULT_PROCESS, DEFAULT_SECTIONS, formatSections, formatThemes, sectionsOf } from './open-days.template.js';
import * as repo from './open-days.repository.js';
import { AdminCampaignPage, AdminCampaignsPage, CampaignFormPage } from './open-days.admin-views.js';
import { EditPointPage, NewPointPage, pointFormValues, type SessionFormError } from './open-days.point-views.js';
import { AdminNeedsPage, type AdoptFormError } from './open-days.survey-views.js';
import { isoToChinaLocal } from '../../platform/clock.js';

const param = (req: FastifyRequest, name: string) => parseInput(idParam, (req.params as Record<string, string>)[name]);
const DONE = ['saved', 'published', 'closed', 'session_saved', 'session_added', 'session_deleted', 'moderated', 'adopted', 'unadopted'] as const;

function stringValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(withoutCsrf(body))) {
    if (typeof v === 'string') {
      out[k] = v;
    }
  }
  return out;
}

/** The staff pages of open days: campaigns (general office), points and sessions (organising units), the survey. */
export async function openDaysAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const notice = (req: FastifyRequest) => {
    const done = (req.query as Record<string, unknown>).done;
    return typeof done === 'string' && (DONE as readonly string[]).includes(done) ? viewContext(req).t(`openDays.done.${done}` as 'openDays.done.saved') : undefined;
  };
  const departments = async (req: FastifyRequest) => (await listDepartmentOptions(db(), req.locale)).filter((d) => req.user?.role === 'admin' || req.user?.departmentIds.includes(d.id));

  // ---------------- campaigns
  app.get('/admin/open-days', { schema: { hide: true } }, async (req, reply) => {
    const rows = await service.listCampaignsForStaff(db(), req.user);
    return sendPage(reply, <AdminCampaignsPage ctx={viewContext(req)} rows={rows} canCreate={req.user?.role === 'admin'} />);
  });

  app.get('/admin/open-days/new', { schema: { hide: true } }, async (req, reply) => {
    if (req.user?.role !== 'admin') {
      throw new AppError('forbidden');
    }
    const form = emptyForm({ templateSections: formatSections(DEFAULT_SECTIONS), process: DEFAULT_PROCESS.join('\n'), unifiedTime: '9:30—11:30', answerDays: '15' });
    return sendPage(reply, <CampaignFormPage ctx={viewContext(req)} form={form} />);
  });

  app.post('/admin/open-days/new', { schema: { hide: true } }, async (req, reply) =>
    handleForm(
      req,
      reply,
      CampaignSchema,
      (input, trx) => service.createCampaign(trx, actor(req), req.user, input),
      (id) => seeOther(reply, `/admin/open-days/${id}?done=saved`),
      (form) => <CampaignFormPage ctx={viewContext(req)} form={form} />,
    ),
  );

  app.get('/admin/open-days/:id', { schema: { hide: true } }, async (req, reply) => {
    const d = await service.getCampaignForStaff(db(), req.user, param(req, 'id'));
    const points = d.points.map((p) => ({ ...p, editable: service.canEditPoint(req.user, p.departmentId) }));
    return sendPage(reply, <AdminCampaignPage ctx={viewContext(req)} {...d} points={points} isAdmin={req.user?.role === 'admin'} canAdd={service.canAddPoints(req.user)} notice={notice(req)} />);
  });

  const campaignForm = async (req: FastifyRequest, reply: FastifyReply, id: number, form?: FormState, status = 200) => {
    if (req.user?.role !== 'admin') {
      throw new AppError('forbidden');
    }
    const c = await repo.campaignById(db(), id);
    if (!c) {
      throw new AppError('not_found');
    }
    const themes = await repo.campaignThemes(db(), id);
    const values = emptyForm({
      slug: c.slug,
      title: c.title,
      slogan: c.slogan,
      description: c.description,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      themes: formatThemes(themes),
      unifiedTime: c.unifiedTime,
      templateSections: formatSections(sectionsOf(c.templateSections)),
      process: c.process,
      surveyOpensOn: c.surveyOpensOn ?? '',
      surveyClosesOn: c.surveyClosesOn ?? '',
      registrationOpensAt: c.registrationOpensAt ? isoToChinaLocal(c.registrationOpensAt) : '',
      registrationClosesAt: c.registrationClosesAt ? isoToChinaLocal(c.registrationClosesAt) : '',
      answerDays: String(c.answerDays),
    });
    return sendPage(reply, <CampaignFormPage ctx={viewContext(req)} form={form ?? values} campaign={c} />, status);
  };

  app.get('/admin/open-days/:id/edit', { schema: { hide: true } }, async (req, reply) => campaignForm(req, reply, param(req, 'id')));

  app.post('/admin/open-days/:id/edit', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    try {
      const input = parseInput(CampaignSchema, withoutCsrf(req.body));
      await tx(req, (trx) => service.updateCampaign(trx, actor(req), req.user, id, input));
      return seeOther(reply, `/admin/open-days/${id}?done=saved`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return campaignForm(req, reply, id, { values: stringValues(req.body), errors: problemsByField(err.fields) }, err.status);
      }
      throw err;
    }
  });

  for (const [path, to] of [
    ['publish', 'published'],
    ['close', 'closed'],
  ] as const) {
    app.post(`/admin/open-days/:id/${path}`, { schema: { hide: true } }, async (req, reply) => {
      const id = param(req, 'id');
      await tx(req, (trx) => service.setCampaignStatus(trx, actor(req), req.user, id, to));
      return seeOther(reply, `/admin/open-days/${id}?done=${to}`);
    });
  }

  // ---------------- needs survey (planners)
  const needsPage = async (req: FastifyRequest, reply: FastifyReply, adoptError?: AdoptFormError, status = 200) => {
    const d = await survey.needsForStaff(db(), req.user, param(req, 'id'));
    return sendPage(reply, <AdminNeedsPage ctx={viewContext(req)} {...d} canModerate={req.user?.role === 'admin'} notice={notice(req)} adoptError={adoptError} />, status);
  };

  app.get('/admin/open-days/:id/needs', { schema: { hide: true } }, async (req, reply) => needsPage(req, reply));

  app.post('/admin/open-days/:id/needs/:needId/moderate', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    const needId = param(req, 'needId');
    const { status } = parseInput(ModerateNeedSchema, withoutCsrf(req.body));
    await tx(req, (trx) => survey.moderateNeed(trx, actor(req), req.user, id, needId, status));
    return seeOther(reply, `/admin/open-days/${id}/needs?done=moderated#need-${needId}`);
  });

  // Adoption (需求采纳): a published proposal became an open point; a bad choice is shown beside that need's field.
  app.post('/admin/open-days/:id/needs/:needId/adopt', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    const needId = param(req, 'needId');
    try {
      const { pointId } = parseInput(AdoptNeedSchema, withoutCsrf(req.body));
      await tx(req, (trx) => survey.adoptNeed(trx, actor(req), req.user, id, needId, pointId));
      return seeOther(reply, `/admin/open-days/${id}/needs?done=adopted#need-${needId}`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return needsPage(req, reply, { needId, errors: problemsByField(err.fields), values: stringValues(req.body) }, err.status);
      }
      throw err;
    }
  });

  app.post('/admin/open-days/:id/needs/:needId/unadopt', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    const needId = param(req, 'needId');
    await tx(req, (trx) => survey.withdrawAdoption(trx, actor(req), req.user, id, needId));
    return seeOther(reply, `/admin/open-days/${id}/needs?done=unadopted#need-${needId}`);
  });

  // ---------------- points
  const newPointPage = async (req: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    if (!service.canAddPoints(req.user)) {
      throw new AppError('forbidden');
    }
    const d = await service.getCampaignForStaff(db(), req.user, param(req, 'id'));
    const deps = await departments(req);
    const f = form ?? emptyForm({ status: 'draft', guestQuota: '0', departmentId: deps.length === 1 ? String(deps[0]!.id) : undefined });
    return sendPage(reply, <NewPointPage ctx={viewContext(req)} form={f} campaign={d.campaign} themes={d.themes} sections={d.sections} departments={deps} />, status);
  };

  app.get('/admin/open-days/:id/points/new', { schema: { hide: true } }, async (req, reply) => newPointPage(req, reply));

  app.post('/admin/open-days/:id/points/new', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    try {
      const input = parseInput(PointSchema, withoutCsrf(req.body));
      const r = await tx(req, (trx) => service.createPoint(trx, actor(req), req.user, id, input));
      return seeOther(reply, `/admin/open-days/points/${r.id}?done=saved`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return newPointPage(req, reply, { values: stringValues(req.body), errors: problemsByField(err.fields) }, err.status);
      }
      throw err;
    }
  });

  const editPointPage = async (req: FastifyRequest, reply: FastifyReply, opts: { form?: FormState; sessionError?: SessionFormError; status?: number } = {}) => {
    const d = await service.getPointForStaff(db(), req.user, param(req, 'pointId'));
    const form = opts.form ?? emptyForm(pointFormValues(d.point, d.texts));
    return sendPage(
      reply,
      <EditPointPage ctx={viewContext(req)} form={form} campaign={d.campaign} themes={d.themes} sections={d.sections} departments={await departments(req)} point={d.point} sessions={d.sessions} notice={notice(req)} sessionError={opts.sessionError} />,
      opts.status ?? 200,
    );
  };

  app.get('/admin/open-days/points/:pointId', { schema: { hide: true } }, async (req, reply) => editPointPage(req, reply));

  app.post('/admin/open-days/points/:pointId', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'pointId');
    try {
      const input = parseInput(PointSchema, withoutCsrf(req.body));
      await tx(req, (trx) => service.updatePoint(trx, actor(req), req.user, id, input));
      return seeOther(reply, `/admin/open-days/points/${id}?done=saved`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return editPointPage(req, reply, { form: { values: stringValues(req.body), errors: problemsByField(err.fields) }, status: err.status });
      }
      throw err;
    }
  });

  // ---------------- sessions: each form re-shows its own problems beside its own fields
  const sessionAction = async (req: FastifyRequest, reply: FastifyReply, sessionId: number | 'new') => {
    const pointId = param(req, 'pointId');
    try {
      const input = parseInput(SessionSchema, withoutCsrf(req.body));
      if (sessionId === 'new') {
        const sid = await tx(req, (trx) => service.addSession(trx, actor(req), req.user, pointId, input));
        return seeOther(reply, `/admin/open-days/points/${pointId}?done=session_added#session-${sid}`);
      }
      await tx(req, (trx) => service.updateSession(trx, actor(req), req.user, pointId, sessionId, input));
      return seeOther(reply, `/admin/open-days/points/${pointId}?done=session_saved#session-${sessionId}`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return editPointPage(req, reply, { sessionError: { sessionId, errors: problemsByField(err.fields), values: stringValues(req.body) }, status: err.status });
      }
      throw err;
    }
  };

  app.post('/admin/open-days/points/:pointId/sessions', { schema: { hide: true } }, async (req, reply) => sessionAction(req, reply, 'new'));
  app.post('/admin/open-days/points/:pointId/sessions/:sessionId', { schema: { hide: true } }, async (req, reply) => sessionAction(req, reply, param(req, 'sessionId')));
  app.post('/admin/open-days/points/:pointId/sessions/:sessionId/delete', { schema: { hide: true } }, async (req, reply) => {
    const pointId = param(req, 'pointId');
    await tx(req, (trx) => service.deleteSession(trx, actor(req), req.user, pointId, param(req, 'sessionId')));
    return seeOther(reply, `/admin/open-days/points/${pointId}?done=session_deleted#sessions`);
  });
}
