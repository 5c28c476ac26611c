import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../http/schema-helpers.js';
import { parseInput } from '../../http/validate.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import * as pub from './service-halls.public.js';
import { HallListQuery } from './service-halls.schema.js';
import { presentHall, presentTerminal, presentWindow } from './service-halls.presenter.js';
import { HallPage, HallsPage, TerminalsPage, WherePage } from './service-halls.views.js';

const StreetQuery = z.object({ street: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(20).optional()) });
const CodeParam = z.object({ code: z.string().max(60) });

/** The public hall pages, "where can I do this?" and their JSON API. */
export async function serviceHallsRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  app.get('/services/halls', { schema: { hide: true } }, async (req, reply) => {
    const filter = parseInput(HallListQuery, req.query);
    return sendPage(reply, <HallsPage ctx={viewContext(req)} data={await pub.hallDirectory(db(), filter)} filter={filter} />);
  });

  app.get('/services/halls/:id', { schema: { hide: true } }, async (req, reply) => {
    const id = parseInput(idParam, (req.params as Record<string, string>).id);
    return sendPage(reply, <HallPage ctx={viewContext(req)} data={await pub.hallPage(db(), id, req.locale)} />);
  });

  app.get('/services/terminals', { schema: { hide: true } }, async (req, reply) => {
    const { street } = parseInput(StreetQuery, req.query);
    return sendPage(reply, <TerminalsPage ctx={viewContext(req)} data={await pub.terminalDirectory(db(), street)} street={street} />);
  });

  app.get('/services/items/:code/where', { schema: { hide: true } }, async (req, reply) => {
    const { code } = parseInput(CodeParam, req.params);
    return sendPage(reply, <WherePage ctx={viewContext(req)} data={await pub.whereCanIDo(db(), code, req.locale)} />);
  });

  // ---------------- JSON API
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/v1/services/halls', { schema: { tags: ['service-halls'], summary: 'Service halls by level and street, with hours and whether each is open now', querystring: HallListQuery } }, async (req) => {
    const d = await pub.hallDirectory(db(), req.query);
    return { total: d.total, halls: d.groups.flatMap((g) => g.halls.map((h) => ({ ...presentHall(h), windows: h.windows }))) };
  });

  api.get('/api/v1/services/halls/:id', { schema: { tags: ['service-halls'], summary: 'A hall with its windows, the items each accepts, and its terminals', params: z.object({ id: idParam }) } }, async (req) => {
    const d = await pub.hallPage(db(), req.params.id, req.locale);
    return {
      ...presentHall(d),
      windows: d.windows.map((w) => presentWindow(w.window, w.department, w.items)),
      terminals: d.terminals.map((t) => presentTerminal(t, d.hall)),
      childHallIds: d.children.map((c) => c.id),
    };
  });

  api.get('/api/v1/services/terminals', { schema: { tags: ['service-halls'], summary: '24-hour self-service terminals', querystring: StreetQuery } }, async (req) => {
    const d = await pub.terminalDirectory(db(), req.query.street);
    return { total: d.terminals.length, terminals: d.terminals.map((x) => presentTerminal(x.terminal, x.hall)) };
  });

  api.get('/api/v1/services/items/:code/where', { schema: { tags: ['service-halls'], summary: 'Where an item can be done: halls and windows by level, terminals, or online only', params: CodeParam } }, async (req) => {
    const d = await pub.whereCanIDo(db(), req.params.code, req.locale);
    return {
      item: { id: d.item.id, code: d.item.code, name: d.item.name },
      onlineOnly: d.online,
      applyUrl: d.online ? `/services/items/${encodeURIComponent(d.item.code)}/apply` : null,
      levels: d.levels.map((g) => ({ level: g.level, halls: g.halls.map((h) => ({ ...presentHall(h), windows: h.windows.map((w) => presentWindow(w.window, w.department)) })) })),
      terminals: d.terminals.map((x) => presentTerminal(x.terminal, x.hall)),
    };
  });
}
