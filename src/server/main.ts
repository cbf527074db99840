import { serve } from '@hono/node-server';
import { DataDirLockedError } from '../core/db/lock.ts';
import { configFromEnv, createCore } from '../core/index.ts';

/** Starts the web app and API; resolves once listening, shuts down cleanly on SIGINT/SIGTERM. */
export async function startServer(options: { port?: number; host?: string } = {}): Promise<void> {
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const host = options.host ?? process.env.HOST ?? '0.0.0.0';
  let core: Awaited<ReturnType<typeof createCore>>;
  let createApp: typeof import('./app.ts').createApp;
  try {
    [core, { createApp }] = await Promise.all([createCore(configFromEnv()), import('./app.ts')]);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = createApp(core, { serveWeb: true, trustProxy: Boolean(process.env.LINCHPIN_TRUST_PROXY) });
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const where = core.database.driver === 'pglite' ? `data in ${configFromEnv().dataDir}` : 'PostgreSQL';
    console.log(`Linchpin is running on http://localhost:${info.port} (${where})`);
  });
  const stop = () => {
    server.close();
    core.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
