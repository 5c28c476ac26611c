import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { listDepartmentOptions } from '../departments/index.js';
import * as service from './service-halls.service.js';
import * as repo from './service-halls.repository.js';
import { requireHallManager } from './service-halls.policy.js';
import { AssignDepartmentSchema, HallSchema, TerminalSchema, WindowItemsSchema, WindowSchema } from './service-halls.schema.js';
import { AdminHallsPage, AdminTerminalsPage, EditHallPage, NewHallPage, NewWindowPage, TerminalFormPage, WindowPage } from './service-halls.admin-views.js';
import { hallFormValues, terminalFormValues, windowFormValues } from './service-halls.forms.js';

const param = (req: FastifyRequest, name: string) => parseInput(idParam, (req.params as Record<string, string>)[name]);
const DONE = ['saved', 'deleted', 'window_added', 'window_saved', 'window_deleted', 'items_saved', 'assigned'] as const;

function stringValues(body: unknown): FormState['values'] {
  const out: FormState['values'] = {};
  for (const [k, v] of Object.entries(withoutCsrf(body))) {
    if (typeof v === 'string' || Array.isArray(v)) {
      out[k] = v as string | string[];
    }
  }
  return out;
}

/** The staff pages: halls, windows and the items they accept, terminals. Admins and 政务服务数据管理局 staff. */
export async function serviceHallsAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const notice = (req: FastifyRequest) => {
    const done = (req.query as Record<string, unknown>).done;
    const n = (req.query as Record<string, unknown>).n;
    return typeof done === 'string' && (DONE as readonly string[]).includes(done) ? viewContext(req).t(`serviceHalls.done.${done}` as 'serviceHalls.done.saved', { count: Number(n ?? 0) }) : undefined;
  };
  const departments = async (req: FastifyRequest) => (await listDepartmentOptions(db(), req.locale)).map((d) => ({ value: String(d.id), label: d.name }));
  const hallOptions = async (exclude?: number) => (await repo.listHalls(db())).filter((h) => h.level !== 'community' && h.id !== exclude).map((h) => ({ value: String(h.id), label: h.name }));

  // ---------------- halls
  app.get('/admin/services/halls', { schema: { hide: true } }, async (req, reply) => {
    await requireHallManager(db(), req.user);
    return sendPage(reply, <AdminHallsPage ctx={viewContext(req)} halls={await repo.listHalls(db())} counts={await repo.windowCounts(db())} notice={notice(req)} />);
  });

  app.get('/admin/services/halls/new', { schema: { hide: true } }, async (req, reply) => {
    await requireHallManager(db(), req.user);
    const form = emptyForm({ level: 'community', active: '1', hoursMon: '09:00-12:00, 14:00-18:00', hoursTue: '09:00-12:00, 14:00-18:00', hoursWed: '09:00-12:00, 14:00-18:00', hoursThu: '09:00-12:00, 14:00-18:00', hoursFri: '09:00-12:00, 14:00-18:00' });
    return sendPage(reply, <NewHallPage ctx={viewContext(req)} form={form} parents={await hallOptions()} />);
  });

  app.post('/admin/services/halls/new', { schema: { hide: true } }, async (req, reply) => {
    await requireHallManager(db(), req.user);
    const parents = await hallOptions();
    return handleForm(
      req,
      reply,
      HallSchema,
      (input, trx) => service.createHall(trx, actor(req), req.user, input),
      (id) => seeOther(reply, `/admin/services/halls/${id}?done=saved`),
      (form) => <NewHallPage ctx={viewContext(req)} form={form} parents={parents} />,
    );
  });

  const hallPage = async (req: FastifyRequest, reply: FastifyReply, opts: { form?: FormState; status?: number } = {}) => {
    await requireHallManager(db(), req.user);
    const id = param(req, 'id');
    const hall = await repo.hallById(db(), id);
    if (!hall) {
      throw new AppError('not_found');
    }
    const windows = await repo.windowsOfHall(db(), id);
    const pairs = await repo.itemsOfWindows(db(), windows.map((w) => w.id));
    return sendPage(
      reply,
      <EditHallPage
        ctx={viewContext(req)}
        hall={hall}
        form={opts.form ?? emptyForm(hallFormValues(hall))}
        parents={await hallOptions(id)}
        windows={windows.map((w) => ({ window: w, items: pairs.filter((p) => p.windowId === w.id).length }))}
        notice={notice(req)}
      />,
      opts.status ?? 200,
    );
  };

  /** Runs a write; on field problems shows the page again with them beside their fields. */
  const formAction = async (req: FastifyRequest, reply: FastifyReply, run: () => Promise<string>, again: (form: FormState, status: number) => Promise<FastifyReply>) => {
    try {
      return seeOther(reply, await run());
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return again({ values: stringValues(req.body), errors: problemsByField(err.fields) }, err.status);
      }
      throw err;
    }
  };

  app.get('/admin/services/halls/:id', { schema: { hide: true } }, async (req, reply) => hallPage(req, reply));

  app.post('/admin/services/halls/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    return formAction(
      req,
      reply,
      async () => {
        const input = parseInput(HallSchema, withoutCsrf(req.body));
        await tx(req, (trx) => service.updateHall(trx, actor(req), req.user, id, input));
        return `/admin/services/halls/${id}?done=saved`;
      },
      (form, status) => hallPage(req, reply, { form, status }),
    );
  });

  app.post('/admin/services/halls/:id/delete', { schema: { hide: true } }, async (req, reply) => {
    await tx(req, (trx) => service.deleteHall(trx, actor(req), req.user, param(req, 'id')));
    return seeOther(reply, '/admin/services/halls?done=deleted');
  });

  // ---------------- windows
  const newWindowPage = async (req: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    await requireHallManager(db(), req.user);
    const hall = await repo.hallById(db(), param(req, 'id'));
    if (!hall) {
      throw new AppError('not_found');
    }
    const next = (await repo.windowsOfHall(db(), hall.id)).length + 1;
    return sendPage(reply, <NewWindowPage ctx={viewContext(req)} hall={hall} form={form ?? emptyForm({ kind: 'comprehensive', sortOrder: String(next), number: String(next) })} departments={await departments(req)} />, status);
  };

  app.get('/admin/services/halls/:id/windows/new', { schema: { hide: true } }, async (req, reply) => newWindowPage(req, reply));

  app.post('/admin/services/halls/:id/windows', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    return formAction(
      req,
      reply,
      async () => {
        const input = parseInput(WindowSchema, withoutCsrf(req.body));
        const wid = await tx(req, (trx) => service.createWindow(trx, actor(req), req.user, id, input));
        return `/admin/services/halls/${id}/windows/${wid}?done=window_added`;
      },
      (form, status) => newWindowPage(req, reply, form, status),
    );
  });

  const windowPage = async (req: FastifyRequest, reply: FastifyReply, opts: { form?: FormState; itemsError?: string; status?: number } = {}) => {
    await requireHallManager(db(), req.user);
    const hall = await repo.hallById(db(), param(req, 'id'));
    const w = await repo.windowById(db(), param(req, 'windowId'));
    if (!hall || !w || w.hallId !== hall.id) {
      throw new AppError('not_found');
    }
    const q = req.query as Record<string, unknown>;
    const pick = typeof q.department === 'string' && /^\d+$/.test(q.department) ? Number(q.department) : undefined;
    const assignedIds = new Set((await repo.itemsOfWindows(db(), [w.id])).map((p) => p.itemId));
    const all = await repo.pickerItems(db());
    return sendPage(
      reply,
      <WindowPage
        ctx={viewContext(req)}
        hall={hall}
        window={w}
        form={opts.form ?? emptyForm(windowFormValues(w))}
        departments={await departments(req)}
        assigned={all.filter((i) => assignedIds.has(i.id))}
        candidates={pick ? all.filter((i) => i.departmentId === pick) : []}
        pickDepartment={pick}
        itemsError={opts.itemsError}
        notice={notice(req)}
      />,
      opts.status ?? 200,
    );
  };

  app.get('/admin/services/halls/:id/windows/:windowId', { schema: { hide: true } }, async (req, reply) => windowPage(req, reply));

  app.post('/admin/services/halls/:id/windows/:windowId', { schema: { hide: true } }, async (req, reply) => {
    const [id, wid] = [param(req, 'id'), param(req, 'windowId')];
    return formAction(
      req,
      reply,
      async () => {
        const input = parseInput(WindowSchema, withoutCsrf(req.body));
        await tx(req, (trx) => service.updateWindow(trx, actor(req), req.user, id, wid, input));
        return `/admin/services/halls/${id}/windows/${wid}?done=window_saved`;
      },
      (form, status) => windowPage(req, reply, { form, status }),
    );
  });

  app.post('/admin/services/halls/:id/windows/:windowId/items', { schema: { hide: true } }, async (req, reply) => {
    const [id, wid] = [param(req, 'id'), param(req, 'windowId')];
    return formAction(
      req,
      reply,
      async () => {
        const { itemIds } = parseInput(WindowItemsSchema, withoutCsrf(req.body));
        await tx(req, (trx) => service.setWindowItems(trx, actor(req), req.user, id, wid, itemIds));
        return `/admin/services/halls/${id}/windows/${wid}?done=items_saved`;
      },
      (form, status) => windowPage(req, reply, { itemsError: Object.values(form.errors).map((e) => viewContext(req).t(e.key, e.params)).join('；'), status }),
    );
  });

  app.post('/admin/services/halls/:id/windows/:windowId/assign', { schema: { hide: true } }, async (req, reply) => {
    const [id, wid] = [param(req, 'id'), param(req, 'windowId')];
    return formAction(
      req,
      reply,
      async () => {
        const { departmentId } = parseInput(AssignDepartmentSchema, withoutCsrf(req.body));
        const n = await tx(req, (trx) => service.assignDepartmentItems(trx, actor(req), req.user, id, wid, departmentId));
        return `/admin/services/halls/${id}/windows/${wid}?done=assigned&n=${n}`;
      },
      (form, status) => windowPage(req, reply, { itemsError: Object.values(form.errors).map((e) => viewContext(req).t(e.key, e.params)).join('；'), status }),
    );
  });

  app.post('/admin/services/halls/:id/windows/:windowId/delete', { schema: { hide: true } }, async (req, reply) => {
    const id = param(req, 'id');
    await tx(req, (trx) => service.deleteWindow(trx, actor(req), req.user, id, param(req, 'windowId')));
    return seeOther(reply, `/admin/services/halls/${id}?done=window_deleted`);
  });

  // ---------------- terminals
  app.get('/admin/services/terminals', { schema: { hide: true } }, async (req, reply) => {
    await requireHallManager(db(), req.user);
    return sendPage(reply, <AdminTerminalsPage ctx={viewContext(req)} terminals={await repo.listTerminals(db())} notice={notice(req)} />);
  });

  const terminalForm = async (req: FastifyRequest, reply: FastifyReply, terminal: repo.TerminalRow | undefined, form: FormState, status = 200) => {
    const halls = (await repo.listHalls(db())).map((h) => ({ value: String(h.id), label: h.name }));
    return sendPage(reply, <TerminalFormPage ctx={viewContext(req)} form={form} terminal={terminal} halls={halls} items={await repo.pickerItems(db())} />, status);
  };

  app.get('/admin/services/terminals/new', { schema: { hide: true } }, async (req, reply) => {
    await requireHallManager(db(), req.user);
    return terminalForm(req, reply, undefined, emptyForm({ placeKind: 'bank', hours: '00:00-24:00', active: '1' }));
  });

  app.post('/admin/services/terminals/new', { schema: { hide: true } }, async (req, reply) => {
    await requireHallManager(db(), req.user);
    return formAction(
      req,
      reply,
      async () => {
        const input = parseInput(TerminalSchema, withoutCsrf(req.body));
        await tx(req, (trx) => service.createTerminal(trx, actor(req), req.user, input));
        return '/admin/services/terminals?done=saved';
      },
      (form, status) => terminalForm(req, reply, undefined, form, status),
    );
  });

  const loadTerminal = async (req: FastifyRequest) => {
    await requireHallManager(db(), req.user);
    const x = await repo.terminalById(db(), param(req, 'id'));
    if (!x) {
      throw new AppError('not_found');
    }
    return x;
  };

  app.get('/admin/services/terminals/:id', { schema: { hide: true } }, async (req, reply) => {
    const x = await loadTerminal(req);
    return terminalForm(req, reply, x, emptyForm(terminalFormValues(x, await repo.terminalItemIds(db(), x.id))));
  });

  app.post('/admin/services/terminals/:id', { schema: { hide: true } }, async (req, reply) => {
    const x = await loadTerminal(req);
    return formAction(
      req,
      reply,
      async () => {
        const input = parseInput(TerminalSchema, withoutCsrf(req.body));
        await tx(req, (trx) => service.updateTerminal(trx, actor(req), req.user, x.id, input));
        return '/admin/services/terminals?done=saved';
      },
      (form, status) => terminalForm(req, reply, x, form, status),
    );
  });

  app.post('/admin/services/terminals/:id/delete', { schema: { hide: true } }, async (req, reply) => {
    await tx(req, (trx) => service.deleteTerminal(trx, actor(req), req.user, param(req, 'id')));
    return seeOther(reply, '/admin/services/terminals?done=deleted');
  });
}
