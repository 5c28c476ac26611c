import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { changeNoteLabel, parseAnchors } from './policies.compare.js';
import * as service from './policies.compare.service.js';
import { ChangeNoteSchema, CompareQuery } from './policies.compare.service.js';
import { ChangeNoteEditPage, ChangeNotesPage, ComparePage } from './policies.compare.views.js';

const params = (req: FastifyRequest) => req.params as Record<string, string>;
const idOf = (req: FastifyRequest) => parseInput(idParam, params(req).id);
const noteIdOf = (req: FastifyRequest) => parseInput(idParam, params(req).noteId);
const MoveSchema = z.strictObject({ direction: z.enum(['up', 'down']) });

const SideOut = z.object({ anchor: z.string(), number: z.number(), text: z.string(), url: z.string() }).nullable();
const CompareOut = z.object({
  policy: z.object({ id: z.number(), title: z.string(), docNumber: z.string(), url: z.string() }),
  replaces: z.object({ id: z.number(), title: z.string(), docNumber: z.string(), url: z.string() }),
  summary: z.object({ total: z.number(), same: z.number(), changed: z.number(), moved: z.number(), added: z.number(), removed: z.number() }),
  notes: z.array(z.object({ seq: z.number(), label: z.string(), title: z.string(), body: z.string(), newAnchors: z.array(z.string()), oldAnchors: z.array(z.string()) })),
  rows: z.array(
    z.object({
      kind: z.enum(['same', 'changed', 'moved', 'added', 'removed']),
      moved: z.boolean(),
      renumbered: z.boolean(),
      similarity: z.number(),
      old: SideOut,
      new: SideOut,
      diff: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })).nullable(),
      notes: z.array(z.number()),
    }),
  ),
});
const NoteOut = z.object({ id: z.number(), seq: z.number(), label: z.string(), title: z.string(), body: z.string(), newAnchors: z.array(z.string()), oldAnchors: z.array(z.string()) });

/** Routes of the old-vs-new comparison (新旧政策对比): the public page, the staff notes pages, and the API. */
export async function policyComparisonRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  // ---------------- public
  app.get('/policies/:id/compare', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(CompareQuery, req.query);
    const c = await service.getComparison(db(), idOf(req), q.only === 'changes');
    return sendPage(reply, <ComparePage ctx={viewContext(req)} c={c} />);
  });

  // ---------------- staff
  const listPage = async (req: FastifyRequest, reply: FastifyReply, form: FormState = emptyForm(), status = 200) => {
    const d = await service.getChangeNotesForStaff(db(), req.user, idOf(req));
    const ctx = viewContext(req);
    const done = (req.query as Record<string, unknown>).done;
    const notice = typeof done === 'string' && ['added', 'saved', 'deleted', 'moved'].includes(done) ? ctx.t(`compare.done.${done}` as 'compare.done.added') : undefined;
    return sendPage(reply, <ChangeNotesPage ctx={ctx} d={d} form={form} notice={notice} />, status);
  };
  const editPage = async (req: FastifyRequest, reply: FastifyReply, form?: FormState, status = 200) => {
    const s = await service.getChangeNoteForStaff(db(), req.user, idOf(req), noteIdOf(req));
    const n = s.note;
    const initial = emptyForm({ title: n.title, body: n.body, newAnchors: parseAnchors(n.newAnchors), oldAnchors: parseAnchors(n.oldAnchors) });
    return sendPage(reply, <ChangeNoteEditPage ctx={viewContext(req)} d={s} note={n} form={form ?? initial} />, status);
  };
  /** A form post: bad input re-shows the form with the values typed and each error beside its field. */
  const formPost = (render: typeof listPage, run: (req: FastifyRequest) => Promise<unknown>, done: string) => async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      await run(req);
      return seeOther(reply, `/admin/policies/${idOf(req)}/changes?done=${done}`);
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return render(req, reply, { values: withoutCsrf(req.body) as FormState['values'], errors: problemsByField(err.fields) }, err.status);
      }
      throw err;
    }
  };
  const noteInput = (req: FastifyRequest) => parseInput(ChangeNoteSchema, withoutCsrf(req.body));

  app.get('/admin/policies/:id/changes', { schema: { hide: true } }, async (req, reply) => listPage(req, reply));
  app.post('/admin/policies/:id/changes', { schema: { hide: true } }, formPost(listPage, (req) => tx(req, (trx) => service.createChangeNote(trx, actor(req), req.user, idOf(req), noteInput(req))), 'added'));
  app.get('/admin/policies/:id/changes/:noteId', { schema: { hide: true } }, async (req, reply) => editPage(req, reply));
  app.post('/admin/policies/:id/changes/:noteId', { schema: { hide: true } }, formPost(editPage, (req) => tx(req, (trx) => service.updateChangeNote(trx, actor(req), req.user, idOf(req), noteIdOf(req), noteInput(req))), 'saved'));
  app.post('/admin/policies/:id/changes/:noteId/delete', { schema: { hide: true } }, async (req, reply) => {
    await tx(req, (trx) => service.deleteChangeNote(trx, actor(req), req.user, idOf(req), noteIdOf(req)));
    return seeOther(reply, `/admin/policies/${idOf(req)}/changes?done=deleted`);
  });
  app.post('/admin/policies/:id/changes/:noteId/move', { schema: { hide: true } }, async (req, reply) => {
    const { direction } = parseInput(MoveSchema, withoutCsrf(req.body));
    await tx(req, (trx) => service.moveChangeNote(trx, actor(req), req.user, idOf(req), noteIdOf(req), direction));
    return seeOther(reply, `/admin/policies/${idOf(req)}/changes?done=moved#note-${noteIdOf(req)}`);
  });

  // ---------------- API
  const api = app.withTypeProvider<ZodTypeProvider>();
  const P = z.object({ id: idParam });
  const PN = z.object({ id: idParam, noteId: idParam });

  api.get(
    '/api/v1/policies/:id/compare',
    { schema: { tags: ['policies'], summary: 'Old vs new: a published policy aligned article by article with the one it replaces', params: P, querystring: CompareQuery, response: { 200: CompareOut } } },
    async (req) => {
      const c = await service.getComparison(db(), req.params.id, req.query.only === 'changes');
      const ref = (d: { id: number; title: string; docNumber: string }) => ({ id: d.id, title: d.title, docNumber: d.docNumber, url: `/policies/${d.id}` });
      const side = (policyId: number, a: { anchor: string; number: number; text: string } | undefined) => (a ? { anchor: a.anchor, number: a.number, text: a.text, url: `/policies/${policyId}#${a.anchor}` } : null);
      return {
        policy: ref(c.policy),
        replaces: ref(c.old),
        summary: { total: c.summary.total, same: c.summary.same, changed: c.summary.changed, moved: c.summary.moved, added: c.summary.added, removed: c.summary.removed },
        notes: c.notes.map((n) => ({ seq: n.seq, label: changeNoteLabel(n.seq, req.locale), title: n.title, body: n.body, newAnchors: n.newAnchors, oldAnchors: n.oldAnchors })),
        rows: c.rows.map((r) => ({
          kind: r.kind,
          moved: r.moved,
          renumbered: r.renumbered,
          similarity: Math.round(r.similarity * 100) / 100,
          old: side(c.old.id, r.old),
          new: side(c.policy.id, r.new),
          diff: r.diff,
          notes: r.notes,
        })),
      };
    },
  );

  const noteOut = (locale: FastifyRequest['locale']) => (n: { id: number; seq: number; title: string; body: string; newAnchors: string; oldAnchors: string }) => ({
    id: n.id,
    seq: n.seq,
    label: changeNoteLabel(n.seq, locale),
    title: n.title,
    body: n.body,
    newAnchors: parseAnchors(n.newAnchors),
    oldAnchors: parseAnchors(n.oldAnchors),
  });

  api.get('/api/v1/policies/:id/changes', { schema: { tags: ['policies'], summary: "The editor's change notes of a policy (staff)", params: P, response: { 200: z.object({ items: z.array(NoteOut) }) } } }, async (req) => {
    const d = await service.getChangeNotesForStaff(db(), req.user, req.params.id);
    return { items: d.notes.map(noteOut(req.locale)) };
  });

  api.post('/api/v1/policies/:id/changes', { schema: { tags: ['policies'], summary: 'Add a change note (editor)', params: P, body: ChangeNoteSchema, response: { 201: NoteOut } } }, async (req, reply) => {
    const id = await tx(req, (trx) => service.createChangeNote(trx, actor(req), req.user, req.params.id, req.body));
    const d = await service.getChangeNoteForStaff(db(), req.user, req.params.id, id);
    return reply.status(201).send(noteOut(req.locale)(d.note));
  });

  api.put('/api/v1/policies/:id/changes/:noteId', { schema: { tags: ['policies'], summary: 'Change a change note (editor)', params: PN, body: ChangeNoteSchema, response: { 200: NoteOut } } }, async (req) => {
    await tx(req, (trx) => service.updateChangeNote(trx, actor(req), req.user, req.params.id, req.params.noteId, req.body));
    return noteOut(req.locale)((await service.getChangeNoteForStaff(db(), req.user, req.params.id, req.params.noteId)).note);
  });

  api.delete('/api/v1/policies/:id/changes/:noteId', { schema: { tags: ['policies'], summary: 'Delete a change note (editor)', params: PN } }, async (req, reply) => {
    await tx(req, (trx) => service.deleteChangeNote(trx, actor(req), req.user, req.params.id, req.params.noteId));
    return reply.status(204).send();
  });
}
