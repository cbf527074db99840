import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../e2e/server.ts';
import { printTable } from './stats.ts';

const BUDGET_KB = 250;

/** Gzipped size of the JavaScript the Week page loads: the entry script and every chunk it imports. */
export async function run() {
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: repoRoot, stdio: 'ignore' });
  const web = join(repoRoot, 'dist/web');
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const loaded = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop() ?? '';
    if (loaded.has(file)) continue;
    loaded.add(file);
    const code = readFileSync(join(web, file), 'utf8');
    // Static and dynamic imports between chunks (the Week page is the default route).
    for (const m of code.matchAll(/(?:from|import\()\s*["']\.\/([^"']+\.js)["']/g))
      pending.push(`assets/${m[1]}`);
  }
  const rows = [...loaded].map((file) => {
    const raw = readFileSync(join(web, file));
    return [file, (raw.length / 1024).toFixed(1), (gzipSync(raw, { level: 9 }).length / 1024).toFixed(1)];
  });
  const total = rows.reduce((sum, r) => sum + Number(r[2]), 0);
  rows.push(['total', '', total.toFixed(1)]);
  printTable(
    `JavaScript loaded by the Week page (goal: < ${BUDGET_KB} KB gzipped)`,
    ['file', 'KB', 'KB gzipped'],
    rows,
  );
  console.log(`ratio to the ${BUDGET_KB} KB budget: ${(total / BUDGET_KB).toFixed(2)}`);
}
