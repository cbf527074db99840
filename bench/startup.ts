import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot, startServer } from '../e2e/server.ts';
import { median, printTable } from './stats.ts';

const RUNS = 5;

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

export async function run() {
  execFileSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'linchpin-bench-'));
  // First start creates and migrates the folder; it is not what we measure.
  const first = await startServer({ LINCHPIN_DATA_DIR: dataDir });
  await first.stop();

  const starts: number[] = [];
  const bare: number[] = [];
  let rss = 0;
  for (let i = 0; i < RUNS; i++) {
    bare.push(await bareNodeStartup());
    const server = await startServer({ LINCHPIN_DATA_DIR: dataDir });
    starts.push(server.startupMs);
    if (i === RUNS - 1) {
      await new Promise((r) => setTimeout(r, 3000));
      rss = rssMiB(server.process.pid ?? 0);
    }
    await server.stop();
  }
  printTable(
    `Server start to first 200 on /api/health, existing PGlite data folder, ${RUNS} runs (goal: < 1500 ms)`,
    ['what', 'median ms', 'ratio to bare node http'],
    [
      ['linchpin serve', median(starts).toFixed(0), (median(starts) / median(bare)).toFixed(1)],
      ['bare node http server', median(bare).toFixed(0), '1.0'],
    ],
  );
  console.log(`Resident memory when idle (3 s after start): ${rss.toFixed(0)} MiB`);
}
