import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../e2e/server.ts';
import { printTable } from './stats.ts';

const BUDGET_KB = 250;
/** Today, a phone's home: the entry and the Today page's own chunk with what it imports (issue 15). */
const TODAY_BUDGET_KB = 110;

/**
 * The Week page's own lazy parts. Right after the board: what sits beside it (targets, trend, plan,
 * due decisions, reflection, accounts; fetched with the week's data, the board does not wait for
 * it), the trend's chart (SVG, shared/charts/), the drag and drop with a mouse (dnd-kit; keys 1–4
 * and Move to… work without it), an empty week's welcome. On a click or tap: the edit dialog (and
 * the decision form it opens), the reflection, a card's Move to… sheet, the header's notification
 * centre, a phone's More. They count against the budget: the page shows them.
 */
const WEEK_DEFERRED = [
  'WeekSide-',
  'EmptyWeek-',
  'QuadrantBars-',
  'BoardDrag-',
  'EditDialog-',
  'DecisionDialog-',
  'ReflectionDialog-',
  'Sheet-',
  'NotificationPanel-',
  'MoreSheet-',
];

/**
 * Gzipped size of the JavaScript the Week page loads: the entry script, the Week page's chunk and
 * every chunk they import statically (before the board shows), plus its own lazy parts
 * (WEEK_DEFERRED); and what Today loads before it is usable (the entry and Today's chunk, no board).
 * Other pages' chunks behind a dynamic import() are listed apart: these pages do not load them.
 */
export async function run() {
  execFileSync(process.execPath, ['scripts/build-web.mjs'], { cwd: repoRoot, stdio: 'ignore' });
  const web = join(repoRoot, 'dist/web');
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const lazy = new Set<string>();
  /** The files `start` loads: itself and every chunk it imports statically, recursively. */
  const closure = (start: string[], known: Set<string> = new Set()) => {
    const found = new Set<string>();
    const pending = [...start];
    while (pending.length > 0) {
      const file = pending.pop() ?? '';
      if (found.has(file) || known.has(file)) continue;
      found.add(file);
      const code = readFileSync(join(web, file), 'utf8');
      for (const m of code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g))
        pending.push(`assets/${m[1]}`);
      for (const m of code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g))
        lazy.add(`assets/${m[1]}`);
    }
    return found;
  };
  const entryFiles = closure(entry);
  const loaded = new Set(entryFiles);
  // The Week page's own chunk (lazy, so Today on a phone loads without the board) is part of its first paint.
  const weekPage = [...lazy].filter((file) => file.includes('/WeekPage-'));
  if (weekPage.length === 0) throw new Error('web-size: no lazy chunk named WeekPage-');
  for (const file of closure(weekPage, loaded)) loaded.add(file);
  const gz = (file: string) => gzipSync(readFileSync(join(web, file)), { level: 9 }).length / 1024;
  const row = (file: string, note: string) => [
    file,
    note,
    (readFileSync(join(web, file)).length / 1024).toFixed(1),
    gz(file).toFixed(1),
  ];
  // The Week page's own lazy parts with what they import (e.g. the chart library's shared chunk); a
  // part may sit behind another (the decision form is opened from the edit dialog).
  const deferred: string[] = [];
  for (;;) {
    const own = [...lazy].filter(
      (file) => !deferred.includes(file) && WEEK_DEFERRED.some((name) => file.includes(`/${name}`)),
    );
    if (own.length === 0) break;
    deferred.push(...closure(own, new Set([...loaded, ...deferred])));
  }
  // A part that was renamed or moved into another chunk must not drop out of the total unnoticed.
  const missing = WEEK_DEFERRED.filter((name) => !deferred.some((file) => file.includes(`/${name}`)));
  if (missing.length > 0)
    throw new Error(
      `web-size: no lazy chunk of the Week page named ${missing.join(', ')}: update WEEK_DEFERRED`,
    );
  const rows = [...loaded].map((file) => row(file, 'Week page, first paint'));
  const firstPaint = [...loaded].reduce((sum, file) => sum + gz(file), 0);
  rows.push(['before the board shows', '', '', firstPaint.toFixed(1)]);
  for (const file of deferred) rows.push(row(file, 'Week page, after'));
  const total = firstPaint + deferred.reduce((sum, file) => sum + gz(file), 0);
  rows.push(['total loaded by the Week page', '', '', total.toFixed(1)]);
  const todayPage = [...lazy].filter((file) => file.includes('/TodayPage-'));
  if (todayPage.length === 0) throw new Error('web-size: no lazy chunk named TodayPage-');
  const todayOwn = [...closure(todayPage, entryFiles)];
  const today = [...entryFiles, ...todayOwn].reduce((sum, file) => sum + gz(file), 0);
  for (const file of todayOwn) rows.push(row(file, 'Today page, before usable'));
  rows.push(['total loaded by Today before usable', '', '', today.toFixed(1)]);
  for (const file of lazy)
    if (!loaded.has(file) && !deferred.includes(file) && !todayOwn.includes(file))
      rows.push(row(file, 'lazy (other pages)'));
  printTable(
    `JavaScript loaded by the Week page (goal: < ${BUDGET_KB} KB gzipped)`,
    ['file', 'loaded', 'KB', 'KB gzipped'],
    rows,
  );
  console.log(`ratio to the ${BUDGET_KB} KB budget: ${(total / BUDGET_KB).toFixed(2)}`);
  console.log(
    `Today (goal: < ${TODAY_BUDGET_KB} KB gzipped): ${today.toFixed(1)} KB, ratio ${(today / TODAY_BUDGET_KB).toFixed(2)}`,
  );
}
