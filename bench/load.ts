// `npm run bench -- load`: Linchpin under a team's load. A seeded workspace (5 years of history per
// person) is served by real server processes. On each setup the bench measures:
// - each endpoint alone (no load), and /api/health alone;
// - capacity: autocannon keeps N connections busy back to back with the sessions of
//   load-workload.ts (each connection starting at another step), for the most the setup can answer;
// - a team: N people with think time (load-people.ts), each opening a page, reading it, opening the
//   next; per endpoint throughput, p50, p99, max and errors, the goals' scenario.
// Setups: (a) one process on PGlite, (b) one on PostgreSQL, (c) one and (d) two processes on one
// PostgreSQL behind a round-robin proxy (so scale-out compares like with like). The load generator
// shares this 2-core machine; the share of its CPU that was busy is printed beside each capacity.
// LOAD_SECONDS (60, the team), LOAD_CAPACITY_SECONDS (20), LOAD_PEOPLE (200 on PostgreSQL),
// LOAD_PGLITE_PEOPLE (50), LOAD_THINK_SECONDS (10, the mean pause between a person's pages).
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
  countFailure,
  newOutcome,
  type Outcome,
  type Player,
  playPeople,
  recordAnswer,
  requestOf,
  TIMEOUT_MS,
  withCpuBusy,
} from './load-people.ts';
import {
  type LoadPerson,
  type LoadRequest,
  leaderPages,
  leaderSession,
  loadPeople,
  personPages,
  personSession,
} from './load-workload.ts';
import { benchDatabaseUrl, median, percentile, printTable } from './stats.ts';
import { type Loader, PGLITE_SHAPE, pgliteLoader, postgresLoader, type Shape, seed } from './team-data.ts';

const setting = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SECONDS = setting('LOAD_SECONDS', 60);
const CAPACITY_SECONDS = setting('LOAD_CAPACITY_SECONDS', 20);
const PG_PEOPLE = setting('LOAD_PEOPLE', 200);
const PGLITE_PEOPLE = setting('LOAD_PGLITE_PEOPLE', 50);
const THINK_MS = setting('LOAD_THINK_SECONDS', 10) * 1000;
/** A tenth of the people (or connections) play the leader on the team page. */
const LEADER_SHARE = 0.1;
const LOAD_POSTGRES_SHAPE: Shape = { label: 'PostgreSQL', people: 60, team: 20, chunkDays: 92 };

/** The seeded people who play the workload, and their leader. */
interface Team {
  people: LoadPerson[];
  leader: LoadPerson;
}

interface Target {
  url: string;
  pids: number[];
}

/** One autocannon instance playing `session` for `people` back to back, a new person (and turn) each round. */
function drive(
  url: string,
  connections: number,
  seconds: number,
  people: LoadPerson[],
  session: LoadRequest[],
  outcome: Outcome,
) {
  let nextPerson = 0;
  interface Round {
    person?: LoadPerson;
    turn?: number;
    offset?: number;
    step?: LoadRequest;
  }
  const requests: autocannon.Request[] = session.map((_, index) => ({
    setupRequest: (request: autocannon.Request, context: object) => {
      const round = context as Round;
      round.person ??= people[nextPerson++ % people.length] as LoadPerson;
      round.turn ??= nextPerson;
      // Each connection starts its round at another step, so a step's requests do not arrive together.
      round.offset ??= Math.floor(Math.random() * session.length);
      round.step = session[(index + round.offset) % session.length] as LoadRequest;
      return { ...request, ...requestOf(round.step, round.person, round.turn) };
    },
  }));
  return new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, timeout: TIMEOUT_MS / 1000, requests },
      (error, result) => {
        if (error) return reject(error);
        if (result.timeouts) countFailure(outcome, 'timeout', result.timeouts);
        resolve();
      },
    );
    instance.on('response', (client, status, _bytes, responseTime) => {
      // While the answer is read, the client's round names the step it answers.
      const { context } = (client as unknown as { requestIterator: { context: Round } }).requestIterator;
      recordAnswer(outcome, context.step?.name ?? '?', responseTime, status);
    });
    instance.on('reqError', (error) => {
      countFailure(outcome, (error as NodeJS.ErrnoException).code ?? error.message);
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

/** Capacity: `connections` back to back, a tenth of them as the leader. */
async function capacity(url: string, connections: number, seconds: number, team: Team) {
  const outcome = newOutcome(seconds);
  const leaders = Math.max(1, Math.round(connections * LEADER_SHARE));
  await Promise.all([
    drive(url, connections - leaders, seconds, team.people, personSession, outcome),
    drive(url, leaders, seconds, [team.leader], leaderSession, outcome),
  ]);
  return outcome;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));

/** `count` people with think time, a tenth of them as the leader. */
function teamOf(team: Team, count: number): Player[] {
  const leaders = Math.max(1, Math.round(count * LEADER_SHARE));
  return Array.from({ length: count }, (_, i) =>
    i < leaders
      ? { person: team.leader, pages: leaderPages }
      : { person: team.people[i % team.people.length] as LoadPerson, pages: personPages },
  );
}

const rssMiB = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return `${field('VmRSS').toFixed(0)} (peak ${field('VmHWM').toFixed(0)})`;
};

const allLatencies = (outcome: Outcome) => [...outcome.endpoints.values()].flatMap((e) => e.latencies);
const allErrors = (outcome: Outcome) => [...outcome.endpoints.values()].reduce((n, e) => n + e.errors, 0);
const failuresOf = (outcome: Outcome) =>
  [...outcome.failures.entries()].map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none';

async function measure(label: string, target: Target, count: number, team: Team) {
  // A short warm-up, each endpoint alone, /api/health alone, the team, then the capacity. Each
  // phase starts once the server has answered what the last one left queued (autocannon stops
  // with every connection's request in flight: 200 of them are half a second of work).
  await capacity(target.url, Math.min(count, 20), 3, team);
  const single = await alone(target.url, team);
  const base = await health(target.url, count, Math.max(5, Math.round(CAPACITY_SECONDS / 2)));
  await settle();
  const outcome = await playPeople(target.url, teamOf(team, count), SECONDS, THINK_MS);
  await settle();
  const full = await withCpuBusy(() => capacity(target.url, count, CAPACITY_SECONDS, team));
  await settle();
  /** Throughput, p50, p99, max and errors; dashes where nothing was answered. */
  const figures = (latencies: number[], errors: number) =>
    latencies.length === 0
      ? ['0', '—', '—', '—', errors]
      : [
          (latencies.length / outcome.seconds).toFixed(1),
          percentile(latencies, 50).toFixed(0),
          percentile(latencies, 99).toFixed(0),
          Math.max(...latencies).toFixed(0),
          errors,
        ];
  // Every step of the workload, also one the load did not reach in time.
  const names = [...new Set([...single.keys(), ...outcome.endpoints.keys()])].sort();
  const rows = names.map((name) => {
    const { latencies, errors } = outcome.endpoints.get(name) ?? { latencies: [], errors: 0 };
    return [name, (single.get(name) ?? 0).toFixed(0), ...figures(latencies, errors)];
  });
  rows.push(['all requests', '', ...figures(allLatencies(outcome), allErrors(outcome))]);
  printTable(
    `${label}: ${count} people (${Math.round(count * LEADER_SHARE)} leaders), a page every ~${THINK_MS / 1000} s each, ${SECONDS} s; ${team.people.length} people's data`,
    ['endpoint', 'alone ms', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors'],
    rows,
  );
  const loaded = allLatencies(full.result);
  const throughput = loaded.length / CAPACITY_SECONDS;
  console.log(
    `team failures: ${failuresOf(outcome)}; RSS MiB after: ${target.pids.map(rssMiB).join(', ')}\n` +
      `capacity, ${count} connections back to back for ${CAPACITY_SECONDS} s: ${throughput.toFixed(0)} req/s ` +
      `(${(throughput / base.rps).toFixed(3)}× /api/health alone: ${base.rps.toFixed(0)} req/s), ` +
      `p50 ${percentile(loaded, 50).toFixed(0)} ms, p99 ${percentile(loaded, 99).toFixed(0)} ms, ` +
      `${allErrors(full.result)} errors, failures: ${failuresOf(full.result)}; machine CPU busy ${(full.busy * 100).toFixed(0)} %`,
  );
  return throughput;
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
    await measure('PGlite, 1 process', targetOf(liteServer.url, liteServer), PGLITE_PEOPLE, lite);
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
      await measure('PostgreSQL, 1 process', targetOf(first.url, first), PG_PEOPLE, pgData);
      const one = await startProxy([first.url]);
      const single = await measure(
        'PostgreSQL, 1 process behind the proxy',
        targetOf(one.url, first),
        PG_PEOPLE,
        pgData,
      ).finally(one.stop);
      const two = await startProxy([first.url, second.url]);
      const double = await measure(
        'PostgreSQL, 2 processes behind the proxy',
        targetOf(two.url, first, second),
        PG_PEOPLE,
        pgData,
      ).finally(two.stop);
      console.log(
        `\nScale-out: 2 processes give ${(double / single).toFixed(2)}× the capacity of 1 (both behind the proxy; goal ≥ 1.6)`,
      );
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  } finally {
    await scratch.drop();
  }
}
