// Builds the service worker (service-worker.ts) after Vite has written the app: the list of this
// build's files and a version made from their contents go into dist/web/sw.js. Runs in Node.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

export const WORKER_FILE = 'sw.js';

/** A build's version: the hash of its files' names and contents, so any change makes a new one. */
export function shellVersion(files: readonly { path: string; content: Uint8Array }[]): string {
  const hash = createHash('sha256');
  for (const { path, content } of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    hash.update(path).update('\0').update(content).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function filesIn(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path, root) : [relative(root, path)];
  });
}

/** The Vite plugin: writes sw.js into the build's folder once everything else is there. */
export function serviceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'linchpin-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      const paths = filesIn(outDir).filter((path) => path !== WORKER_FILE);
      const version = shellVersion(
        paths.map((path) => ({ path, content: readFileSync(join(outDir, path)) })),
      );
      const shell = paths.map((path) => `/${path.split('\\').join('/')}`);
      const result = await build({
        entryPoints: [fileURLToPath(new URL('service-worker.ts', import.meta.url))],
        bundle: true,
        write: false,
        format: 'iife',
        minify: true,
        target: 'es2022',
        define: { __SHELL__: JSON.stringify(shell), __VERSION__: JSON.stringify(version) },
      });
      writeFileSync(join(outDir, WORKER_FILE), result.outputFiles[0]?.contents ?? '');
    },
  };
}
