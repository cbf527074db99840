import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, inject, it, vi } from 'vitest';
import { testApp, testWorld } from '../../test/app.ts';
import { apiClient, cookieFrom, jsonOf, signIn } from '../../test/factories.ts';
import { createScratchDatabase } from '../../test/postgres.ts';
import { isDatabaseUnavailable } from '../core/db/unavailable.ts';
import { type Core, createCore } from '../core/index.ts';
import { createApp } from './app.ts';
import { logUnavailable, UNAVAILABLE_LOG_EVERY_MS } from './errors.ts';

// A database that does not answer is a 503 `unavailable` on every request, in the error shape
// (health too, which also says {"status":"unavailable"}), never a 500, and quickly.

const SECRET = 'a-test-secret-of-the-instance-0123456789';
vi.stubEnv('LINCHPIN_AUTH_SECRET', SECRET);

/** A session cookie signed as better-auth signs it, so the session is looked up in the database. */
const sessionCookie = (token: string) =>
  `linchpin.session_token=${encodeURIComponent(`${token}.${createHmac('sha256', SECRET).update(token).digest('base64')}`)}`;
vi.stubEnv('LINCHPIN_DB_CONNECT_TIMEOUT_MS', '1000');
const toClose: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const close of toClose.splice(0)) await close().catch(() => {});
});
afterAll(() => vi.unstubAllEnvs());

/** A TCP port on this machine that nothing listens on (it was free a moment ago). */
async function deadPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** A server that takes connections and never says a word (a hung database, a black-holed network). */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

/** A core on a database URL without touching it first (createCore only reads the auth secret, from the env here). */
async function coreAt(databaseUrl: string): Promise<Core> {
  const core = await createCore({ databaseUrl, migrate: false });
  toClose.push(() => core.close());
  return core;
}

const elapsed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

/** Every kind of request a client makes: the answers must all be 503 `unavailable`. */
async function expectUnavailableEverywhere(core: Core) {
  const app = createApp(core);
  const health = await apiClient(app).get('/health');
  expect(health.status).toBe(503);
  expect(health.body).toMatchObject({ status: 'unavailable', error: { code: 'unavailable' } });
  expect(health.headers.get('retry-after')).toBe('5');
  const answers = await Promise.all([
    apiClient(app, 'lp_not-a-token-but-the-database-is-asked').get('/me'),
    apiClient(app).get('/me', { cookie: sessionCookie('a-session-token-of-32-characters') }),
    apiClient(app).get('/setup'),
    apiClient(app).post('/setup', {
      workspaceName: 'Acme',
      name: 'Ann',
      email: 'ann@acme.test',
      password: 'a fine long secret',
    }),
    (async () => jsonOf(await signIn(app, 'ann@acme.test', 'a fine long secret')))(),
  ]);
  for (const answer of answers) {
    expect(answer).toMatchObject({
      status: 503,
      body: { error: { code: 'unavailable', message: expect.any(String) } },
    });
  }
}

describe('health', () => {
  it('is 200 {status:"ok"} while the database answers', async () => {
    const { app, close } = await testApp();
    toClose.push(close);
    const res = await apiClient(app).get('/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});

describe('a database that does not answer', () => {
  it('where nothing listens: every request is a 503, health says unavailable', async () => {
    const core = await coreAt(`postgres://postgres@127.0.0.1:${await deadPort()}/linchpin`);
    const [, ms] = await elapsed(() => expectUnavailableEverywhere(core));
    expect(ms).toBeLessThan(5_000);
  });

  it('that takes the connection and never answers: 503 within the connect timeout, not a hung request', async () => {
    const silent = await silentServer();
    toClose.push(silent.close);
    const core = await coreAt(`postgres://postgres@127.0.0.1:${silent.port}/linchpin`);
    const [, ms] = await elapsed(() => expectUnavailableEverywhere(core));
    expect(ms).toBeLessThan(6_000);
  });

  it('once the core has closed its database (PGlite closed, or the pool ended): 503', async () => {
    const { app, core, ann } = await testWorld({ people: { ann: {} } });
    const cookie = cookieFrom((await signIn(app, ann.email, ann.password)).headers);
    await core.close();
    const health = await apiClient(app).get('/health');
    expect(health).toMatchObject({ status: 503, body: { status: 'unavailable' } });
    for (const answer of [
      await apiClient(app, ann.token).get('/me'),
      await apiClient(app).get('/me', { cookie }),
      await apiClient(app, ann.token).get('/activities'),
    ]) {
      expect(answer).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });
    }
  });
});

/** A TCP relay to PostgreSQL that can be cut and brought back on the same port, as a restart or failover would. */
async function relayTo(target: URL) {
  let server: Server | undefined;
  const sockets = new Set<Socket>();
  const port = await deadPort();
  const open = async () => {
    server = createServer((client) => {
      const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => {});
        socket.on('close', () => sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    }).listen(port, '127.0.0.1');
    await once(server, 'listening');
  };
  await open();
  return {
    port,
    open,
    async cut() {
      for (const socket of sockets) socket.destroy();
      server?.close();
      if (server) await once(server, 'close');
    },
  };
}

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL that goes away and comes back', () => {
  it('answers 503 while it is gone and recovers by itself', async () => {
    const base = process.env.TEST_DATABASE_URL ?? '';
    const scratch = await createScratchDatabase(base, {
      prefix: 'linchpin_test',
      template: inject('postgresTemplate'),
    });
    toClose.push(() => scratch.drop());
    const relay = await relayTo(new URL(scratch.url));
    toClose.push(() => relay.cut());
    const url = new URL(scratch.url);
    url.hostname = '127.0.0.1';
    url.port = String(relay.port);
    const core = await coreAt(url.toString());
    const app = createApp(core);
    expect((await apiClient(app).get('/health')).status).toBe(200);

    await relay.cut();
    await expectUnavailableEverywhere(core);

    await relay.open();
    expect((await apiClient(app).get('/health')).status).toBe(200);
    expect((await apiClient(app).get('/setup')).body).toEqual({ needed: true, sso: null });
  });

  it('ends a statement past its time limit, and that is a 503 too', async () => {
    vi.stubEnv('LINCHPIN_DB_STATEMENT_TIMEOUT_MS', '300');
    const core = await createTestCoreOnPostgres();
    const [setting] = (await core.db.execute('show statement_timeout')).rows as {
      statement_timeout: string;
    }[];
    expect(setting?.statement_timeout).toBe('300ms');
    const slow = await core.db.execute('select pg_sleep(2)').catch((error: unknown) => error);
    expect(isDatabaseUnavailable(slow)).toBe(true);
    vi.stubEnv('LINCHPIN_DB_STATEMENT_TIMEOUT_MS', '');
    const normal = await createTestCoreOnPostgres();
    const rows = (await normal.db.execute('show idle_in_transaction_session_timeout')).rows;
    expect(rows[0]).toEqual({ idle_in_transaction_session_timeout: '1min' });
    expect((await normal.db.execute('show statement_timeout')).rows[0]).toEqual({ statement_timeout: '30s' });
  });
});

async function createTestCoreOnPostgres(): Promise<Core> {
  const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL ?? '', {
    prefix: 'linchpin_test',
    template: inject('postgresTemplate'),
  });
  const core = await createCore({ databaseUrl: scratch.url, migrate: false });
  toClose.push(async () => {
    await core.close();
    await scratch.drop();
  });
  return core;
}

describe('which errors mean "the database does not answer"', () => {
  it('knows the drivers’ words and leaves other failures alone', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const wrapped = Object.assign(new Error('Failed query: select 1\nparams: '), {
      query: 'select 1',
      params: [],
      cause: refused,
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new AggregateError([refused], ''))).toBe(true);
    // A unique violation is a conflict; a query that quotes those words in its parameters is not an outage.
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    const quoting = Object.assign(new Error('Failed query: insert …\nparams: Connection terminated'), {
      query: 'insert …',
      params: ['Connection terminated'],
      cause: Object.assign(new Error('value too long'), { code: '22001' }),
    });
    expect(isDatabaseUnavailable(quoting)).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });

  it('pg really says so when nothing listens', async () => {
    const client = new pg.Client({ connectionString: `postgres://x@127.0.0.1:${await deadPort()}/x` });
    const error = await client.connect().catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });
});

describe('the log while the database is away', () => {
  it('says so at once, then one line per interval with how many more were answered 503', () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
    try {
      const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      // Far from any earlier test's line: the log's clock is the process's.
      const t = performance.now() + 10 * UNAVAILABLE_LOG_EVERY_MS;
      for (let i = 0; i < 1000; i++) logUnavailable('POST /api/activities', refused, t + i);
      // (Earlier tests' 503s may be counted in this first line.)
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^linchpin: database unavailable \(POST \/api\/activities\): ECONNREFUSED connect ECONNREFUSED 127\.0\.0\.1:1( \(and \d+ more answered 503 since the last line\))?$/,
      );
      logUnavailable('GET /api/reports/week', refused, t + UNAVAILABLE_LOG_EVERY_MS);
      expect(lines[1]).toBe(
        'linchpin: database unavailable (GET /api/reports/week): ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1 (and 999 more answered 503 since the last line)',
      );
      expect(lines).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
  });
});
