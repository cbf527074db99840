#!/usr/bin/env node
// Builds the web app into dist/web. With --if-stale (npm prestart) it skips when the build is newer
// than every source, so `npm start` stays fast.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const configFile = join(root, 'vite.config.ts');
const builtIndex = join(root, 'dist/web/index.html');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

function isFresh() {
  try {
    const builtAt = statSync(builtIndex).mtimeMs;
    return builtAt > Math.max(newestMtime(join(root, 'src/web')), newestMtime(configFile));
  } catch {
    return false;
  }
}

if (process.argv.includes('--if-stale') && isFresh()) {
  console.log('web app: up to date, build skipped (dist/web)');
} else {
  const started = Date.now();
  // Always the production build, also when started from a test runner that set NODE_ENV=test
  // (that would bundle React's development build, four times slower and 1 MB larger).
  process.env.NODE_ENV = 'production';
  await build({ configFile, mode: 'production', logLevel: 'warn' });
  console.log(`web app: built dist/web in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
