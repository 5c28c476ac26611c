import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { idParam } from '../../http/schema-helpers.js';
import { parseInput } from '../../http/validate.js';
import type { FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { requireUser } from '../../modules/accounts/index.js';
import { InboxQuery, PreferencesSchema, RecipientQuery } from './outbox.schema.js';
import * as service from './outbox.service.js';
import { InboxPage, MessagePage, UnsubscribePage } from './outbox.views.js';
import { PreferencesPage, prefsForm } from './outbox.prefs-views.js';
import { DeliveriesPage } from './outbox.admin-views.js';

const InboxItemOut = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  topic: z.string(),
  recipientKind: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});

const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as { id: string }).id);

/** Inbox, channel preferences, unsubscribe links, the staff deliveries page and the inbox API. */
export async function outboxRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  app.get('/account/inbox', { schema: { hide: true } }, async (req, reply) => {
    requireUser(req.user);
    const q = parseInput(InboxQuery, req.query);
    const r = await service.inbox(db(), req.user, q.page);
    const ctx = viewContext(req);
    const notice = (req.query as Record<string, unknown>).done === 'read' ? ctx.t('outbox.inbox.marked') : undefined;
    return sendPage(reply, <InboxPage ctx={ctx} items={r.rows} unread={r.unread} total={r.total} page={q.page} pageCount={r.pageCount} notice={notice} />);
  });

  app.get('/account/inbox/:id', { schema: { hide: true } }, async (req, reply) => {
    requireUser(req.user);
    const id = idOf(req);
    const m = await tx(req, (trx) => service.openMessage(trx, req.user, id));
    return sendPage(reply, <MessagePage ctx={viewContext(req)} m={m} />);
  });

  app.post('/account/inbox/:id/read', { schema: { hide: true } }, async (req, reply) => {
    requireUser(req.user);
    const id = idOf(req);
    await tx(req, (trx) => service.openMessage(trx, req.user, id));
    return seeOther(reply, '/account/inbox?done=read');
  });

  // The preferences of one of the person's recipients: their enterprise (default) or themselves.
  const target = async (req: FastifyRequest) => {
    requireUser(req.user);
    const q = parseInput(RecipientQuery, req.query);
    const targets = await service.recipientsOf(db(), req.user);
    const t = targets.find((x) => x.kind === q.for) ?? targets[0]!;
    return { target: t, targets };
  };
  const prefsPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState | null, opts: { notice?: string; secret?: string | null; status?: number } = {}) => {
    const { target: t, targets } = await target(req);
    const prefs = await service.preferences(db(), t);
    return sendPage(reply, <PreferencesPage ctx={viewContext(req)} form={form ?? prefsForm(prefs)} prefs={prefs} target={t} targets={targets} notice={opts.notice} secret={opts.secret ?? null} quiet={app.config.quietHours} />, opts.status);
  };

  app.get('/account/notifications', { schema: { hide: true } }, async (req, reply) => {
    const done = (req.query as Record<string, unknown>).done;
    const ctx = viewContext(req);
    const notice = done === 'saved' ? ctx.t('outbox.prefs.saved') : done === 'unsubscribed' ? ctx.t('outbox.prefs.unsubscribed') : undefined;
    return prefsPage(req, reply, null, { notice });
  });

  app.post('/account/notifications', { schema: { hide: true } }, async (req, reply) => {
    const { target: t, targets } = await target(req);
    const prefs = await service.preferences(db(), t);
    return handleForm(
      req,
      reply,
      PreferencesSchema,
      (input, trx) => service.savePreferences(trx, actor(req), req.user, t, input),
      // A new webhook secret is shown on this response only (it is never shown again), so no redirect.
      (r) => (r.webhookSecret ? prefsPage(req, reply, null, { notice: viewContext(req).t('outbox.prefs.saved'), secret: r.webhookSecret }) : seeOther(reply, `/account/notifications?for=${t.kind}&done=saved`)),
      (form) => <PreferencesPage ctx={viewContext(req)} form={form} prefs={prefs} target={t} targets={targets} quiet={app.config.quietHours} />,
    );
  });

  app.post('/account/notifications/unsubscribe-all', { schema: { hide: true } }, async (req, reply) => {
    const { target: t } = await target(req);
    await tx(req, (trx) => service.unsubscribeAll(trx, actor(req), req.user, t));
    return seeOther(reply, `/account/notifications?for=${t.kind}&done=unsubscribed`);
  });

  // Unsubscribe links work without signing in: the token in the link is the proof.
  const tokenOf = (req: FastifyRequest) => (req.params as { token: string }).token;
  app.get('/unsubscribe/:token', { schema: { hide: true } }, async (req, reply) => {
    const row = await service.unsubscribeToken(db(), tokenOf(req));
    const done = (req.query as Record<string, unknown>).done === '1';
    reply.header('x-robots-tag', 'noindex');
    return sendPage(reply, <UnsubscribePage ctx={viewContext(req)} token={row.token} channel={row.channel} done={done} />);
  });

  app.post('/unsubscribe/:token', { schema: { hide: true } }, async (req, reply) => {
    const token = tokenOf(req);
    await tx(req, (trx) => service.unsubscribeByToken(trx, actor(req), token));
    return seeOther(reply, `/unsubscribe/${token}?done=1`);
  });

  app.get('/admin/deliveries', { schema: { hide: true } }, async (req, reply) => {
    const r = await service.deliveryOverview(db(), req.user);
    const ctx = viewContext(req);
    const notice = (req.query as Record<string, unknown>).done === 'retried' ? ctx.t('outbox.admin.retried') : undefined;
    return sendPage(reply, <DeliveriesPage ctx={ctx} counts={r.counts} dead={r.dead} notice={notice} />);
  });

  app.post('/admin/deliveries/:id/retry', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    await tx(req, (trx) => service.retryDelivery(trx, actor(req), req.user, id));
    return seeOther(reply, '/admin/deliveries?done=retried');
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/inbox',
    {
      schema: {
        tags: ['inbox'],
        summary: "The signed-in person's inbox (theirs and their enterprise's), newest first",
        querystring: InboxQuery,
        response: { 200: z.object({ items: z.array(InboxItemOut), total: z.number(), unread: z.number(), page: z.number(), pageCount: z.number() }) },
      },
    },
    async (req) => {
      const r = await service.inbox(db(), req.user, req.query.page);
      return { items: r.rows.map((m) => ({ id: m.id, title: m.title, body: m.body, link: m.link, topic: m.topic, recipientKind: m.recipientKind, createdAt: m.createdAt, read: m.readAt !== null })), total: r.total, unread: r.unread, page: r.page, pageCount: r.pageCount };
    },
  );
  api.post(
    '/api/v1/inbox/:id/read',
    { schema: { tags: ['inbox'], summary: 'Marks an inbox message read', params: z.object({ id: idParam }), response: { 200: z.object({ id: z.number(), read: z.literal(true) }) } } },
    async (req) => {
      const id = req.params.id;
      await tx(req, (trx) => service.openMessage(trx, req.user, id));
      return { id, read: true as const };
    },
  );
}
