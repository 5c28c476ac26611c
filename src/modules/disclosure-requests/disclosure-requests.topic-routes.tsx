import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actor, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput } from '../../http/validate.js';
import { idList, idParam, requiredText, withoutCsrf } from '../../http/schema-helpers.js';
import { fieldError } from '../../http/errors.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { listDepartmentOptions } from '../departments/index.js';
import { columnTree, flattenTree } from '../portal/index.js';
import { notifyIfPublished, publishTopic, topicOverview } from './disclosure-requests.topics.js';
import { TopicsPage } from './disclosure-requests.topic-views.js';

const PublishSchema = z.strictObject({ departmentId: idParam, requestIds: idList, title: requiredText(300), body: requiredText(100_000), columnId: idParam });

/** Frequent requests and their publication as proactive disclosure (staff pages). */
export async function disclosureTopicRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  app.get('/admin/disclosure-requests/topics', { schema: { hide: true } }, async (req, reply) => {
    const data = await topicOverview(db(), req.user);
    const agencies = new Map((await listDepartmentOptions(db(), req.locale)).map((a) => [a.id, a.name]));
    const columns = flattenTree(await columnTree(db())).map((c) => ({ id: c.id, slug: c.slug, name: req.locale === 'en' ? c.nameEn : c.nameZh }));
    return sendPage(reply, <TopicsPage ctx={viewContext(req)} data={data} agencyName={(id) => agencies.get(id) ?? String(id)} columns={columns} />);
  });

  app.post('/admin/disclosure-requests/topics', { schema: { hide: true } }, async (req, reply) => {
    const input = parseInput(PublishSchema, withoutCsrf(req.body));
    await tx(req, async (trx) => {
      const column = flattenTree(await columnTree(trx)).find((c) => c.id === input.columnId);
      if (!column) {
        throw fieldError('columnId', 'validation.choice');
      }
      return publishTopic(trx, actor(req), req.user, { ...input, columnSlug: column.slug });
    });
    return seeOther(reply, '/admin/disclosure-requests/topics');
  });

  app.post('/admin/disclosure-requests/topics/:id/notify', { schema: { hide: true } }, async (req, reply) => {
    const id = parseInput(idParam, (req.params as Record<string, string>).id);
    await tx(req, (trx) => notifyIfPublished(trx, req.user, id));
    return seeOther(reply, '/admin/disclosure-requests/topics');
  });
}
