import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { repoRoot } from './server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The end-to-end suite runs the built server (dist/node) and web app (dist/web), in Debian's Chromium. */
export default function setup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  for (const script of ['scripts/build-web.mjs', 'scripts/build-server.mjs']) {
    execFileSync(process.execPath, [script, '--if-stale'], { cwd: repoRoot, stdio: 'inherit' });
  }
}
