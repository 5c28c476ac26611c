import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { connect } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { isEmpty, loadDemoData } from './demo/demo.js';

/** Migrates, loads the demo data into an empty database (when enabled), builds the app and listens. */
export async function startServer(config: Config): Promise<FastifyInstance> {
  const db = connect(config.databaseUrl);
  await migrateToLatest(db);
  if (config.demoData && (await isEmpty(db))) {
    await loadDemoData(db);
  }
  const app = await buildApp(config, { db });
  app.addHook('onClose', async () => db.destroy());
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: db.dialect, url: config.publicUrl }, 'Gongkai portal is serving');

  // Graceful shutdown: stop taking connections, finish requests and jobs in hand, close the database.
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return app;
}
