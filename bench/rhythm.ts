// The weekly rhythm's background step at a workspace's scale: every process works out what is due for
// every active person every five minutes, and checks each minute for digests to enqueue. Measured
// against the week report of every person (one cheap page each) in the same run.
import { sql } from 'drizzle-orm';
import { enqueueDueDigests } from '../src/core/digest/service.ts';
import type { Core } from '../src/core/index.ts';
import { activePeople, refreshNotifications } from '../src/core/notifications/due.ts';
import { weekReport } from '../src/core/reports/week-report.ts';
import { fixedClock, setClock } from '../src/core/time/clock.ts';
import { buildPerson } from '../test/factories.ts';
import { median, onEachDatabase, printTable, time } from './stats.ts';

const PEOPLE = 300;
const RUNS = 5;
const MONDAY = '2026-12-07T09:30:00Z';

/** PEOPLE people, each owning two accounts with five influential stakeholders never met and two decisions due. */
async function seed(core: Core) {
  setClock(fixedClock('2026-11-20T10:00:00Z'));
  const { actor } = await buildPerson(core, { workspace: 'Bench', role: 'owner', timeZone: 'Europe/Berlin' });
  const ws = actor.workspaceId;
  await core.db.execute(sql`
    insert into users (id, workspace_id, name, email, role, time_zone, created_at)
    select 'u' || i, ${ws}, 'Person ' || i, 'person' || i || '@bench.example', 'member',
      (array['Europe/London','Europe/Berlin','America/New_York','Asia/Singapore'])[1 + i % 4], now() - interval '30 days'
    from generate_series(1, ${PEOPLE - 1}) i`);
  await core.db.execute(sql`
    insert into accounts (id, workspace_id, name, owner_id, domains)
    select 'a' || i, ${ws}, 'Account ' || i, case when i <= ${PEOPLE - 1} then 'u' || i else 'u' || (i - ${PEOPLE - 1}) end, '{}'::text[]
    from generate_series(1, ${2 * (PEOPLE - 1)}) i`);
  await core.db.execute(sql`
    insert into stakeholders (id, workspace_id, account_id, name, function, level, influence, strength)
    select 's' || a || '-' || k, ${ws}, 'a' || a, 'Contact ' || a || '-' || k, 'procurement', 'senior', 4, 3
    from generate_series(1, ${2 * (PEOPLE - 1)}) a, generate_series(1, 5) k`);
  await core.db.execute(sql`
    insert into decisions (id, workspace_id, account_id, title, decided_on, review_by, created_at, updated_at)
    select 'd' || a || '-' || k, ${ws}, 'a' || a, 'Decision ' || a || '-' || k, '2026-10-01', '2026-12-07', now(), now()
    from generate_series(1, ${2 * (PEOPLE - 1)}) a, generate_series(1, 2) k`);
  await core.db.execute(sql`analyze`);
}

async function measure(label: string, core: Core) {
  await seed(core);
  setClock(fixedClock(MONDAY));
  const people = await activePeople(core.db);
  const notices = () =>
    (async () => {
      for (const p of people) await refreshNotifications(core.db, p);
    })();
  const reports = () =>
    (async () => {
      for (const p of people) await weekReport(core.db, p);
    })();
  const first = await time(notices);
  const firstDigests = await time(() => enqueueDueDigests(core.db));
  const steady: number[] = [];
  const baseline: number[] = [];
  const digestChecks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(await time(reports));
    steady.push(await time(notices));
    digestChecks.push(await time(() => enqueueDueDigests(core.db)));
  }
  setClock(null);
  const [count] = (await core.db.execute<{ n: number }>(sql`select count(*)::int as n from notifications`))
    .rows;
  return [
    label,
    people.length,
    count?.n ?? 0,
    first.toFixed(0),
    median(steady).toFixed(0),
    (median(steady) / people.length).toFixed(2),
    median(baseline).toFixed(0),
    (median(steady) / median(baseline)).toFixed(2),
    firstDigests.toFixed(0),
    median(digestChecks).toFixed(1),
  ];
}

export async function run() {
  const rows = await onEachDatabase(measure);
  printTable(
    `Weekly rhythm: notices for every person (${PEOPLE} people, 2 accounts, 10 influential people never met and 4 decisions due each), ms`,
    [
      'engine',
      'people',
      'notices',
      'first pass',
      'steady pass',
      'per person',
      'week reports (baseline)',
      'ratio',
      'digest check (enqueue)',
      'digest check (none due)',
    ],
    rows,
  );
}
