import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldProblem } from '../../http/errors.js';
import { actor, seeOther, tx } from '../../http/route-helpers.js';
import { idParam, withoutCsrf } from '../../http/schema-helpers.js';
import { parseInput } from '../../http/validate.js';
import { todayInChina } from '../../platform/clock.js';
import type { FormState } from '../../views/components.js';
import { viewContext } from '../../views/context.js';
import { sendPage } from '../../views/render.js';
import { FACTS } from '../enterprises/enterprises.facts.js';
import { byField, RuleEditorPage, type RulePreview } from './navigator.editor-views.js';
import { applyAction, emptyRule, formValuesOf, parseAction, parseExampleFacts, parseRuleForm, type RuleFields } from './navigator.form.js';
import { NUMBER_OPS, validateRule, type Condition } from './navigator.rules.js';
import { addExample, deleteExample, EXPECTATIONS, previewRule, ruleEditorData, saveRule, type ExampleExpectation } from './navigator.service.js';

// The eligibility rule editor (适用条件编辑): a form that works without JavaScript (every button posts
// the whole rule and an action; the page comes back drawn from the edited tree), the preview, versions,
// worked examples, and the same reads and writes as JSON.

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const factKeys = FACTS.map((f) => f.key) as [string, ...string[]];

/** A rule tree as JSON: the shape checked here, the meaning (facts, values) by validateRule in the service. */
const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ id: z.string().min(1).max(40), kind: z.enum(['all', 'any']), items: z.array(ConditionSchema).max(60) }),
    z.object({ id: z.string().min(1).max(40), kind: z.literal('not'), item: ConditionSchema }),
    z.object({ id: z.string().min(1).max(40), kind: z.literal('compare'), fact: z.enum(factKeys), op: z.enum(NUMBER_OPS), value: z.number() }),
    z.object({ id: z.string().min(1).max(40), kind: z.literal('oneOf'), fact: z.enum(factKeys), values: z.array(z.string().max(100)).max(100) }),
    z.object({ id: z.string().min(1).max(40), kind: z.literal('industry'), prefixes: z.array(z.string().max(10)).max(100) }),
    z.object({ id: z.string().min(1).max(40), kind: z.literal('tag'), tag: z.string().max(50) }),
    z.object({ id: z.string().min(1).max(40), kind: z.literal('yearsSince'), fact: z.enum(factKeys), op: z.enum(['>=', '<']), years: z.number() }),
  ]),
) as z.ZodType<Condition>;

const one = (v: unknown) => (typeof v === 'string' ? v.trim() : Array.isArray(v) && typeof v[0] === 'string' ? v[0].trim() : '');
const idOf = (req: FastifyRequest) => parseInput(idParam, (req.params as { id: string }).id);
const nodeProblems = (tree: Condition): FieldProblem[] => validateRule(tree).map((p) => ({ field: `node.${p.nodeId}`, key: p.key, params: p.params }));

/** Registers the rule editor's pages and API on the app. */
export function navigatorEditorRoutes(app: FastifyInstance): void {
  const db = () => app.db.kysely;

  type PageOpts = { tree?: Condition; form?: FormState; preview?: RulePreview; exampleForm?: FormState; status?: number };
  const page = async (req: FastifyRequest, reply: FastifyReply, id: number, opts: PageOpts = {}) => {
    const data = await ruleEditorData(db(), req.user, id);
    const ctx = viewContext(req);
    const tree = opts.tree ?? data.current?.tree ?? emptyRule();
    const done = one((req.query as Record<string, unknown>).done);
    const notice = done === 'saved' ? ctx.t('navigator.editor.saved') : done === 'ex_added' ? ctx.t('navigator.editor.ex_added') : done === 'ex_deleted' ? ctx.t('navigator.editor.ex_deleted') : undefined;
    const form = opts.form ?? { values: { ...formValuesOf(tree), effectiveFrom: todayInChina() }, errors: {} };
    return sendPage(reply, <RuleEditorPage ctx={ctx} data={data} tree={tree} form={form} preview={opts.preview} exampleForm={opts.exampleForm} notice={notice} />, opts.status ?? 200);
  };

  app.get('/admin/policies/:id/rules', { schema: { hide: true } }, async (req, reply) => page(req, reply, idOf(req)));

  app.post('/admin/policies/:id/rules', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const body = withoutCsrf(req.body) as RuleFields;
    const parsed = parseRuleForm(body);
    const action = parseAction(body.action) ?? { kind: 'refresh' };
    const tree = applyAction(parsed.tree, action);
    const effectiveFrom = one(body.effectiveFrom);
    const values = { ...formValuesOf(tree, parsed.raw), effectiveFrom, note: one(body.note) };
    if (action.kind !== 'preview' && action.kind !== 'save') {
      return page(req, reply, id, { tree, form: { values, errors: {} } });
    }
    // What the form could not read comes first; the rule's own problems fill in the other nodes.
    const problems = [...nodeProblems(tree).filter((p) => !parsed.problems.some((q) => q.field === p.field)), ...parsed.problems];
    if (!ISO.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom))) {
      problems.push({ field: 'effectiveFrom', key: 'validation.date' });
    }
    if (problems.length > 0) {
      return page(req, reply, id, { tree, form: { values, errors: byField(problems) }, status: 400 });
    }
    if (action.kind === 'preview') {
      const [p, data] = await Promise.all([previewRule(db(), req.user, id, tree, effectiveFrom, req.locale), ruleEditorData(db(), req.user, id)]);
      // The version previewRule compares with: the one in force on the reference date.
      const inForce = data.versions.filter((v) => v.effectiveFrom <= effectiveFrom).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
      return page(req, reply, id, { tree, form: { values, errors: {} }, preview: { ...p, referenceDate: effectiveFrom, inForceFrom: inForce?.effectiveFrom } });
    }
    try {
      await tx(req, (trx) => saveRule(trx, actor(req), req.user, id, { tree, effectiveFrom, note: one(body.note) }));
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return page(req, reply, id, { tree, form: { values, errors: byField(err.fields) }, status: err.status });
      }
      throw err;
    }
    return seeOther(reply, `/admin/policies/${id}/rules?done=saved`);
  });

  app.post('/admin/policies/:id/rules/examples', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const body = withoutCsrf(req.body) as RuleFields;
    const referenceDate = one(body.referenceDate);
    const { facts, problems } = parseExampleFacts(body, referenceDate);
    const expected = one(body.expected);
    const exampleForm = (errors: FieldProblem[]): FormState => ({ values: body, errors: byField(errors) });
    try {
      if (problems.length > 0) {
        throw new AppError('validation_failed', {}, problems);
      }
      await tx(req, (trx) => addExample(trx, actor(req), req.user, id, { name: one(body.name), referenceDate, facts, expected: expected as ExampleExpectation }));
    } catch (err) {
      if (err instanceof AppError && err.fields.length > 0) {
        return page(req, reply, id, { exampleForm: exampleForm(err.fields), status: err.status });
      }
      throw err;
    }
    return seeOther(reply, `/admin/policies/${id}/rules?done=ex_added#examples`);
  });

  app.post('/admin/policies/:id/rules/examples/:exampleId/delete', { schema: { hide: true } }, async (req, reply) => {
    const id = idOf(req);
    const exampleId = parseInput(idParam, (req.params as { exampleId: string }).exampleId);
    await tx(req, (trx) => deleteExample(trx, actor(req), req.user, id, exampleId));
    return seeOther(reply, `/admin/policies/${id}/rules?done=ex_deleted#examples`);
  });

  // ---------------- API
  const api = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: idParam });
  const Expect = z.enum(EXPECTATIONS);
  const SampleOut = z.object({ enterpriseId: z.number(), name: z.string(), creditCode: z.string(), verdict: Expect, lines: z.array(z.object({ id: z.string(), verdict: z.enum(['met', 'not_met', 'unknown']), text: z.string(), decisive: z.boolean() })) });

  api.get(
    '/api/v1/policies/:id/rules',
    {
      schema: {
        tags: ['navigator'],
        summary: 'A policy’s eligibility rule: versions, the latest tree, worked examples and match counts (staff)',
        params,
        response: {
          200: z.object({
            versions: z.array(z.object({ id: z.number(), version: z.number(), effectiveFrom: z.string(), note: z.string(), createdAt: z.string(), inForce: z.boolean() })),
            current: z.object({ id: z.number(), version: z.number(), effectiveFrom: z.string(), tree: z.unknown() }).nullable(),
            examples: z.array(z.object({ id: z.number(), name: z.string(), referenceDate: z.string(), facts: z.record(z.string(), z.unknown()), expected: Expect, actual: Expect, pass: z.boolean() })),
            stored: z.object({ met: z.number(), near: z.number(), unknown: z.number(), referenceDate: z.string() }).nullable().describe('The stored matches under the rule in force; null before the policy is published and matched'),
          }),
        },
      },
    },
    async (req) => {
      const d = await ruleEditorData(db(), req.user, req.params.id);
      return { versions: d.versions, current: d.current ?? null, examples: d.examples, stored: d.stored ?? null };
    },
  );

  api.put(
    '/api/v1/policies/:id/rules',
    { schema: { tags: ['navigator'], summary: 'Saves a new version of a policy’s eligibility rule', params, body: z.object({ tree: z.unknown(), effectiveFrom: z.string(), note: z.string().max(1000).optional() }), response: { 200: z.object({ id: z.number() }) } } },
    async (req) => {
      const tree = parseInput(ConditionSchema, req.body.tree);
      const id = await tx(req, (trx) => saveRule(trx, actor(req), req.user, req.params.id, { tree, effectiveFrom: req.body.effectiveFrom, note: req.body.note }));
      return { id };
    },
  );

  api.post(
    '/api/v1/policies/:id/rules/preview',
    {
      schema: {
        tags: ['navigator'],
        summary: 'How many enterprises a rule would match, nearly match and leave undecided, with samples and who gains or loses',
        params,
        body: z.object({ tree: z.unknown(), referenceDate: z.string().regex(ISO).optional() }),
        response: { 200: z.object({ counts: z.object({ met: z.number(), near: z.number(), unknown: z.number(), notMet: z.number() }), samples: z.object({ met: z.array(SampleOut), near: z.array(SampleOut), unknown: z.array(SampleOut) }), gains: z.array(SampleOut), losses: z.array(SampleOut) }) },
      },
    },
    async (req) => {
      const tree = parseInput(ConditionSchema, req.body.tree);
      return previewRule(db(), req.user, req.params.id, tree, req.body.referenceDate ?? todayInChina(), req.locale);
    },
  );
}
