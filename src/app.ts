import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Redis } from 'ioredis';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { connect, type Db } from './db/connect.js';
import { installBodyParsers } from './http/body-parsers.js';
import { installErrorHandlers, schemaValidationError } from './http/error-handler.js';
import { requestContext } from './http/request-context.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { installMetrics } from './platform/metrics/metrics.js';
import { Worker, type JobHandler, type Schedule } from './platform/jobs/index.js';
import { purgeExpiredSessions } from './platform/sessions/index.js';
import { registerAccounts } from './modules/accounts/index.js';
import { registerDepartments } from './modules/departments/index.js';
import { registerPortal } from './modules/portal/index.js';
import { registerAdmin } from './modules/admin/index.js';
import { registerCalendar } from './modules/calendar/index.js';
import { registerPolicies } from './modules/policies/index.js';
import { registerInterpretations } from './modules/interpretations/index.js';
import { registerDialogues } from './modules/dialogues/index.js';
import { interpretationPlanJobs, registerInterpretationPlans } from './modules/interpretation-plans/index.js';
import { outboxJobs, registerOutbox } from './platform/outbox/index.js';
import { registerEnterprises } from './modules/enterprises/index.js';
import { navigatorJobs, registerNavigator } from './modules/navigator/index.js';
import { registerOpenDays } from './modules/open-days/index.js';
import { openDayRegistrationJobs, registerOpenDayRegistration } from './modules/open-day-registration/index.js';
import { registerOpenDaySuggestions } from './modules/open-day-suggestions/index.js';
import { registerServiceCatalogue } from './modules/service-catalogue/index.js';
import { registerServiceHalls } from './modules/service-halls/index.js';
import { serviceCasesJobs, registerServiceCases } from './modules/service-cases/index.js';
import { registerConsultations } from './modules/consultations/index.js';
import { registerExpropriation } from './modules/expropriation/index.js';
import { disclosureRequestsJobs, registerDisclosureRequests } from './modules/disclosure-requests/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Options for building an app: tests pass an open database and their own job handlers. */
export interface BuildOptions {
  db?: Db;
  extraJobHandlers?: Record<string, JobHandler>;
}

/**
 * Builds the whole application without listening: plugins, modules, workers. The caller listens
 * (server.ts) or injects requests (tests). Closing the app stops workers and closes the database.
 */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    schemaErrorFormatter: schemaValidationError,
  });
  const db = opts.db ?? connect(config.databaseUrl);
  const ownsDb = opts.db === undefined;
  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('nav', []);
  app.decorate('adminLinks', []);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    done();
  });

  await app.register(cookie);
  installSecurityHeaders(app);
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : undefined;
  // Rate limits apply per route (login, registration, writes); with Redis every instance shares the counts.
  await app.register(rateLimit, { global: false, redis, nameSpace: config.rateLimitNamespace, skipOnError: false });
  installBodyParsers(app);
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 5, fields: 30, fieldSize: 100_000 } });
  await app.register(fastifyStatic, { root: path.join(here, '..', 'public'), prefix: '/static/', maxAge: '1h' });

  await app.register(swagger, {
    openapi: {
      info: { title: 'Gongkai API', description: 'Gongkai (公开) government openness portal: JSON API', version: '1' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /api/v1/auth/login' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'gk_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installMetrics(app, { processMetrics: config.processMetrics });
  await app.register(requestContext);
  installErrorHandlers(app);

  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await db.kysely.selectFrom('setting').select('key').limit(1).execute();
      return { status: 'ok', database: db.dialect };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: db.dialect });
    }
  });

  const handlers: Record<string, JobHandler> = {
    'sessions.purge': async () => {
      await purgeExpiredSessions(db.kysely);
    },
    ...opts.extraJobHandlers,
  };
  const schedules: Schedule[] = [{ queue: 'sessions.purge', everyMs: 3600_000 }];
  const planJobs = interpretationPlanJobs({ db: db.kysely, config, log: app.log });
  Object.assign(handlers, planJobs.handlers);
  schedules.push(...planJobs.schedules);
  const matchJobs = navigatorJobs({ db: db.kysely, log: app.log });
  Object.assign(handlers, matchJobs.handlers);
  schedules.push(...matchJobs.schedules);
  const deliveryJobs = outboxJobs({ db: db.kysely, config, log: app.log });
  Object.assign(handlers, deliveryJobs.handlers);
  schedules.push(...deliveryJobs.schedules);
  const noShowJobs = openDayRegistrationJobs({ db: db.kysely, log: app.log });
  Object.assign(handlers, noShowJobs.handlers);
  schedules.push(...noShowJobs.schedules);
  const serviceCasesJobSet = serviceCasesJobs({ db: db.kysely, config, log: app.log });
  Object.assign(handlers, serviceCasesJobSet.handlers);
  schedules.push(...serviceCasesJobSet.schedules);
  const disclosureRequestsJobSet = disclosureRequestsJobs({ db: db.kysely, config, log: app.log });
  Object.assign(handlers, disclosureRequestsJobSet.handlers);
  schedules.push(...disclosureRequestsJobSet.schedules);

  await registerAccounts(app);
  await registerDepartments(app);
  await registerPortal(app);
  await registerAdmin(app);
  await registerCalendar(app);
  await registerPolicies(app);
  await registerInterpretations(app);
  await registerDialogues(app);
  await registerInterpretationPlans(app);
  await registerOutbox(app);
  await registerEnterprises(app);
  await registerNavigator(app);
  await registerOpenDays(app);
  await registerOpenDayRegistration(app);
  await registerOpenDaySuggestions(app);
  await registerServiceCatalogue(app);
  await registerServiceHalls(app);
  await registerServiceCases(app);
  await registerConsultations(app);
  await registerExpropriation(app);
  await registerDisclosureRequests(app);
  app.nav.sort((a, b) => a.order - b.order);
  app.adminLinks.sort((a, b) => a.order - b.order);

  const worker = new Worker(db.kysely, handlers, app.log, { pollMs: 1000, batch: 10, schedules });
  app.decorate('worker', worker);
  if (config.workers) {
    app.addHook('onReady', async () => worker.start());
  }
  app.addHook('onClose', async () => {
    await worker.stop();
    if (redis) {
      redis.disconnect();
    }
    if (ownsDb) {
      await db.destroy();
    }
  });
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    worker: Worker;
  }
}
