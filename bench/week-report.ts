import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { activities } from '../src/core/db/schema/index.ts';
import type { Core } from '../src/core/index.ts';
import { weekReport } from '../src/core/reports/week-report.ts';
import { weekRange } from '../src/core/time/weeks.ts';
import { buildPerson } from '../test/factories.ts';
import { againstBaseline, onEachDatabase, printTable } from './stats.ts';

const ACTIVITIES = 25_000;
const YEARS = 10;
const RUNS = 200;

async function seed(core: Core) {
  const { actor } = await buildPerson(core, { workspace: 'Bench', name: 'Bench', timeZone: 'Europe/London' });
  const start = DateTime.fromISO('2016-11-23T09:00', { zone: 'Europe/London' });
  const spanMinutes = YEARS * 365 * 24 * 60;
  const rows = Array.from({ length: ACTIVITIES }, (_, i) => {
    const startsAt = start.plus({ minutes: Math.floor((i / ACTIVITIES) * spanMinutes) }).toJSDate();
    const minutes = 30 + (i % 4) * 30;
    return {
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      title: `Activity ${i}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      minutes,
      timeZone: actor.timeZone,
      urgent: i % 3 === 0,
      important: i % 2 === 0,
      kind: 'customer_meeting' as const,
    };
  });
  for (let i = 0; i < rows.length; i += 1000)
    await core.db.insert(activities).values(rows.slice(i, i + 1000));
  await core.db.execute(sql`analyze activities`);
  return actor;
}

async function measure(label: string, core: Core) {
  const actor = await seed(core);
  const weeks = Array.from({ length: RUNS }, (_, i) =>
    DateTime.fromISO('2017-01-02', { zone: 'UTC' })
      .plus({ weeks: (i * 37) % 500 })
      .toFormat("kkkk-'W'WW"),
  );
  const bare = (week: string) => {
    const { from, to } = weekRange(week, actor.timeZone);
    return core.db.execute(sql`
      select urgent, important, sum(minutes)::int as minutes from activities
      where workspace_id = ${actor.workspaceId} and user_id = ${actor.userId} and deleted_at is null
        and excluded_reason is null and classification <> 'unclassified'
        and starts_at >= ${from.toJSDate().toISOString()}::timestamptz and starts_at < ${to.toJSDate().toISOString()}::timestamptz
      group by urgent, important`);
  };
  const report = (week: string) => weekReport(core.db, actor, { week });
  const t = await againstBaseline({ warmUps: weeks.slice(0, 20), runs: weeks }, report, bare);
  return [
    label,
    ACTIVITIES,
    t.median.toFixed(2),
    t.p95.toFixed(2),
    t.bareMedian.toFixed(2),
    t.ratio.toFixed(2),
  ];
}

export async function run() {
  const rows = await onEachDatabase(measure);
  printTable(
    `Week report, ${ACTIVITIES} activities over ${YEARS} years, ${RUNS} weeks (goal: median < 20 ms and ≤ 2× the bare aggregate)`,
    ['database', 'activities', 'report median ms', 'report p95 ms', 'bare aggregate median ms', 'ratio'],
    rows,
  );
}
