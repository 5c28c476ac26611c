import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, tx } from '../../http/route-helpers.js';
import { idParam } from '../../http/schema-helpers.js';
import { parseInput } from '../../http/validate.js';
import * as service from './service-halls.service.js';
import * as repo from './service-halls.repository.js';
import { hallView } from './service-halls.public.js';
import { presentHall, presentTerminal, presentWindow } from './service-halls.presenter.js';
import { HallSchema, TerminalSchema, WindowItemsSchema, WindowSchema } from './service-halls.schema.js';

// Staff writes over the JSON API (bearer token). Bodies are read with the same schemas as the forms
// (parseInput), so a bad field gets the same message; the OpenAPI entry lists the fields in words
// because the form schemas carry transforms that JSON Schema cannot express.
const Body = z.record(z.string(), z.unknown());
const HALL_FIELDS = 'code, level (district|street|community), name, parentId, street, address, lat, lng, phone, hoursMon…hoursSun ("09:00-12:00, 14:00-18:00"), lunchFrom, lunchTo, opensOnHolidays, extraService, transport, accessibility, services, active';

/** The staff JSON API of halls, windows, window items and terminals (admins and 政务服务数据管理局 staff). */
export async function serviceHallsApiRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const hallOut = async (id: number) => presentHall(hallView((await repo.hallById(db(), id))!, new Date()));

  api.post('/api/v1/services/halls', { schema: { tags: ['service-halls'], summary: `Add a hall. Fields: ${HALL_FIELDS}`, body: Body } }, async (req, reply) => {
    const input = parseInput(HallSchema, req.body);
    const id = await tx(req, (trx) => service.createHall(trx, actor(req), req.user, input));
    return reply.status(201).send(await hallOut(id));
  });

  api.put('/api/v1/services/halls/:id', { schema: { tags: ['service-halls'], summary: `Edit a hall (all fields). Fields: ${HALL_FIELDS}`, params: z.object({ id: idParam }), body: Body } }, async (req) => {
    const input = parseInput(HallSchema, req.body);
    await tx(req, (trx) => service.updateHall(trx, actor(req), req.user, req.params.id, input));
    return hallOut(req.params.id);
  });

  api.post(
    '/api/v1/services/halls/:id/windows',
    { schema: { tags: ['service-halls'], summary: 'Add a window: number, name, kind (comprehensive|delivery|specialised|enquiry), departmentId, notes, sortOrder', params: z.object({ id: idParam }), body: Body } },
    async (req, reply) => {
      const input = parseInput(WindowSchema, req.body);
      const wid = await tx(req, (trx) => service.createWindow(trx, actor(req), req.user, req.params.id, input));
      return reply.status(201).send(presentWindow((await repo.windowById(db(), wid))!, ''));
    },
  );

  api.put(
    '/api/v1/services/halls/:id/windows/:windowId/items',
    { schema: { tags: ['service-halls'], summary: 'Replace the items a window accepts: { itemIds: number[] }', params: z.object({ id: idParam, windowId: idParam }), body: Body } },
    async (req) => {
      const { itemIds } = parseInput(WindowItemsSchema, req.body);
      await tx(req, (trx) => service.setWindowItems(trx, actor(req), req.user, req.params.id, req.params.windowId, itemIds));
      return { windowId: req.params.windowId, itemIds: (await repo.itemsOfWindows(db(), [req.params.windowId])).map((r) => r.itemId) };
    },
  );

  api.post(
    '/api/v1/services/terminals',
    { schema: { tags: ['service-halls'], summary: 'Add a terminal: code, name, placeKind, hallId, street, address, lat, lng, hours, customItems, itemIds, active', body: Body } },
    async (req, reply) => {
      const input = parseInput(TerminalSchema, req.body);
      const id = await tx(req, (trx) => service.createTerminal(trx, actor(req), req.user, input));
      const x = await repo.terminalById(db(), id);
      if (!x) {
        throw new AppError('not_found');
      }
      return reply.status(201).send(presentTerminal(x));
    },
  );
}
