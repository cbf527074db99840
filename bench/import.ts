import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { defaultWindow } from '../src/core/calendar/events.ts';
import { parseIcs } from '../src/core/calendar/ics/index.ts';
import { importCalendar } from '../src/core/calendar/merge.ts';
import type { Db } from '../src/core/db/client.ts';
import { createCore } from '../src/core/index.ts';
import { fixedClock, setClock } from '../src/core/time/clock.ts';
import { buildPerson } from '../test/factories.ts';
import { createScratchDatabase } from '../test/postgres.ts';
import { benchDatabaseUrl, printTable } from './stats.ts';

const INSTANCES = 100_000;
// A fixed day, so every run generates and imports the same calendar.
setClock(fixedClock('2026-11-23T12:00:00Z'));
const WINDOW = defaultWindow('UTC');
const ZONES = ['Europe/Amsterdam', 'America/New_York', 'Asia/Singapore', 'Europe/London'];

/**
 * A year of a busy calendar with INSTANCES event instances inside the default window: weekly and
 * daily series (with exceptions and overrides) plus single events, in several zones.
 */
export function generateCalendar(instances = INSTANCES): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Linchpin bench//EN'];
  const stamp = (d: DateTime) => d.toFormat("yyyyMMdd'T'HHmmss");
  const first = DateTime.fromJSDate(WINDOW.from).plus({ days: 1 });
  let count = 0;
  let n = 0;
  // Half the instances from 60-week weekly series (60 instances each, most inside the window).
  while (count < instances / 2) {
    const zone = ZONES[n % ZONES.length] ?? 'UTC';
    const start = first.setZone(zone, { keepLocalTime: true }).plus({ days: n % 5, hours: 8 + (n % 9) });
    lines.push(
      'BEGIN:VEVENT',
      `UID:series-${n}@bench`,
      `SUMMARY:Weekly sync ${n}`,
      `DTSTART;TZID=${zone}:${stamp(start)}`,
      `DTEND;TZID=${zone}:${stamp(start.plus({ minutes: 30 + (n % 3) * 15 }))}`,
      'RRULE:FREQ=WEEKLY;COUNT=61',
      `EXDATE;TZID=${zone}:${stamp(start.plus({ weeks: 3 }))}`,
      `ATTENDEE;CN=Colleague;PARTSTAT=ACCEPTED:mailto:colleague${n % 40}@acme.example`,
      `ATTENDEE;CN=Buyer;PARTSTAT=ACCEPTED:mailto:buyer${n % 7}@customer${n % 12}.example`,
      'END:VEVENT',
      // One moved instance per series.
      'BEGIN:VEVENT',
      `UID:series-${n}@bench`,
      `RECURRENCE-ID;TZID=${zone}:${stamp(start.plus({ weeks: 5 }))}`,
      `SUMMARY:Weekly sync ${n} (moved)`,
      `DTSTART;TZID=${zone}:${stamp(start.plus({ weeks: 5, hours: 2 }))}`,
      `DTEND;TZID=${zone}:${stamp(start.plus({ weeks: 5, hours: 3 }))}`,
      'END:VEVENT',
    );
    count += 60;
    n++;
  }
  // The rest as single events spread over the window.
  const span = WINDOW.to.getTime() - WINDOW.from.getTime();
  for (let i = 0; count < instances; i++, count++) {
    const zone = ZONES[i % ZONES.length] ?? 'UTC';
    const start = DateTime.fromMillis(WINDOW.from.getTime() + ((i * 7919) % span), {
      zone,
    }).startOf('minute');
    lines.push(
      'BEGIN:VEVENT',
      `UID:single-${i}@bench`,
      `SUMMARY:${i % 5 === 0 ? 'Escalation call' : 'Customer meeting'} ${i}`,
      `DTSTART;TZID=${zone}:${stamp(start)}`,
      `DTEND;TZID=${zone}:${stamp(start.plus({ minutes: 45 }))}`,
      `LOCATION:Room ${i % 30}`,
      `ATTENDEE;PARTSTAT=ACCEPTED:mailto:buyer${i % 7}@customer${i % 12}.example`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** One measurement in a fresh process, so its peak memory is its own. */
async function measureOne(target: string): Promise<Record<string, number>> {
  const text = generateCalendar();
  const window = WINDOW;
  // The kernel's high-water mark: a sampling timer missed the peak of an import that kept the
  // event loop busy (it only ran between the import's turns).
  const peakRss = () => {
    const kib = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kib ? Number(kib) * 1024 : process.memoryUsage().rss;
  };
  if (target === 'parse') {
    const started = performance.now();
    let events = 0;
    for (const item of parseIcs(text, { window, timeZone: 'Europe/Amsterdam' }))
      if ('event' in item) events++;
    return {
      ms: performance.now() - started,
      events,
      peakMiB: peakRss() / 2 ** 20,
      fileMiB: text.length / 2 ** 20,
    };
  }
  const scratch =
    target === 'postgres'
      ? await createScratchDatabase(benchDatabaseUrl() ?? '', { prefix: 'linchpin_bench' })
      : null;
  const core = await createCore(scratch ? { databaseUrl: scratch.url } : {});
  try {
    const { actor } = await buildPerson(core, {
      workspace: 'Bench',
      name: 'Bench',
      timeZone: 'Europe/Amsterdam',
    });
    const request = { calendar: { name: 'bench.ics' }, text, window };
    const started = performance.now();
    const first = await whileAsking(core.db, () => importCalendar(core.db, actor, request));
    const ms = performance.now() - started;
    const again = performance.now();
    const second = await importCalendar(core.db, actor, request);
    const reimportMs = performance.now() - again;
    const importPeak = peakRss();
    // Last, so what it leaves behind (rolled-back rows) weighs on nothing above: a dry run of
    // the same file into a calendar that does not exist yet.
    const dry = await whileAsking(core.db, () =>
      importCalendar(core.db, actor, { ...request, calendar: { name: 'dry.ics' }, dryRun: true }),
    );
    return {
      ms,
      events: first.result.added,
      reimportMs,
      unchanged: second.unchanged,
      dryMs: dry.ms,
      dryWaitMs: dry.longestWait,
      waitMs: first.longestWait,
      peakMiB: importPeak / 2 ** 20,
      fileMiB: text.length / 2 ** 20,
    };
  } finally {
    await core.close();
    await scratch?.drop();
  }
}

/**
 * Runs `work` while another caller asks the database `select 1` every 100 ms, as GET /api/health
 * does: the longest wait (from when the question was due to its answer) tells how long the import
 * kept the connection (on PGlite, the only one) or the event loop from others.
 */
async function whileAsking<T>(db: Db, work: () => Promise<T>) {
  let stoppedAt: number | null = null;
  let longestWait = 0;
  let due = performance.now();
  const asking = (async () => {
    for (;;) {
      await db.execute(sql`select 1`);
      longestWait = Math.max(longestWait, performance.now() - due);
      due = performance.now() + 100;
      await new Promise((resolve) => setTimeout(resolve, 100));
      // A question that came due while the work kept the event loop waited until it ended.
      if (stoppedAt !== null) {
        longestWait = Math.max(longestWait, stoppedAt - due);
        return;
      }
    }
  })();
  const started = performance.now();
  try {
    const result = await work();
    stoppedAt = performance.now();
    return { result, ms: stoppedAt - started, longestWait: await asking.then(() => longestWait) };
  } finally {
    stoppedAt ??= performance.now();
    await asking;
  }
}

function inChild(target: string): Record<string, number> {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', target],
    { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

export async function run() {
  const parse = inChild('parse');
  const rows: (string | number)[][] = [
    [
      'parse + expand only',
      parse.events ?? 0,
      (parse.ms ?? 0).toFixed(0),
      Math.round(((parse.events ?? 0) / (parse.ms ?? 1)) * 1000),
      '1.00',
      '–',
      '–',
      '–',
      (parse.peakMiB ?? 0).toFixed(0),
    ],
  ];
  const targets = benchDatabaseUrl() ? ['pglite', 'postgres'] : ['pglite'];
  if (!benchDatabaseUrl())
    console.log('(set TEST_DATABASE_URL or BENCH_DATABASE_URL to measure PostgreSQL too)');
  for (const target of targets) {
    const result = inChild(target);
    rows.push([
      `import into ${target === 'pglite' ? 'PGlite' : 'PostgreSQL'}`,
      result.events ?? 0,
      (result.ms ?? 0).toFixed(0),
      Math.round(((result.events ?? 0) / (result.ms ?? 1)) * 1000),
      ((result.ms ?? 0) / (parse.ms ?? 1)).toFixed(2),
      `${(result.reimportMs ?? 0).toFixed(0)} (${result.unchanged} unchanged)`,
      `${(result.dryMs ?? 0).toFixed(0)} (waited ${(result.dryWaitMs ?? 0).toFixed(0)})`,
      (result.waitMs ?? 0).toFixed(0),
      (result.peakMiB ?? 0).toFixed(0),
    ]);
  }
  printTable(
    `Import of a generated .ics, ${(parse.fileMiB ?? 0).toFixed(1)} MB, ${INSTANCES} instances (goal: ≤ 3× parse-only, < 10 s on PostgreSQL)`,
    [
      ...['what', 'events', 'ms', 'events/s', 'ratio to parse', 're-import ms'],
      ...['dry run ms (longest wait of another query)', 'longest wait during import ms', 'peak RSS MiB'],
    ],
    rows,
  );
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await measureOne(process.argv[3] ?? 'parse')));
}
