#!/usr/bin/env node
// Development: the API server on PORT (default 3000) plus Vite with hot reload, proxying /api to it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '3000';

const api = spawn(process.execPath, ['bin/linchpin.mjs', 'serve'], {
  cwd: root,
  env: { ...process.env, PORT: port },
  stdio: 'inherit',
});

const vite = await createServer({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)) });
await vite.listen();
vite.printUrls();
console.log(`API on http://localhost:${port}; press Ctrl-C to stop both.`);

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  if (api.exitCode === null) api.kill('SIGTERM');
  await vite.close();
  process.exit(code);
}

api.on('exit', (code) => {
  if (!stopping) {
    console.error(`API server exited (${code ?? 'signal'}); stopping.`);
    stop(code ?? 1);
  }
});
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
