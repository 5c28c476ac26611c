import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.js';
import { actor, handleForm, seeOther } from '../../http/route-helpers.js';
import { idParam } from '../../http/schema-helpers.js';
import { issueToProblem, parseInput, problemsByField } from '../../http/validate.js';
import { answered, calculate, CalculatorQuery } from './navigator.calculator.js';
import { CalculatorPage } from './navigator.calculator-views.js';
import { emptyForm, type FormState } from '../../views/components.js';
import { requireDepartment, requireRole } from '../accounts/index.js';
import { policyBrief } from '../policies/index.js';
import { GuideSchema, guideOf, saveGuide, type PolicyGuideRow } from './navigator.guide.js';
import { GuideEditPage } from './navigator.guide-views.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { myPolicies } from './navigator.service.js';
import { MyPoliciesPage } from './navigator.views.js';

const Line = z.object({ id: z.string(), verdict: z.enum(['met', 'not_met', 'unknown']), text: z.string(), source: z.string().optional(), asOf: z.string().optional(), decisive: z.boolean() });
const Guide = z.object({ applyFrom: z.string().nullable(), applyUntil: z.string().nullable(), daysLeft: z.number().optional(), support: z.object({ amount: z.number(), capped: z.boolean() }).optional(), supportText: z.string(), materials: z.array(z.string()), samples: z.array(z.object({ title: z.string(), url: z.string() })), steps: z.array(z.string()), onlineUrl: z.string(), office: z.object({ address: z.string(), hours: z.string(), phone: z.string() }).optional() });
const Item = z.object({ guide: Guide.optional(), policy: z.object({ id: z.number(), title: z.string(), docNumber: z.string(), publishedOn: z.string().nullable() }), verdict: z.enum(['met', 'near', 'unknown']), lines: z.array(Line), missing: z.array(z.string()), conditional: z.boolean() });

const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as { id: string }).id);

function guideForm(g: PolicyGuideRow | undefined): FormState {
  const n = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  return emptyForm(
    g
      ? {
          applyFrom: g.applyFrom ?? '',
          applyUntil: g.applyUntil ?? '',
          supportKind: g.supportKind,
          supportAmount: n(g.supportAmount),
          supportFact: g.supportFact ?? '',
          supportRate: n(g.supportRate),
          supportCap: n(g.supportCap),
          categories: g.categories.split(' ').filter(Boolean),
          exclusionGroup: g.exclusionGroup,
          supportText: g.supportText,
          materials: g.materials,
          steps: g.steps,
          onlineUrl: g.onlineUrl,
          officeAddress: g.officeAddress,
          officeHours: g.officeHours,
          officePhone: g.officePhone,
        }
      : { supportKind: 'none' },
  );
}

/** The enterprise's own pages and API, and the staff page of a policy's application guide. */
export async function navigatorRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.db.kysely;

  const staffPolicy = async (req: FastifyRequest) => {
    requireRole(req.user, 'editor', 'reviewer', 'admin');
    const p = await policyBrief(db(), idOf(req));
    if (!p) {
      throw new AppError('not_found');
    }
    requireDepartment(req.user, p.departmentId);
    return p;
  };

  app.get('/admin/policies/:id/guide', { schema: { hide: true } }, async (req, reply) => {
    const p = await staffPolicy(req);
    const done = (req.query as Record<string, unknown>).done === 'saved';
    return sendPage(reply, <GuideEditPage ctx={viewContext(req)} policy={p} form={guideForm(await guideOf(db(), p.id))} notice={done ? viewContext(req).t('form.saved') : undefined} />);
  });

  app.post('/admin/policies/:id/guide', { schema: { hide: true } }, async (req, reply) => {
    const p = await staffPolicy(req);
    return handleForm(
      req,
      reply,
      GuideSchema,
      (input, trx) => saveGuide(trx, actor(req), req.user, p.id, input),
      () => seeOther(reply, `/admin/policies/${p.id}/guide?done=saved`),
      (form) => <GuideEditPage ctx={viewContext(req)} policy={p} form={form} />,
    );
  });

  app.get('/navigator', { schema: { hide: true } }, async (req, reply) => {
    // Reached from the main navigation by anyone: visitors sign in first; other accounts are told it is for enterprises.
    if (!req.user) {
      return seeOther(reply, '/navigator/calculator');
    }
    if (req.user.role !== 'enterprise') {
      return sendPage(reply, <MyPoliciesPage ctx={viewContext(req)} data={{ enterprise: undefined, met: [], near: [], unknown: [], askFirst: undefined, combination: { policyIds: [], total: 0, excluded: [] } }} />);
    }
    const data = await myPolicies(db(), req.user, req.locale);
    return sendPage(reply, <MyPoliciesPage ctx={viewContext(req)} data={data} />);
  });

  app.get('/navigator/calculator', { schema: { hide: true } }, async (req, reply) => {
    const values = req.query as Record<string, string | string[]>;
    const r = CalculatorQuery.safeParse(values);
    if (!r.success) {
      return sendPage(reply, <CalculatorPage ctx={viewContext(req)} form={{ values, errors: problemsByField(r.error.issues.map(issueToProblem)) }} results={[]} asked={false} />, 400);
    }
    const asked = answered(r.data) || r.data.category !== undefined;
    const results = asked ? await calculate(db(), r.data, req.locale) : [];
    return sendPage(reply, <CalculatorPage ctx={viewContext(req)} form={emptyForm(values)} results={results} asked={asked} />);
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/navigator/calculate',
    { schema: { tags: ['navigator'], summary: 'Policies that fit the answers given (no account needed)', querystring: CalculatorQuery, response: { 200: z.object({ results: z.array(z.object({ policy: z.object({ id: z.number(), title: z.string(), docNumber: z.string() }), verdict: z.enum(['met', 'near', 'unknown']), lines: z.array(Line), categories: z.array(z.string()), support: z.object({ amount: z.number(), capped: z.boolean() }).optional() })) }) } } },
    async (req) => ({ results: await calculate(db(), req.query, req.locale) }),
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/navigator/my-policies',
    { schema: { tags: ['navigator'], summary: 'The signed-in enterprise’s matched, nearly matched and undecided policies, explained', response: { 200: z.object({ met: z.array(Item), near: z.array(Item), unknown: z.array(Item), askFirst: z.object({ fact: z.string(), policies: z.number() }).nullable() }) } } },
    async (req) => {
      const d = await myPolicies(db(), req.user, req.locale);
      return { met: d.met, near: d.near, unknown: d.unknown, askFirst: d.askFirst ?? null };
    },
  );
}
