import { sql } from 'drizzle-orm';
import { quadrantOf } from '../activities/quadrant.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { shiftWeek, weekRange } from '../time/weeks.ts';
import { countedTime } from './counted.ts';
import { currentWeek, emptyMinutes, type Minutes, type QuadrantSplit, toSplit } from './week-report.ts';

export interface TrendWeek {
  week: string;
  from: string;
  to: string;
  totalMinutes: number;
  quadrants: QuadrantSplit;
}

/** The quadrant split of each of the `weeks` ISO weeks ending with `until` (default: this week). */
export async function weekTrend(
  db: Db,
  actor: Actor,
  options: { weeks?: number; until?: string } = {},
): Promise<{ timeZone: string; weeks: TrendWeek[] }> {
  const count = options.weeks ?? 12;
  const last = options.until ?? currentWeek(actor.timeZone);
  const labels = Array.from({ length: count }, (_, i) => shiftWeek(last, i - count + 1));
  const ranges = labels.map((label) => weekRange(label, actor.timeZone));
  const first = ranges[0];
  const end = ranges.at(-1);
  if (!first || !end) return { timeZone: actor.timeZone, weeks: [] };

  // Weeks are cut in the user's zone by Postgres itself (date_trunc on local time honours DST).
  const result = await db.execute<{ week: string; urgent: boolean; important: boolean; minutes: number }>(sql`
    select to_char(date_trunc('week', starts_at at time zone ${actor.timeZone}), 'IYYY-"W"IW') as week,
           urgent, important, sum(minutes)::int as minutes
    from activities
    where workspace_id = ${actor.workspaceId} and user_id = ${actor.userId} and ${countedTime('activities')}
      and starts_at >= ${first.from.toJSDate().toISOString()}::timestamptz
      and starts_at < ${end.to.toJSDate().toISOString()}::timestamptz
    group by 1, 2, 3`);

  const minutesByWeek = new Map<string, Minutes>(labels.map((label) => [label, emptyMinutes()]));
  for (const row of result.rows) {
    const bucket = minutesByWeek.get(row.week);
    if (bucket) bucket[quadrantOf(row)] += row.minutes;
  }
  return {
    timeZone: actor.timeZone,
    weeks: ranges.map((range) => ({
      week: range.week,
      from: range.from.toISO({ suppressMilliseconds: true }) ?? '',
      to: range.to.toISO({ suppressMilliseconds: true }) ?? '',
      ...toSplit(minutesByWeek.get(range.week) ?? emptyMinutes()),
    })),
  };
}
