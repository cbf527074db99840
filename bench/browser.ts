// `npm run bench -- browser`: from navigation to the Week board on screen, in Chromium, for a person
// with ten years of history (~20,000 activities) on the embedded database. The web app marks
// `week-board-visible` (performance.mark) when the board first renders with the week's cards;
// playwright-core reads it. Median and p95 of LOADS, with the time to the document's `load` event in
// the same loads as the floor (goal: warm median < 500 ms). Each page stays open DWELL_MS, as a
// person reads it: its requests finish (a next load does not queue behind them) and the app saves
// the screen on the device, as it does for anyone who looks at a page for a second.
// - cold: a fresh browser context each load (no HTTP cache, no service worker, nothing saved);
// - warm: reloads in one context (HTTP and service-worker caches, the saved screens shown at once);
// - warm, nothing saved: the same, with the device's saved screens deleted after each load, so the
//   board waits for the week's requests (a browser that keeps no IndexedDB, or a week not seen yet).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { BrowserContext } from 'playwright-core';
import { signIn } from '../e2e/api.ts';
import { launchChromium } from '../e2e/browser.ts';
import { repoRoot, startServer } from '../e2e/server.ts';
import { createCore } from '../src/core/index.ts';
import { buildPerson } from '../test/factories.ts';
import { median, percentile, printTable } from './stats.ts';

const LOADS = 20;
const YEARS = 10;
const PER_WORKING_DAY = 8;
const GOAL_MS = 500;
const DWELL_MS = 1500;
/** The web app's database on the device (src/web/offline/db.ts). */
const OFFLINE_DB = 'linchpin-offline';

/** One person with ten years of working days, eight activities each (the current week included). */
async function seedHistory(dataDir: string) {
  const core = await createCore({ dataDir });
  try {
    const person = await buildPerson(core, {
      workspace: 'Browser bench',
      name: 'Hana History',
      role: 'owner',
    });
    await core.db.execute(sql`
      insert into activities (id, workspace_id, user_id, title, starts_at, ends_at, minutes, time_zone,
                              urgent, important, kind, classification)
      select 'b-' || d.n || '-' || s, ${person.actor.workspaceId}, ${person.me.id}, 'Work item ' || s,
             v.st, v.st + interval '45 minutes', 45, 'Europe/London', (d.n + s) % 4 < 2, (d.n * s) % 3 <> 1,
             'customer_meeting', 'manual'
      from (select row_number() over () as n, day from generate_series(current_date - ${YEARS * 365}::int, current_date, interval '1 day') day
            where extract(isodow from day) < 6) d
      cross join generate_series(0, ${PER_WORKING_DAY - 1}::int) s
      cross join lateral (select (d.day + time '08:00' + s * interval '1 hour') at time zone 'Europe/London' as st) v`);
    await core.db.execute(sql`analyze activities`);
    const [{ n } = { n: 0 }] = (
      await core.db.execute<{ n: number }>(sql`select count(*)::int as n from activities`)
    ).rows;
    return { email: person.email, password: person.password, activities: n };
  } finally {
    await core.close();
  }
}

/** Loads the Week page once in `context`; the board mark and the load event, ms from navigation start. */
async function loadWeek(context: BrowserContext, url: string, { keepSaved = true } = {}) {
  const page = await context.newPage();
  try {
    await page.goto(`${url}/#/week`);
    await page.waitForFunction(() => performance.getEntriesByName('week-board-visible').length > 0, null, {
      timeout: 30_000,
    });
    const times = await page.evaluate(() => ({
      board: performance.getEntriesByName('week-board-visible')[0]?.startTime ?? 0,
      load: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
    }));
    await page.waitForTimeout(DWELL_MS);
    // Deleted once the page lets go of it (on close), before the next load opens it.
    if (!keepSaved) await page.evaluate((name) => void indexedDB.deleteDatabase(name), OFFLINE_DB);
    return times;
  } finally {
    await page.close();
  }
}

export async function run() {
  for (const script of ['scripts/build-web.mjs', 'scripts/build-server.mjs'])
    execFileSync(process.execPath, [script, '--if-stale'], { cwd: repoRoot, stdio: 'ignore' });
  const dataDir = join(mkdtempSync(join(tmpdir(), 'linchpin-browser-')), 'data');
  const seeded = await seedHistory(dataDir);
  const server = await startServer({ LINCHPIN_DATA_DIR: dataDir });
  const browser = await launchChromium();
  try {
    const cookie = await signIn(server.url, seeded.email, seeded.password);
    const cookies = cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.url };
    });
    const fresh = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies(cookies);
      return context;
    };
    // One load to warm the server (its first queries), not counted.
    await (await fresh()).close();
    const cold: { board: number; load: number }[] = [];
    for (let i = 0; i < LOADS; i++) {
      const context = await fresh();
      cold.push(await loadWeek(context, server.url));
      await context.close();
    }
    const warm = async (options: { keepSaved: boolean }) => {
      const context = await fresh();
      await loadWeek(context, server.url, options);
      const loads: { board: number; load: number }[] = [];
      for (let i = 0; i < LOADS; i++) loads.push(await loadWeek(context, server.url, options));
      await context.close();
      return loads;
    };
    const warmSaved = await warm({ keepSaved: true });
    const warmUnsaved = await warm({ keepSaved: false });
    const row = (label: string, loads: { board: number; load: number }[]) => {
      const board = loads.map((l) => l.board);
      const load = loads.map((l) => l.load);
      return [
        label,
        median(board).toFixed(0),
        percentile(board, 95).toFixed(0),
        median(load).toFixed(0),
        (median(board) / Math.max(1, median(load))).toFixed(2),
      ];
    };
    printTable(
      `Navigation to the Week board on screen, Chromium 1280×900, ${seeded.activities.toLocaleString('en')} activities over ${YEARS} years, ${LOADS} loads (goal: warm median < ${GOAL_MS} ms)`,
      ['cache', 'board median ms', 'board p95 ms', 'load event median ms', 'board / load event'],
      [
        row('cold (fresh context)', cold),
        row('warm (same context)', warmSaved),
        row('warm, nothing saved', warmUnsaved),
      ],
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}
