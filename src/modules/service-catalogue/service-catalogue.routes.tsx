import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { idParam } from '../../http/schema-helpers.js';
import { toCsv } from '../../platform/csv.js';
import { fileWithContent } from '../../platform/files/index.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import * as pub from './service-catalogue.public.js';
import { isPublishedItemFile } from './service-catalogue.repository.js';
import { BrowseQuery } from './service-catalogue.schema.js';
import { BrowsePage } from './service-catalogue.views.js';
import { ItemPage } from './service-catalogue.item-views.js';
import { StatisticsPage } from './service-catalogue.stats-views.js';
import { statCsvRows, statTables } from './service-catalogue.stats.js';
import { ListItemOut, presentItem, presentListItem } from './service-catalogue.presenter.js';

const codeOf = (req: FastifyRequest) => String((req.params as Record<string, string>).code ?? '').slice(0, 60);

/** The public catalogue: browse and search, item pages, statistics, sample files and the read API. */
export async function serviceCatalogueRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  app.get('/services', { schema: { hide: true } }, async (req, reply) => {
    const filter = parseInput(BrowseQuery, req.query);
    return sendPage(reply, <BrowsePage ctx={viewContext(req)} filter={filter} data={await pub.browse(db(), filter)} />);
  });

  app.get('/services/items/:code', { schema: { hide: true } }, async (req, reply) => sendPage(reply, <ItemPage ctx={viewContext(req)} data={await pub.publicItem(db(), codeOf(req))} />));

  app.get('/services/statistics', { schema: { hide: true } }, async (req, reply) => {
    const ctx = viewContext(req);
    const stats = await pub.statistics(db());
    return sendPage(reply, <StatisticsPage ctx={ctx} stats={stats} tables={statTables(ctx.t, ctx.locale, stats)} />);
  });

  app.get('/services/statistics.csv', { schema: { hide: true } }, async (req, reply) => {
    const ctx = viewContext(req);
    const rows = statCsvRows(statTables(ctx.t, ctx.locale, await pub.statistics(db())));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="service-catalogue-statistics.csv"').send(toCsv(rows));
  });

  // Samples and blank forms of published items only; the name in the path is for the download.
  app.get('/services/files/:id/:name', { schema: { hide: true } }, async (req, reply) => {
    const id = parseInput(idParam, (req.params as Record<string, string>).id);
    const f = (await isPublishedItemFile(db(), id)) ? await fileWithContent(db(), id) : undefined;
    if (!f) {
      throw new AppError('not_found');
    }
    const inline = f.mimeType === 'application/pdf' || f.mimeType.startsWith('image/');
    return reply
      .header('content-type', f.mimeType)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('etag', `"${f.sha256}"`)
      .send(Buffer.from(f.content));
  });

  // ---------------- JSON API (read)
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/services/items',
    {
      schema: {
        tags: ['services'],
        summary: 'Published service items: filters and full-text search as on /services',
        querystring: BrowseQuery,
        response: { 200: z.object({ items: z.array(ListItemOut), total: z.number(), page: z.number(), pageCount: z.number() }) },
      },
    },
    async (req) => {
      const r = await pub.browse(db(), req.query);
      return { items: r.items.map(presentListItem), total: r.total, page: r.page, pageCount: r.pageCount };
    },
  );
  api.get('/api/v1/services/items/:code', { schema: { tags: ['services'], summary: 'A published service item with its whole guide', params: z.object({ code: z.string().max(60) }) } }, async (req) => presentItem(await pub.publicItem(db(), req.params.code)));
  api.get('/api/v1/services/statistics', { schema: { tags: ['services'], summary: 'Counts of published items by department, flag, type and online depth' } }, async () => pub.statistics(db()));
}
