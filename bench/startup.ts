import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot, startServer } from '../e2e/server.ts';
import { createScratchDatabase } from '../test/postgres.ts';
import { benchDatabaseUrl, median, printTable } from './stats.ts';

const RUNS = 5;
/** Idle memory is read this long after the first 200, once the background jobs' first pass is done. */
const IDLE_MS = 3000;
/** And once, in the last run, when V8 has finished optimising in the background and let go of it. */
const SETTLED_MS = 30_000;

// The goals of issue 18 (point 3): a lean embedded default, and a leaner server on PostgreSQL.
const START_GOAL_MS = 600;
const RSS_GOAL_MIB = { pglite: 200, postgres: 120 } as const;

/** The floor: a bare Node HTTP server's time from spawn to first 200. */
async function bareNodeStartup(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [
    '-e',
    `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`,
  ]);
  while (true) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  const elapsed = performance.now() - started;
  child.kill();
  await once(child, 'exit');
  return elapsed;
}

const rssMiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

interface EngineFigures {
  starts: number[];
  rss: number[];
  settled: number;
}

/** The first start creates and migrates the database and is not measured; then RUNS starts on it. */
async function measureEngine(env: Record<string, string>, bare: number[]): Promise<EngineFigures> {
  const first = await startServer(env);
  await first.stop();
  const figures: EngineFigures = { starts: [], rss: [], settled: 0 };
  for (let i = 0; i < RUNS; i++) {
    bare.push(await bareNodeStartup());
    const server = await startServer(env);
    figures.starts.push(server.startupMs);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    figures.rss.push(rssMiB(server.process.pid ?? 0));
    if (i === RUNS - 1) {
      await new Promise((r) => setTimeout(r, SETTLED_MS - IDLE_MS));
      figures.settled = rssMiB(server.process.pid ?? 0);
    }
    await server.stop();
  }
  return figures;
}

export async function run() {
  execFileSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  const bare: number[] = [];
  const engines: { label: string; goalMiB: number; figures: EngineFigures }[] = [];

  const dataDir = mkdtempSync(join(tmpdir(), 'linchpin-bench-'));
  try {
    const env = { LINCHPIN_DATA_DIR: dataDir, DATABASE_URL: '' };
    engines.push({ label: 'PGlite', goalMiB: RSS_GOAL_MIB.pglite, figures: await measureEngine(env, bare) });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const url = benchDatabaseUrl();
  if (url) {
    const scratch = await createScratchDatabase(url, { prefix: 'linchpin_bench' });
    try {
      const figures = await measureEngine({ DATABASE_URL: scratch.url }, bare);
      engines.push({ label: 'PostgreSQL', goalMiB: RSS_GOAL_MIB.postgres, figures });
    } finally {
      await scratch.drop();
    }
  } else {
    console.log('(set TEST_DATABASE_URL or BENCH_DATABASE_URL to measure PostgreSQL too)');
  }

  const bareMedian = median(bare);
  printTable(
    `Server start to first 200 on /api/health, existing database, ${RUNS} runs each (goal: < ${START_GOAL_MS} ms)`,
    ['what', 'median ms', 'ratio to bare node http'],
    [
      ...engines.map(({ label, figures }) => [
        `linchpin serve, ${label}`,
        median(figures.starts).toFixed(0),
        (median(figures.starts) / bareMedian).toFixed(1),
      ]),
      ['bare node http server', bareMedian.toFixed(0), '1.0'],
    ],
  );
  printTable(
    `Resident memory when idle (${IDLE_MS / 1000} s after the first 200), median of ${RUNS} runs`,
    ['what', 'median MiB', `${SETTLED_MS / 1000} s after (last run) MiB`, 'goal MiB'],
    engines.map(({ label, goalMiB, figures }) => [
      `linchpin serve, ${label}`,
      median(figures.rss).toFixed(0),
      figures.settled.toFixed(0),
      `< ${goalMiB}`,
    ]),
  );
}
