import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

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
