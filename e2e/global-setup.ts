import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { repoRoot } from './server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The end-to-end suite runs against the built web app in Debian's Chromium. */
export default function setup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  execFileSync(process.execPath, ['scripts/build-web.mjs', '--if-stale'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
