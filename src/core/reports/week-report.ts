import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { QUADRANTS, type Quadrant, quadrantOf } from '../activities/quadrant.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import type { ActivityKind, QuadrantTargets } from '../db/schema/index.ts';
import { now } from '../time/clock.ts';
import { formatIsoWeek, shiftWeek, weekRange } from '../time/weeks.ts';
import { countedTime } from './counted.ts';
import { summarizeWeek } from './summary.ts';
import { DEFAULT_TARGETS, evaluateTargets, round, type TargetResult } from './targets.ts';

export interface QuadrantShare {
  minutes: number;
  share: number;
}
export type QuadrantSplit = Record<Quadrant, QuadrantShare>;

export interface WeekReport {
  week: string;
  timeZone: string;
  from: string;
  to: string;
  totalMinutes: number;
  quadrants: QuadrantSplit;
  byAccount: { accountId: string | null; name: string; minutes: number; quadrants: QuadrantSplit }[];
  byKind: { kind: ActivityKind; minutes: number }[];
  previous: { week: string; totalMinutes: number; quadrants: QuadrantSplit };
  next: { week: string };
  targets: Partial<Record<Quadrant, TargetResult>>;
  summary: string;
}

/** Counted minutes per quadrant, before shares are taken. */
export type Minutes = Record<Quadrant, number>;
export const emptyMinutes = (): Minutes => ({ q1: 0, q2: 0, q3: 0, q4: 0 });

export function toSplit(minutes: Minutes): { totalMinutes: number; quadrants: QuadrantSplit } {
  const totalMinutes = QUADRANTS.reduce((sum, q) => sum + minutes[q], 0);
  const quadrants = Object.fromEntries(
    QUADRANTS.map((q) => [
      q,
      { minutes: minutes[q], share: totalMinutes ? round(minutes[q] / totalMinutes) : 0 },
    ]),
  ) as QuadrantSplit;
  return { totalMinutes, quadrants };
}

/** Each quadrant's share of a split, as targets and summaries read them. */
export const shares = (split: QuadrantSplit) =>
  Object.fromEntries(QUADRANTS.map((q) => [q, split[q].share])) as Record<Quadrant, number>;

interface Row extends Record<string, unknown> {
  is_current: boolean;
  urgent: boolean;
  important: boolean;
  account_id: string | null;
  account_name: string | null;
  kind: ActivityKind | null;
  minutes: number;
  grp: number;
}

export function currentWeek(timeZone: string): string {
  return formatIsoWeek(DateTime.fromJSDate(now()).setZone(timeZone));
}

/**
 * Minutes and shares per quadrant, account and kind for one ISO week in the user's zone, with the
 * previous week and targets. One grouping-sets query over both weeks keeps it close to a bare aggregate.
 */
export async function weekReport(
  db: Db,
  actor: Actor,
  options: { week?: string; targets?: QuadrantTargets | null } = {},
): Promise<WeekReport> {
  const week = options.week ?? currentWeek(actor.timeZone);
  const range = weekRange(week, actor.timeZone);
  const previousWeek = shiftWeek(week, -1);
  const previousFrom = weekRange(previousWeek, actor.timeZone).from;
  const from = range.from.toJSDate();

  const result = await db.execute<Row>(sql`
    select is_current, urgent, important, account_id, account_name, kind,
           sum(minutes)::int as minutes, grouping(account_id, kind)::int as grp
    from (
      select a.starts_at >= ${from.toISOString()}::timestamptz as is_current, a.urgent, a.important,
             a.account_id, acc.name as account_name, a.kind, a.minutes
      from activities a left join accounts acc on acc.id = a.account_id
      where a.workspace_id = ${actor.workspaceId} and a.user_id = ${actor.userId} and ${countedTime('a')}
        and a.starts_at >= ${previousFrom.toJSDate().toISOString()}::timestamptz
        and a.starts_at < ${range.to.toJSDate().toISOString()}::timestamptz
    ) w
    group by grouping sets (
      (is_current, urgent, important),
      (is_current, urgent, important, account_id, account_name),
      (is_current, kind))`);

  const current = emptyMinutes();
  const previous = emptyMinutes();
  const accounts = new Map<string | null, { name: string; minutes: Minutes }>();
  const kinds: { kind: ActivityKind; minutes: number }[] = [];
  for (const row of result.rows) {
    if (row.grp === 3) {
      (row.is_current ? current : previous)[quadrantOf(row)] += row.minutes;
    } else if (!row.is_current) {
    } else if (row.grp === 1) {
      const entry = accounts.get(row.account_id) ?? {
        name: row.account_name ?? 'Internal',
        minutes: emptyMinutes(),
      };
      entry.minutes[quadrantOf(row)] += row.minutes;
      accounts.set(row.account_id, entry);
    } else if (row.kind) {
      kinds.push({ kind: row.kind, minutes: row.minutes });
    }
  }

  const split = toSplit(current);
  const previousSplit = toSplit(previous);
  const targets = evaluateTargets(options.targets ?? DEFAULT_TARGETS, shares(split.quadrants));
  return {
    week,
    timeZone: actor.timeZone,
    from: range.from.toISO({ suppressMilliseconds: true }) ?? '',
    to: range.to.toISO({ suppressMilliseconds: true }) ?? '',
    ...split,
    byAccount: [...accounts.entries()]
      .map(([accountId, a]) => ({ accountId, name: a.name, ...pick(toSplit(a.minutes)) }))
      .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name)),
    byKind: kinds.sort((a, b) => b.minutes - a.minutes || a.kind.localeCompare(b.kind)),
    previous: { week: previousWeek, ...previousSplit },
    next: { week: shiftWeek(week, 1) },
    targets,
    summary: summarizeWeek({
      totalMinutes: split.totalMinutes,
      shares: shares(split.quadrants),
      previousShares: previousSplit.totalMinutes ? shares(previousSplit.quadrants) : null,
      targets,
    }),
  };
}

function pick(split: { totalMinutes: number; quadrants: QuadrantSplit }) {
  return { minutes: split.totalMinutes, quadrants: split.quadrants };
}
