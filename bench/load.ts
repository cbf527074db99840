// `npm run bench -- load`: Linchpin under a team's load. A seeded workspace (5 years of history per
// person) is served by real server processes and driven by autocannon with the mixed workload of
// load-workload.ts; printed per endpoint: its time alone (no load), throughput, p50, p99, max,
// errors, and the ratio to /api/health measured just before on the same setup. Setups: (a) one process on PGlite, (b) one on
// PostgreSQL, (c) one and (d) two processes on one PostgreSQL behind a round-robin proxy (so the
// scale-out compares like with like). The load generator shares this 2-core machine.
// LOAD_SECONDS (60), LOAD_CONNECTIONS (200 on PostgreSQL), LOAD_PGLITE_CONNECTIONS (50).
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { freePort, type RunningServer, repoRoot, startServer } from '../e2e/server.ts';
import { type Core, createCore } from '../src/core/index.ts';
import { createScratchDatabase } from '../test/postgres.ts';
import {
  type LoadPerson,
  type LoadRequest,
  leaderSession,
  loadPeople,
  personSession,
} from './load-workload.ts';
import { benchDatabaseUrl, median, percentile, printTable } from './stats.ts';
import { type Loader, PGLITE_SHAPE, pgliteLoader, postgresLoader, type Shape, seed } from './team-data.ts';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PG_CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 200);
const PGLITE_CONNECTIONS = Number(process.env.LOAD_PGLITE_CONNECTIONS ?? 50);
/** A tenth of the connections play the leader on the team page. */
const LEADER_SHARE = 0.1;
const LOAD_POSTGRES_SHAPE: Shape = { label: 'PostgreSQL', people: 60, team: 20, chunkDays: 92 };

interface Endpoint {
  latencies: number[];
  errors: number;
}

interface Outcome {
  seconds: number;
  endpoints: Map<string, Endpoint>;
  /** Socket errors, timeouts and 5xx, by kind. */
  failures: Map<string, number>;
}

/** The seeded people who play the workload, and their leader. */
interface Team {
  people: LoadPerson[];
  leader: LoadPerson;
}

interface Target {
  url: string;
  pids: number[];
}

/** One autocannon instance playing `session` for `people`, a new person (and turn) each loop. */
function drive(
  url: string,
  connections: number,
  seconds: number,
  people: LoadPerson[],
  session: LoadRequest[],
  outcome: Outcome,
) {
  let nextPerson = 0;
  const requests: autocannon.Request[] = session.map((step) => ({
    name: step.name,
    method: step.method,
    setupRequest: (request: autocannon.Request, context: object) => {
      const state = context as { person?: LoadPerson; turn?: number };
      state.person ??= people[nextPerson++ % people.length] as LoadPerson;
      state.turn ??= nextPerson;
      const { person, turn } = state as Required<typeof state>;
      return {
        ...request,
        path: step.path(person, turn),
        headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
        body: step.body ? JSON.stringify(step.body(person, turn)) : undefined,
      };
    },
  }));
  return new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, timeout: 10, requests },
      (error, result) => {
        if (error) return reject(error);
        if (result.timeouts)
          outcome.failures.set('timeout', (outcome.failures.get('timeout') ?? 0) + result.timeouts);
        resolve();
      },
    );
    instance.on('response', (client, status, _bytes, responseTime) => {
      // While the answer is read, the client's current request is the one it answers.
      const { name } = (client as unknown as { requestIterator: { currentRequest: { name: string } } })
        .requestIterator.currentRequest;
      const endpoint = outcome.endpoints.get(name) ?? { latencies: [], errors: 0 };
      endpoint.latencies.push(responseTime);
      if (status >= 400) endpoint.errors += 1;
      if (status >= 500) outcome.failures.set(`${status}`, (outcome.failures.get(`${status}`) ?? 0) + 1);
      outcome.endpoints.set(name, endpoint);
    });
    instance.on('reqError', (error) => {
      const kind = (error as NodeJS.ErrnoException).code ?? error.message;
      outcome.failures.set(kind, (outcome.failures.get(kind) ?? 0) + 1);
    });
  });
}

async function health(url: string, connections: number, seconds: number) {
  const result = await autocannon({ url: `${url}/api/health`, connections, duration: seconds });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

/**
 * Each endpoint of the workload alone: every step once per person, one request at a time (median).
 * Beside the loaded figures it tells an endpoint's own cost from its wait in the queue.
 */
async function alone(url: string, team: Team): Promise<Map<string, number>> {
  const times = new Map<string, number[]>();
  const play = async (session: LoadRequest[], person: LoadPerson) => {
    for (const [turn, step] of session.entries()) {
      const started = performance.now();
      const response = await fetch(url + step.path(person, turn), {
        method: step.method,
        headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
        body: step.body ? JSON.stringify(step.body(person, turn)) : undefined,
      });
      await response.arrayBuffer();
      times.set(step.name, [...(times.get(step.name) ?? []), performance.now() - started]);
    }
  };
  for (const person of team.people.slice(0, 5)) await play(personSession, person);
  await play(leaderSession, team.leader);
  return new Map([...times].map(([name, values]) => [name, median(values)]));
}

async function mixed(
  url: string,
  connections: number,
  seconds: number,
  people: LoadPerson[],
  leader: LoadPerson,
) {
  const outcome: Outcome = { seconds, endpoints: new Map(), failures: new Map() };
  const leaders = Math.max(1, Math.round(connections * LEADER_SHARE));
  await Promise.all([
    drive(url, connections - leaders, seconds, people, personSession, outcome),
    drive(url, leaders, seconds, [leader], leaderSession, outcome),
  ]);
  return outcome;
}

const rssMiB = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return `${field('VmRSS').toFixed(0)} (peak ${field('VmHWM').toFixed(0)})`;
};

async function measure(label: string, target: Target, connections: number, team: Team) {
  const { people, leader } = team;
  // A short warm-up, then /api/health alone, then the mixed workload.
  await mixed(target.url, Math.min(connections, 20), 3, people, leader);
  const single = await alone(target.url, team);
  const base = await health(target.url, connections, Math.max(5, Math.round(SECONDS / 4)));
  const outcome = await mixed(target.url, connections, SECONDS, people, leader);
  /** Throughput, p50, p99, max, errors and p99 against health's; dashes where nothing was answered. */
  const figures = (latencies: number[], errors: number) =>
    latencies.length === 0
      ? ['0', '—', '—', '—', errors, '—']
      : [
          (latencies.length / outcome.seconds).toFixed(1),
          percentile(latencies, 50).toFixed(0),
          percentile(latencies, 99).toFixed(0),
          Math.max(...latencies).toFixed(0),
          errors,
          (percentile(latencies, 99) / Math.max(1, base.p99)).toFixed(1),
        ];
  // Every step of the workload, also one the load did not reach in time.
  const names = [...new Set([...single.keys(), ...outcome.endpoints.keys()])].sort();
  const rows = names.map((name) => {
    const { latencies, errors } = outcome.endpoints.get(name) ?? { latencies: [], errors: 0 };
    return [name, (single.get(name) ?? 0).toFixed(0), ...figures(latencies, errors)];
  });
  const all = [...outcome.endpoints.values()].flatMap((e) => e.latencies);
  const total = all.length / outcome.seconds;
  const allErrors = [...outcome.endpoints.values()].reduce((n, e) => n + e.errors, 0);
  rows.push(['all requests', '', ...figures(all, allErrors)]);
  printTable(
    `${label}: ${connections} connections × ${SECONDS} s, ${people.length} people and a leader`,
    ['endpoint', 'alone ms', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'p99 / health p99'],
    rows,
  );
  const failures = [...outcome.failures.entries()].map(([kind, n]) => `${kind} ${n}`).join(', ');
  console.log(
    `/api/health alone: ${base.rps.toFixed(0)} req/s, p99 ${base.p99} ms (${base.errors} errors); ` +
      `mixed throughput ${(total / base.rps).toFixed(2)}× health; failures: ${failures || 'none'}; ` +
      `RSS MiB after: ${target.pids.map(rssMiB).join(', ')}`,
  );
  return total;
}

async function seeded(core: Core, shape: Shape, loader: Loader) {
  const data = await seed(core, shape, loader);
  await loader.close();
  const people = await loadPeople(
    core,
    data.team.map((p) => p.id),
  );
  // Person 2 is a sub-leader reporting to the measured leader (team-data.ts).
  const [{ leader_id: leaderId } = { leader_id: '' }] = (
    await core.db.execute<{ leader_id: string }>(sql`select leader_id from users where id = 'bench-u-2'`)
  ).rows;
  const [leader] = await loadPeople(core, [leaderId]);
  return { people, leader: leader as LoadPerson, activities: data.activities };
}

async function startProxy(upstreams: string[]) {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/run-ts.mjs', 'bench/proxy.ts', String(port), ...upstreams], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) =>
    child.stdout?.on('data', (chunk) => String(chunk).includes('listening') && resolve()),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill();
      await once(child, 'exit');
    },
  };
}

const pidOf = (server: RunningServer) => server.process.pid ?? 0;
/** What the load is sent to (a server, or the proxy) and the server processes behind it. */
const targetOf = (url: string, ...servers: RunningServer[]): Target => ({ url, pids: servers.map(pidOf) });

export async function run() {
  execFileSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], {
    cwd: repoRoot,
    stdio: 'ignore',
  });

  // (a) PGlite: seeded in-process into a data folder, then served by one process.
  const dataDir = mkdtempSync(join(tmpdir(), 'linchpin-load-'));
  const embedded = await createCore({ dataDir });
  const lite = await seeded(embedded, PGLITE_SHAPE, await pgliteLoader(embedded));
  await embedded.close();
  console.log(`PGlite: ${lite.activities.toLocaleString('en')} activities`);
  const liteServer = await startServer({ LINCHPIN_DATA_DIR: dataDir });
  try {
    await measure('PGlite, 1 process', targetOf(liteServer.url, liteServer), PGLITE_CONNECTIONS, lite);
  } finally {
    await liteServer.stop();
  }

  const url = benchDatabaseUrl();
  if (!url) {
    console.log('(set TEST_DATABASE_URL or BENCH_DATABASE_URL to measure PostgreSQL too)');
    return;
  }
  const scratch = await createScratchDatabase(url, { prefix: 'linchpin_load' });
  try {
    const core = await createCore({ databaseUrl: scratch.url });
    const pgData = await seeded(core, LOAD_POSTGRES_SHAPE, await postgresLoader(scratch.url, 2));
    await core.close();
    console.log(`PostgreSQL: ${pgData.activities.toLocaleString('en')} activities`);
    const servers = [
      await startServer({ DATABASE_URL: scratch.url }),
      await startServer({ DATABASE_URL: scratch.url }),
    ];
    try {
      const [first, second] = servers as [RunningServer, RunningServer];
      await measure('PostgreSQL, 1 process', targetOf(first.url, first), PG_CONNECTIONS, pgData);
      const one = await startProxy([first.url]);
      const single = await measure(
        'PostgreSQL, 1 process behind the proxy',
        targetOf(one.url, first),
        PG_CONNECTIONS,
        pgData,
      ).finally(one.stop);
      const two = await startProxy([first.url, second.url]);
      const double = await measure(
        'PostgreSQL, 2 processes behind the proxy',
        targetOf(two.url, first, second),
        PG_CONNECTIONS,
        pgData,
      ).finally(two.stop);
      console.log(
        `\nScale-out: 2 processes give ${(double / single).toFixed(2)}× the throughput of 1 (both behind the proxy; goal ≥ 1.6)`,
      );
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  } finally {
    await scratch.drop();
  }
}
