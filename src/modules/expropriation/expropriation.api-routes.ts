import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actor, tx } from '../../http/route-helpers.js';
import { idParam } from '../../http/schema-helpers.js';
import { findDepartmentById } from '../departments/index.js';
import * as agency from './expropriation.agency.js';
import * as agencyService from './expropriation.agency.service.js';
import { StaffHouseholdSchema } from './expropriation.api-schema.js';
import { ItemSchema, ProjectEditSchema } from './expropriation.edit-schema.js';
import * as edit from './expropriation.edit.service.js';
import * as hh from './expropriation.households.service.js';
import { AgencyCaseSchema, AgencyStepSchema, CorrectionSchema, EventSchema, ProjectSchema, PublishItemSchema } from './expropriation.schema.js';
import * as service from './expropriation.service.js';

// The staff JSON API: every write authorises on the service's first line and is audited.

const Params = z.object({ id: idParam });
const HouseholdParams = z.object({ id: idParam, hid: idParam });
const Problem = z.object({ field: z.string(), key: z.string() });

/** Staff endpoints of /api/v1/expropriation. */
export async function expropriationApiRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.db.kysely;

  api.post(
    '/api/v1/expropriation/projects',
    { schema: { tags: ['expropriation'], summary: 'Create a project with the default "4 + 10 + 7" directory (staff of its department)', body: ProjectSchema, response: { 201: z.object({ id: z.number() }) } } },
    async (req, reply) => {
      const id = await tx(req, async (trx) => service.createProject(trx, req.user, actor(req), req.body, (await findDepartmentById(trx, req.body.departmentId))?.nameZh ?? ''));
      return reply.status(201).send({ id });
    },
  );

  api.post(
    '/api/v1/expropriation/projects/:id/events',
    { schema: { tags: ['expropriation'], summary: 'Record a key date; the directory rows it triggers fall due 20 working days later', params: Params, body: EventSchema, response: { 201: z.object({ id: z.number() }) } } },
    async (req, reply) => reply.status(201).send({ id: await tx(req, (trx) => service.recordEvent(trx, req.user, actor(req), req.params.id, req.body)) }),
  );

  const ItemParams = z.object({ id: idParam, seq: idParam });
  api.put(
    '/api/v1/expropriation/projects/:id/items/:seq/publication',
    { schema: { tags: ['expropriation'], summary: 'Mark a directory row published (date and link)', params: ItemParams, body: PublishItemSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await tx(req, (trx) => service.publishItem(trx, req.user, actor(req), req.params.id, req.params.seq, req.body));
      return reply.status(204).send(null);
    },
  );

  api.put(
    '/api/v1/expropriation/projects/:id',
    { schema: { tags: ['expropriation'], summary: 'Edit a project\'s own fields (name, decision number, summary, centre and radius, valuer days, comment period)', params: Params, body: ProjectEditSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await tx(req, (trx) => edit.editProject(trx, req.user, actor(req), req.params.id, req.body));
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/v1/expropriation/projects/:id/items',
    { schema: { tags: ['expropriation'], summary: 'Add a row at the end of the disclosure directory', params: Params, body: ItemSchema, response: { 201: z.object({ seq: z.number() }) } } },
    async (req, reply) => reply.status(201).send({ seq: await tx(req, (trx) => edit.addItem(trx, req.user, actor(req), req.params.id, req.body)) }),
  );

  api.put(
    '/api/v1/expropriation/projects/:id/items/:seq',
    { schema: { tags: ['expropriation'], summary: 'Change a directory row\'s text and settings (items, content, basis, time limit, body, channels, audience, mode, phase, starting event); its publication stays', params: ItemParams, body: ItemSchema, response: { 204: z.null() } } },
    async (req, reply) => {
      await tx(req, (trx) => edit.editItem(trx, req.user, actor(req), req.params.id, req.params.seq, req.body));
      return reply.status(204).send(null);
    },
  );

  api.delete(
    '/api/v1/expropriation/projects/:id/items/:seq',
    { schema: { tags: ['expropriation'], summary: 'Remove a directory row not yet published (409 for a published one)', params: ItemParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await tx(req, (trx) => edit.removeItem(trx, req.user, actor(req), req.params.id, req.params.seq));
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/v1/expropriation/projects/:id/households',
    {
      schema: {
        tags: ['expropriation'],
        summary: 'Import households all-or-nothing; 201 with each new household\'s access code (shown only here), 400 with the per-row report when any row is bad',
        params: Params,
        body: z.strictObject({ rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))).min(1).max(20_000) }),
        response: {
          201: z.object({ created: z.number(), codes: z.array(z.object({ number: z.string(), code: z.string() })) }),
          400: z.object({ rows: z.array(z.object({ line: z.number(), number: z.string(), problems: z.array(Problem) })) }),
        },
      },
    },
    async (req, reply) => {
      const source = req.body.rows.map((r, i) => ({ line: i + 1, values: Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])) }));
      const r = await tx(req, (trx) => hh.importHouseholds(trx, req.user, actor(req), req.params.id, source));
      return r.ok ? reply.status(201).send({ created: r.created, codes: r.codes }) : reply.status(400).send({ rows: r.rows.map((x) => ({ ...x, problems: x.problems.map((p) => ({ field: p.field, key: p.key })) })) });
    },
  );

  api.get(
    '/api/v1/expropriation/projects/:id/households/:hid/staff',
    { schema: { tags: ['expropriation'], summary: 'A household\'s full record with its ID number (staff of the project\'s department)', params: HouseholdParams, response: { 200: StaffHouseholdSchema } } },
    async (req) => (await hh.staffHousehold(db(), req.user, req.params.id, req.params.hid)).household,
  );

  api.put(
    '/api/v1/expropriation/projects/:id/households/:hid',
    { schema: { tags: ['expropriation'], summary: 'Correct a household: the previous version is kept, the change audited, the public record shows 更正于; 409 when the version is stale', params: HouseholdParams, body: CorrectionSchema, response: { 200: StaffHouseholdSchema } } },
    async (req) => {
      await tx(req, (trx) => hh.correctHousehold(trx, req.user, actor(req), req.params.id, req.params.hid, req.body));
      return (await hh.staffHousehold(db(), req.user, req.params.id, req.params.hid)).household;
    },
  );

  api.get(
    '/api/v1/expropriation/projects/:id/agency',
    {
      schema: {
        tags: ['expropriation'],
        summary: 'Agency-service (代办) report of a project: working days to completion (median, average) against the old 5, home visits, call-back satisfaction',
        params: Params,
        response: { 200: z.object({ cases: z.number(), completed: z.number(), medianDays: z.number(), averageDays: z.number(), oldDays: z.number(), oldDepartments: z.number(), specialGroups: z.number(), homeVisits: z.number(), callbacks: z.number(), satisfactionAverage: z.number(), satisfied: z.number(), byLevel: z.array(z.object({ level: z.number(), n: z.number() })) }) },
      },
    },
    async (req) => (await agency.agencyReport(db(), req.user, req.params.id)).summary,
  );

  const CaseParams = z.object({ id: idParam, caseId: idParam });
  const CaseSchema = z.object({
    id: z.number(),
    householdId: z.number(),
    householdNumber: z.string(),
    submittedOn: z.string(),
    completedOn: z.string().nullable(),
    specialGroup: z.string().nullable(),
    homeVisitOn: z.string().nullable(),
    satisfaction: z.number().nullable(),
    callbackOn: z.string().nullable(),
    callbackNote: z.string(),
    documents: z.array(z.object({ id: z.number(), kind: z.string(), department: z.string(), requestedOn: z.string(), receivedOn: z.string().nullable() })),
  });
  const presentCase = (c: Awaited<ReturnType<typeof agencyService.agencyCase>>) => ({
    id: c.id, householdId: c.householdId, householdNumber: c.householdNumber, submittedOn: c.submittedOn, completedOn: c.completedOn, specialGroup: c.specialGroup, homeVisitOn: c.homeVisitOn,
    satisfaction: c.satisfaction, callbackOn: c.callbackOn, callbackNote: c.callbackNote,
    documents: c.documents.map((d) => ({ id: d.id, kind: d.kind, department: d.department, requestedOn: d.requestedOn, receivedOn: d.receivedOn })),
  });

  api.post(
    '/api/v1/expropriation/projects/:id/agency-cases',
    { schema: { tags: ['expropriation'], summary: 'Open an agency-service (代办) case: the household hands in one set of materials; the listed documents are requested from their departments', params: Params, body: AgencyCaseSchema, response: { 201: CaseSchema } } },
    async (req, reply) => {
      const id = await tx(req, (trx) => agencyService.openAgencyCase(trx, req.user, actor(req), req.params.id, req.body));
      return reply.status(201).send(presentCase(await agencyService.agencyCase(db(), req.user, req.params.id, id)));
    },
  );

  api.get(
    '/api/v1/expropriation/projects/:id/agency-cases/:caseId',
    { schema: { tags: ['expropriation'], summary: 'An agency case with its documents and steps', params: CaseParams, response: { 200: CaseSchema } } },
    async (req) => presentCase(await agencyService.agencyCase(db(), req.user, req.params.id, req.params.caseId)),
  );

  api.post(
    '/api/v1/expropriation/projects/:id/agency-cases/:caseId/steps',
    { schema: { tags: ['expropriation'], summary: 'Record a step: a document received, a home visit (special groups), completion (all documents in), or the call-back (after completion, satisfaction 1–5)', params: CaseParams, body: AgencyStepSchema, response: { 200: CaseSchema } } },
    async (req) => {
      await tx(req, (trx) => agencyService.recordAgencyStep(trx, req.user, actor(req), req.params.id, req.params.caseId, req.body));
      return presentCase(await agencyService.agencyCase(db(), req.user, req.params.id, req.params.caseId));
    },
  );
}
