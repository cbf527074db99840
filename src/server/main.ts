import { serve } from '@hono/node-server';
import { announceBackups } from '../core/backup/announce.ts';
import { DataDirLockedError } from '../core/db/lock.ts';
import { type Core, configFromEnv, createCore } from '../core/index.ts';
import { SsoConfigError } from '../core/sso/config.ts';

/** Starts the web app and API; resolves once listening, shuts down cleanly on SIGINT/SIGTERM. */
export async function startServer(options: { port?: number; host?: string } = {}): Promise<void> {
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const host = options.host ?? process.env.HOST ?? '0.0.0.0';
  let core: Awaited<ReturnType<typeof createCore>>;
  let createApp: typeof import('./app.ts').createApp;
  try {
    [core, { createApp }] = await Promise.all([createCore(configFromEnv()), import('./app.ts')]);
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof SsoConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = createApp(core, { serveWeb: true, trustProxy: Boolean(process.env.LINCHPIN_TRUST_PROXY) });
  // On the embedded engine the CLI's backup asks this process (it holds the folder): tell it where.
  let withdrawBackups = () => {};
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const where = core.database.driver === 'pglite' ? `data in ${configFromEnv().dataDir}` : 'PostgreSQL';
    console.log(`Linchpin is running on http://localhost:${info.port} (${where})`);
    if (core.database.driver === 'pglite') {
      withdrawBackups = announceBackups(configFromEnv().dataDir ?? './data', host, info.port);
    }
  });
  const sync = scheduleSubscriptions(core);
  const rollover = schedulePlanRollover(core);
  // Not awaited: stopping must work from the first moment (a SIGTERM while the rhythm still loaded
  // ended the process with the database open, so the next start had to recover it).
  const rhythm = scheduleRhythm(core);
  const stop = () => {
    withdrawBackups();
    clearInterval(sync);
    clearInterval(rollover);
    // No new connections; requests in flight are answered before the database closes (a client
    // that holds an idle keep-alive connection is not waited for), and so is a mail in hand.
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    const patience = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_SECONDS * 1000).unref());
    Promise.all([Promise.race([drained, patience]), rhythm.then((stopRhythm) => stopRhythm())])
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** How long a stopping server waits for requests in flight (an import, a PDF) before it exits. */
const DRAIN_SECONDS = 30;

/**
 * Notifications, digests and the outbox (core/rhythm): every process runs it, each mail goes once.
 * Loaded after the server listens, like the other background steps, to keep the start short.
 */
async function scheduleRhythm(core: Core): Promise<() => Promise<void>> {
  const { startRhythm } = await import('../core/rhythm/scheduler.ts');
  return startRhythm(core);
}

// Often enough that an action left yesterday shows today's date in its history soon after midnight
// in any zone; until then GET /api/today shows it rolled over without writing.
const ROLLOVER_MINUTES = 15;

/** Rolls unfinished plan actions over to their person's today, in the background. */
function schedulePlanRollover(core: Core): NodeJS.Timeout {
  const tick = async () => {
    try {
      const { rollOverPlanItems } = await import('../core/plan/service.ts');
      await rollOverPlanItems(core.db);
    } catch (error) {
      console.error('plan rollover failed', error);
    }
  };
  void tick();
  return setInterval(tick, ROLLOVER_MINUTES * 60_000).unref();
}

/**
 * Fetches calendar subscriptions in the background: every `LINCHPIN_SYNC_MINUTES` (default 30)
 * each subscription not synced since then is fetched once, whichever server process claims it.
 */
function scheduleSubscriptions(core: Core): NodeJS.Timeout {
  const everyMinutes = Number(process.env.LINCHPIN_SYNC_MINUTES ?? 30);
  const tick = async () => {
    try {
      const { syncDueSubscriptions } = await import('../core/calendar/subscriptions.ts');
      const { synced, failed } = await syncDueSubscriptions(core.db, everyMinutes);
      if (synced + failed > 0) console.log(`calendar subscriptions: ${synced} synced, ${failed} failed`);
    } catch (error) {
      console.error('calendar subscriptions: sync failed', error);
    }
  };
  // Checks often, fetches only what is due; unref so the timer never keeps the process alive.
  return setInterval(tick, Math.min(everyMinutes, 5) * 60_000).unref();
}
