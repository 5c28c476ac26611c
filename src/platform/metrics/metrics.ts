import type { FastifyInstance } from 'fastify';
import client from 'prom-client';

/** Prometheus metrics for one app: request counts and durations by route, plus process metrics. */
export function installMetrics(app: FastifyInstance, opts: { processMetrics: boolean }): client.Registry {
  // One registry per app so that tests can build several apps in one process.
  const registry = new client.Registry();
  if (opts.processMetrics) {
    client.collectDefaultMetrics({ register: registry, prefix: 'gongkai_' });
  }
  const duration = new client.Histogram({
    name: 'gongkai_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', (req, reply, done) => {
    // The route pattern, not the URL, keeps the label set small.
    const route = req.routeOptions.url ?? 'unmatched';
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    done();
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
}
