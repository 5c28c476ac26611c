import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther, tx } from '../../http/route-helpers.js';
import { parseInput, problemsByField } from '../../http/validate.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { translate } from '../../platform/i18n/index.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { requireRole } from '../accounts/index.js';
import { listAllDepartments, listDepartmentOptions } from '../departments/index.js';
import { atomFeed, rssFeed } from './policies.feeds.js';
import { POLICY_CATEGORIES, PolicyAdminQuery, PolicyListQuery, PolicyRejectSchema, PolicySchema, ValiditySchema, type PolicyCategory } from './policies.schema.js';
import * as service from './policies.service.js';
import * as repo from './policies.repository.js';
import { PolicyListPage, PolicyPage } from './policies.views.js';
import { policyPageSections } from './policies.hooks.js';
import { graphicSource, policyVersionRoutes } from './policies.versions.routes.js';
import { cardToForm, parseCard } from './policies.card.js';
import { describeGraphic } from './policies.graphic.js';
import { termsToText, type PolicyTerm } from './policies.terms.js';
import { AdminPoliciesPage, PolicyEditPage } from './policies.admin-views.js';

const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as { id: string }).id);

const PolicyListItemOut = z.object({
  id: z.number(),
  indexNo: z.string(),
  title: z.string(),
  docNumber: z.string(),
  issuingOrgan: z.string(),
  departmentId: z.number(),
  theme: z.string(),
  writtenOn: z.string(),
  publishedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  validity: z.string(),
  validityEndedOn: z.string().nullable(),
  updatedAt: z.string(),
});
const FacetOut = <T extends z.ZodType>(v: T) => z.array(z.object({ value: v, count: z.number() }));
const PolicyOut = PolicyListItemOut.extend({
  keywords: z.array(z.string()),
  serviceObject: z.string(),
  summary: z.string(),
  replaces: z.object({ id: z.number(), title: z.string() }).nullable(),
  successor: z.object({ id: z.number(), title: z.string() }).nullable(),
  articles: z.array(z.object({ number: z.number(), anchor: z.string(), chapterNumber: z.number().nullable(), chapterTitle: z.string().nullable(), text: z.string(), url: z.string() })),
  category: z.enum(POLICY_CATEGORIES),
  /** The graphic version: an uploaded image or the SVG drawn from the card; null when there is none. */
  graphic: z.object({ kind: z.enum(['upload', 'card']), url: z.string(), alt: z.string() }).nullable(),
  card: z.object({ headline: z.string(), audience: z.array(z.string()), support: z.array(z.string()), deadlines: z.array(z.string()), howToApply: z.array(z.string()), contacts: z.array(z.string()) }),
  terms: z.array(z.object({ term: z.string(), definition: z.string() })),
  attachments: z.array(z.object({ title: z.string(), filename: z.string(), size: z.number(), url: z.string() })),
});

function toForm(p: repo.PolicyRow, terms: PolicyTerm[]): FormState {
  return emptyForm({
    indexNo: p.indexNo,
    title: p.title,
    docNumber: p.docNumber,
    issuingOrgan: p.issuingOrgan,
    departmentId: String(p.departmentId),
    theme: p.theme,
    keywords: p.keywords,
    serviceObject: p.serviceObject,
    writtenOn: p.writtenOn,
    publishedOn: p.publishedOn ?? '',
    effectiveOn: p.effectiveOn ?? '',
    validity: p.validity,
    validityEndedOn: p.validityEndedOn ?? '',
    replacesId: p.replacesId === null ? '' : String(p.replacesId),
    summary: p.summary,
    body: p.body,
    category: p.category,
    terms: termsToText(terms),
    ...cardToForm(p.card),
  });
}

/** The policy library: public pages, feeds, the staff editor and the API. */
export async function policiesRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  // ---------------- public
  app.get('/policies', { schema: { hide: true } }, async (req, reply) => {
    const f = parseInput(PolicyListQuery, req.query);
    const r = await service.listPolicies(db(), f);
    const departments = new Map((await listAllDepartments(db())).map((d) => [d.id, d]));
    return sendPage(reply, <PolicyListPage ctx={viewContext(req)} filter={f} rows={r.rows} total={r.total} page={r.page} pageCount={r.pageCount} facets={r.facets} departments={departments} snippets={r.snippets} />);
  });

  const feedItems = async () => (await repo.recentlyChanged(db(), 50)).map((p) => ({ id: p.id, title: p.title, summary: p.summary.split('\n')[0] ?? '', docNumber: p.docNumber, publishedOn: p.publishedOn, updatedAt: p.updatedAt, validity: p.validity }));
  const feedOpts = async (req: FastifyRequest) => ({
    baseUrl: app.config.publicUrl.replace(/\/$/, ''),
    title: `${translate(req.locale, 'site.name')} · ${translate(req.locale, 'policies.title')}`,
    items: await feedItems(),
    validityLabel: (v: string) => translate(req.locale, `policies.validity.${v}`),
  });
  app.get('/policies/feed.atom', { schema: { hide: true } }, async (req, reply) => reply.type('application/atom+xml; charset=utf-8').send(atomFeed(await feedOpts(req))));
  app.get('/policies/feed.rss', { schema: { hide: true } }, async (req, reply) => reply.type('application/rss+xml; charset=utf-8').send(rssFeed(await feedOpts(req))));

  app.get('/policies/:id', { schema: { hide: true } }, async (req, reply) => {
    const d = await service.getPublicPolicy(db(), idOf(req));
    const vc = viewContext(req);
    const sections = await policyPageSections(db(), d.policy.id, vc);
    const graphic = graphicSource(d.policy, req.locale, app.config.publicUrl);
    return sendPage(
      reply,
      <PolicyPage ctx={vc} sections={sections} policy={d.policy} articles={d.articles} department={d.department} successor={d.successor} replaces={d.replaces} terms={d.terms} attachments={d.attachments} graphic={graphic} />,
    );
  });

  // ---------------- staff
  const editorData = async (req: FastifyRequest) => ({
    departments: (await listDepartmentOptions(db(), req.locale)).filter((d) => req.user?.role === 'admin' || req.user?.departmentIds.includes(d.id)),
    replaceable: (await service.replaceablePolicies(db())).map((p) => ({ id: p.id, title: p.title })),
  });

  app.get('/admin/policies', { schema: { hide: true } }, async (req, reply) => {
    const q = parseInput(PolicyAdminQuery, req.query);
    const r = await service.listStaffPolicies(db(), req.user, q.status, q.page);
    return sendPage(reply, <AdminPoliciesPage ctx={viewContext(req)} rows={r.rows} total={r.total} page={r.page} pageCount={r.pageCount} status={q.status} />);
  });

  app.get('/admin/policies/new', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'editor', 'admin');
    const d = await editorData(req);
    const form = emptyForm({ validity: 'valid', category: 'normative', departmentId: d.departments.length === 1 ? String(d.departments[0]!.id) : undefined });
    return sendPage(reply, <PolicyEditPage ctx={viewContext(req)} form={form} {...d} />);
  });

  app.post('/admin/policies/new', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req.user, 'editor', 'admin');
    const d = await editorData(req);
    return handleForm(
      req,
      reply,
      PolicySchema,
      (input, trx) => service.createPolicy(trx, actor(req), req.user, input),
      (id) => seeOther(reply, `/admin/policies/${id}?done=saved`),
      (form) => <PolicyEditPage ctx={viewContext(req)} form={form} {...d} />,
    );
  });

  const editPage = async (req: FastifyRequest, reply: FastifyReply, id: number, form?: FormState, status = 200) => {
    const s = await service.getPolicyForStaff(db(), req.user, id);
    const d = await editorData(req);
    const ctx = viewContext(req);
    const done = (req.query as Record<string, unknown>).done;
    const notice = typeof done === 'string' && /^[a-z]+$/.test(done) ? ctx.t(`policies.done.${done}` as 'policies.done.saved') : undefined;
    const p = s.policy;
    return sendPage(
      reply,
      <PolicyEditPage
        ctx={ctx}
        form={form ? { values: { ...toForm(p, s.terms).values, ...form.values }, errors: form.errors } : toForm(p, s.terms)}
        {...d}
        notice={notice}
        policy={{
          id: p.id,
          status: p.status,
          category: p.category,
          replacesId: p.replacesId,
          reviewNote: p.reviewNote,
          validity: p.validity,
          articleCount: s.articles.length,
          actions: s.actions,
          missingVersions: s.missingVersions,
          attachments: s.attachments,
          graphic: s.graphicFile ? { fileId: s.graphicFile.id, filename: s.graphicFile.filename, alt: p.graphicAlt } : null,
        }}
      />,
      status,
    );
  };

  app.get('/admin/policies/:id', { schema: { hide: true } }, async (req, reply) => editPage(req, reply, idOf(req)));
  policyVersionRoutes(app, (req, reply, id, err, values) => editPage(req, reply, id, { values, errors: problemsByField(err.fields) }, err.status));

  /** Posts whose bad input re-renders the editor with the errors. */
  const formAction = <S extends z.ZodType>(path: string, schema: S, run: (req: FastifyRequest, id: number, input: z.output<S>) => Promise<unknown>, done: string) =>
    app.post(path, { schema: { hide: true } }, async (req, reply) => {
      const id = idOf(req);
      try {
        const input = parseInput(schema, withoutCsrf(req.body));
        await run(req, id, input);
        return seeOther(reply, `/admin/policies/${id}?done=${done}`);
      } catch (err) {
        if (err instanceof AppError && err.fields.length > 0) {
          return editPage(req, reply, id, { values: withoutCsrf(req.body) as FormState['values'], errors: problemsByField(err.fields) }, 400);
        }
        throw err;
      }
    });

  formAction('/admin/policies/:id', PolicySchema, (req, id, input) => tx(req, (trx) => service.updatePolicy(trx, actor(req), req.user, id, input)), 'saved');
  formAction('/admin/policies/:id/reject', PolicyRejectSchema, (req, id, input) => tx(req, (trx) => service.rejectPolicy(trx, actor(req), req.user, id, input.note)), 'reject');
  formAction('/admin/policies/:id/validity', ValiditySchema, (req, id, input) => tx(req, (trx) => service.changeValidity(trx, actor(req), req.user, id, input)), 'validity');

  for (const action of ['submit', 'publish'] as const) {
    app.post(`/admin/policies/:id/${action}`, { schema: { hide: true } }, async (req, reply) => {
      const id = idOf(req);
      const fn = action === 'submit' ? service.submitPolicy : service.publishPolicy;
      await tx(req, (trx) => fn(trx, actor(req), req.user, id));
      return seeOther(reply, `/admin/policies/${id}?done=${action}`);
    });
  }

  // ---------------- API
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/policies',
    {
      schema: {
        tags: ['policies'],
        summary: 'Published policies with facet counts',
        querystring: PolicyListQuery,
        response: {
          200: z.object({
            items: z.array(PolicyListItemOut),
            total: z.number(),
            page: z.number(),
            pageCount: z.number(),
            facets: z.object({ theme: FacetOut(z.string()), organ: FacetOut(z.string()), validity: FacetOut(z.string()), department: FacetOut(z.number()), year: FacetOut(z.number()) }),
          }),
        },
      },
    },
    async (req) => {
      const r = await service.listPolicies(db(), req.query);
      return { items: r.rows, total: r.total, page: r.page, pageCount: r.pageCount, facets: r.facets };
    },
  );

  api.get('/api/v1/policies/:id', { schema: { tags: ['policies'], summary: 'A published policy with its articles', params: z.object({ id: idParam }), response: { 200: PolicyOut } } }, async (req) => {
    const d = await service.getPublicPolicy(db(), req.params.id);
    const p = d.policy;
    const g = graphicSource(p, req.locale, app.config.publicUrl);
    return {
      id: p.id,
      indexNo: p.indexNo,
      title: p.title,
      docNumber: p.docNumber,
      issuingOrgan: p.issuingOrgan,
      departmentId: p.departmentId,
      theme: p.theme,
      writtenOn: p.writtenOn,
      publishedOn: p.publishedOn,
      effectiveOn: p.effectiveOn,
      validity: p.validity,
      validityEndedOn: p.validityEndedOn,
      updatedAt: p.updatedAt,
      keywords: p.keywords.split(/\s+/).filter(Boolean),
      serviceObject: p.serviceObject,
      summary: p.summary,
      replaces: d.replaces ? { id: d.replaces.id, title: d.replaces.title } : null,
      successor: d.successor ? { id: d.successor.id, title: d.successor.title } : null,
      articles: d.articles.map((a) => ({ number: a.number, anchor: a.anchor, chapterNumber: a.chapterNumber, chapterTitle: a.chapterTitle, text: a.text, url: `/policies/${p.id}#${a.anchor}` })),
      category: p.category as PolicyCategory,
      graphic: g.kind === 'upload' ? { kind: 'upload' as const, url: g.url, alt: g.alt } : g.kind === 'card' ? { kind: 'card' as const, url: `/policies/${p.id}/graphic.svg`, alt: describeGraphic(g.input) } : null,
      card: parseCard(p.card),
      terms: d.terms,
      attachments: d.attachments.map((a) => ({ title: a.title, filename: a.filename, size: a.size, url: `/policies/${p.id}/files/${a.fileId}/${encodeURIComponent(a.filename)}` })),
    };
  });

  api.post('/api/v1/policies', { schema: { tags: ['policies'], summary: 'File a policy as a draft (editor)', body: PolicySchema, response: { 201: z.object({ id: z.number(), status: z.string(), articles: z.number() }) } } }, async (req, reply) => {
    const id = await tx(req, (trx) => service.createPolicy(trx, actor(req), req.user, req.body));
    return reply.status(201).send({ id, status: 'draft', articles: (await repo.articlesOf(db(), id)).length });
  });

  for (const action of ['submit', 'publish'] as const) {
    api.post(
      `/api/v1/policies/:id/${action}`,
      { schema: { tags: ['policies'], summary: `Workflow: ${action}`, params: z.object({ id: idParam }), response: { 200: z.object({ id: z.number(), status: z.string() }) } } },
      async (req) => {
        const fn = action === 'submit' ? service.submitPolicy : service.publishPolicy;
        const p = await tx(req, (trx) => fn(trx, actor(req), req.user, req.params.id));
        return { id: p.id, status: p.status };
      },
    );
  }
}
