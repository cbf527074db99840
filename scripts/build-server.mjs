// Bundles the server and CLI (our TypeScript and most npm packages) into dist/node/linchpin.mjs,
// which `npm start` runs with plain Node for a fast start.
// `--if-stale` skips the build when the bundle is newer than every source file.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist/node');
const outfile = join(outdir, 'linchpin.mjs');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['src/core', 'src/server', 'src/cli'].map((dir) => join(root, dir));
if (process.argv.includes('--if-stale') && existsSync(outfile)) {
  const built = statSync(outfile).mtimeMs;
  if (sources.every((dir) => newestMtime(dir) < built)) {
    console.log('server bundle is up to date');
    process.exit(0);
  }
}

const EXTERNAL_PACKAGES = [
  '@electric-sql/pglite', // its WebAssembly and data files are read relative to its own modules
  '@node-rs/argon2', // native addon
  'pg', // CommonJS with optional native bindings; only on PostgreSQL
  'swagger-ui-dist', // served from its folder
];

// Chunk names carry content hashes: start clean so old chunks do not pile up.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { linchpin: join(root, 'src/cli/main.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  // Dynamic imports stay separate chunks, so a start can open the database while modules load.
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages are bundled too: Node's ESM loader costs ~1 ms per file (resolve, stat, read),
  // and a start loaded ~590 of them; bundled, unused exports are also dropped. These stay outside:
  // native addons and packages that find files beside themselves (ECharts and nodemailer are
  // required at run time, on first use, so they are never bundled).
  external: EXTERNAL_PACKAGES,
  // A package's ES module build where it has one: the named exports Node gives an import() of it.
  mainFields: ['module', 'main'],
  // Bundled CommonJS code calls require() for Node's own modules.
  banner: {
    js: "import { createRequire as __linchpinRequire } from 'node:module'; const require = __linchpinRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});
console.log(`built ${outfile}`);
