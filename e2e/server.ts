import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The bundle `npm start` runs (built by the e2e global setup). */
export const cliPath = fileURLToPath(new URL('../dist/node/linchpin.mjs', import.meta.url));

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Milliseconds from spawn to the first 200 on /api/health. */
  startupMs: number;
  output(): string;
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

/**
 * Starts `linchpin serve` as a real process, as `npm start` does, and waits until it is healthy.
 * `fakeTime` (e.g. `2026-12-07 06:59:55`, UTC) runs it under Debian's faketime from that instant on.
 */
export async function startServer(
  env: Record<string, string>,
  options: { fakeTime?: string } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const command = [process.execPath, cliPath, 'serve'];
  const [program, ...args] = options.fakeTime
    ? ['faketime', '-f', `@${options.fakeTime}`, ...command]
    : command;
  const child = spawn(program as string, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...(options.fakeTime ? { TZ: 'UTC', FAKETIME_DONT_RESET: '1' } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // faketime runs the server as its child: signals go to the whole group.
    detached: Boolean(options.fakeTime),
  });
  const signal = (name: NodeJS.Signals) =>
    options.fakeTime && child.pid ? process.kill(-child.pid, name) : child.kill(name);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (true) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const startupMs = performance.now() - started;
  const exited = () =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : once(child, 'exit').then(() => {});
  return {
    url,
    process: child,
    startupMs,
    output: () => output,
    async stop() {
      signal('SIGTERM');
      await exited();
    },
    async kill9() {
      signal('SIGKILL');
      await exited();
    },
  };
}

/** Runs the CLI to completion. */
export async function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, stdout, stderr };
}

const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

/** True when this machine can run a private PostgreSQL 15 cluster (its binaries and a `postgres` user). */
export const canRunPostgresCluster = () => existsSync(`${POSTGRES_BIN}/initdb`) && process.getuid?.() === 0;

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:PORT/linchpin`, the database made for the test. */
  url: string;
  port: number;
  dir: string;
  /** `pg_ctl stop`: `fast` ends every session cleanly, `immediate` is a crash (recovery at the next start). */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** `pg_ctl start`, waiting until it takes connections. */
  start(): Promise<void>;
  /** Stops it (immediately) and deletes its folder; safe to call whatever state it is in. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL 15 cluster of the test's own (the machine's shared one on 5432 is never restarted):
 * a fresh folder owned by `postgres`, trust authentication, a free port on 127.0.0.1 and its socket
 * in its folder; no fsync (a crash of the server process still keeps every commit: its WAL was written).
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'linchpin-pg-'));
  const asPostgres = (program: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', `${POSTGRES_BIN}/${program}`, ...args], { timeout: 60_000 });
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  chownSync(dir, Number(uid), Number(gid));
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = async () => {
    await asPostgres('pg_ctl', [
      '-D',
      dir,
      '-l',
      join(dir, 'server.log'),
      '-o',
      options,
      '-w',
      '-t',
      '30',
      'start',
    ]);
  };
  const stop = async (mode: 'fast' | 'immediate') => {
    await asPostgres('pg_ctl', ['-D', dir, '-m', mode, '-w', '-t', '30', 'stop']);
  };
  const destroy = async () => {
    await stop('immediate').catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await asPostgres('initdb', [
      '-D',
      dir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    await start();
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    await admin.query('create database linchpin').finally(() => admin.end());
  } catch (error) {
    await destroy();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/linchpin`, port, dir, stop, start, destroy };
}
