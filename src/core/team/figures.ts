import { type SQL, sql } from 'drizzle-orm';
import { QUADRANTS, quadrantOf } from '../activities/quadrant.ts';
import type { Db } from '../db/client.ts';
import { valueList } from '../db/sql.ts';
import { countedTime } from '../reports/counted.ts';
import { DEFAULT_TARGETS, evaluateTargets, round } from '../reports/targets.ts';
import { emptyMinutes, type Minutes, shares, toSplit } from '../reports/week-report.ts';
import { shiftWeek, weekRange } from '../time/weeks.ts';
import type { TeamMember } from './members.ts';
import type { TeamPerson, TeamTotals, TrendPoint } from './schemas.ts';

const sum = (m: Minutes) => QUADRANTS.reduce((total, q) => total + m[q], 0);

/** What one person did in each of the weeks: counted minutes per quadrant and recurring Q3 meetings. */
export interface PersonWeeks {
  member: TeamMember;
  /** Counted minutes per quadrant, by ISO week in the person's own zone. */
  minutes: Map<string, Minutes>;
  recurringQ3Minutes: number;
  plannedQ2Minutes: number;
  reflected: boolean;
}

/** The 12 ISO weeks ending with `week`, oldest first: the span of trends and the heatmap. */
export const trendWeeks = (week: string) => Array.from({ length: 12 }, (_, i) => shiftWeek(week, i - 11));

/** `column in (the team's ids)`: always the ids, so every scan is an index range per person. */
export const inTeam = (column: string, members: TeamMember[]): SQL =>
  sql`${sql.raw(column)} in (${valueList(members.map((m) => m.id))})`;

// A team shares a handful of zones: each week's bounds are worked out once per zone (luxon's zone
// arithmetic was a large part of the page's time), not once per person and week.
const bounds = new Map<string, { from: Date; to: Date }>();
function weekBounds(week: string, timeZone: string) {
  const key = `${week} ${timeZone}`;
  let found = bounds.get(key);
  if (!found) {
    const range = weekRange(week, timeZone);
    found = { from: range.from.toJSDate(), to: range.to.toJSDate() };
    if (bounds.size > 10_000) bounds.clear();
    bounds.set(key, found);
  }
  return found;
}

/** From the first week's start in the earliest zone to the last week's end in the latest one. */
export function spanOf(members: TeamMember[], weeks: string[]): { from: Date; to: Date } {
  const zones = [...new Set(members.map((m) => m.timeZone))];
  const first = weeks[0] ?? '';
  const last = weeks.at(-1) ?? '';
  return {
    from: new Date(Math.min(...zones.map((z) => weekBounds(first, z).from.getTime()))),
    to: new Date(Math.max(...zones.map((z) => weekBounds(last, z).to.getTime()))),
  };
}

/** Where each person's weeks begin and end, in their own zone. */
function personWeeks(members: TeamMember[], weeks: string[]) {
  // Only the weeks a person counts in: after their deactivation their time is nobody's figure.
  return members.flatMap((m) =>
    weeks
      .filter((week) => countedIn(m, week))
      .map((week) => {
        const range = weekBounds(week, m.timeZone);
        return { user_id: m.id, week, starts: range.from.toISOString(), ends: range.to.toISOString() };
      }),
  );
}

/**
 * A person belongs to a week's figures unless they were deactivated before it began (in their zone):
 * they leave the totals from the week after their deactivation, and their past weeks stay.
 */
export function countedIn(member: TeamMember, week: string): boolean {
  return !member.deactivatedAt || member.deactivatedAt >= weekBounds(week, member.timeZone).from;
}

/** The team's counted minutes on each account over the weeks, and how many people gave them. */
export type AccountTime = Map<string, { minutes: Minutes; people: number }>;

export interface TeamTime {
  people: PersonWeeks[];
  accounts: AccountTime;
}

interface TimeRow extends Record<string, unknown> {
  set: number;
  user_id: string | null;
  week: string | null;
  account_id: string | null;
  urgent: boolean | null;
  important: boolean | null;
  minutes: number;
  recurring: number;
}
// grouping(w.user_id, a.account_id, a.urgent): which grouping set a row comes from.
const BY_PERSON_WEEK = 0b010;
const BY_ACCOUNT_QUADRANT = 0b100;
const BY_ACCOUNT_PERSON = 0b001;

/**
 * Counted minutes per person, ISO week (cut in each person's zone, as their own week report does)
 * and quadrant, with recurring Q3 minutes, and per account — one pass over the team's activities in
 * the 12 weeks; then planned Q2 budgets and whether each reflected in `week`. Three queries
 * whatever the team's size.
 */
export async function teamTime(
  db: Db,
  workspaceId: string,
  members: TeamMember[],
  week: string,
): Promise<TeamTime> {
  if (members.length === 0) return { people: [], accounts: new Map() };
  const weeks = trendWeeks(week);
  const span = spanOf(members, weeks);
  const [time, plans, reflections] = await Promise.all([
    // Each person's 12 weeks as instants in their zone (luxon, as their week report cuts them), joined
    // as ranges: an index range scan per person and week, no zone arithmetic per row, and PostgreSQL
    // can hash the three grouping sets in one pass (no distinct count).
    db.execute<TimeRow>(sql`
      select grouping(w.user_id, a.account_id, a.urgent)::int as set, w.user_id, w.week,
             a.account_id, a.urgent, a.important, sum(a.minutes)::int as minutes,
             coalesce(sum(a.minutes) filter (where a.recurring), 0)::int as recurring
      from jsonb_to_recordset(${JSON.stringify(personWeeks(members, weeks))}::jsonb)
             as w(user_id text, week text, starts timestamptz, ends timestamptz)
      join activities a on a.workspace_id = ${workspaceId} and a.user_id = w.user_id
        and a.starts_at >= w.starts and a.starts_at < w.ends and ${countedTime('a')}
        -- The same rows bounded in terms the planner can estimate (it knows nothing of the ranges).
        and ${inTeam('a.user_id', members)}
        and a.starts_at >= ${span.from.toISOString()}::timestamptz and a.starts_at < ${span.to.toISOString()}::timestamptz
      group by grouping sets ((w.user_id, w.week, a.urgent, a.important),
                              (a.account_id, a.urgent, a.important), (a.account_id, w.user_id))`),
    db.execute<{ user_id: string; minutes: number }>(sql`
      select user_id, sum(budget_minutes)::int as minutes from big_rocks
      where workspace_id = ${workspaceId} and ${inTeam('user_id', members)} and week = ${week}
        and status <> 'dropped'
      group by 1`),
    db.execute<{ user_id: string }>(sql`
      select user_id from reflections
      where workspace_id = ${workspaceId} and ${inTeam('user_id', members)} and week = ${week}
        and answers <> '{}'::jsonb`),
  ]);

  const byId = new Map<string, PersonWeeks>(
    members.map((member) => [
      member.id,
      { member, minutes: new Map(), recurringQ3Minutes: 0, plannedQ2Minutes: 0, reflected: false },
    ]),
  );
  const accounts: AccountTime = new Map();
  for (const row of time.rows) {
    if (row.set === BY_PERSON_WEEK) {
      const person = row.user_id ? byId.get(row.user_id) : undefined;
      if (!person || !row.week) continue;
      const minutes = person.minutes.get(row.week) ?? emptyMinutes();
      const quadrant = quadrantOf({ urgent: Boolean(row.urgent), important: Boolean(row.important) });
      minutes[quadrant] += row.minutes;
      person.minutes.set(row.week, minutes);
      if (row.week === week && quadrant === 'q3') person.recurringQ3Minutes += row.recurring;
    } else if (row.account_id) {
      const entry = accounts.get(row.account_id) ?? { minutes: emptyMinutes(), people: 0 };
      if (row.set === BY_ACCOUNT_PERSON) entry.people += 1;
      else if (row.set === BY_ACCOUNT_QUADRANT)
        entry.minutes[quadrantOf({ urgent: Boolean(row.urgent), important: Boolean(row.important) })] +=
          row.minutes;
      accounts.set(row.account_id, entry);
    }
  }
  for (const row of plans.rows) {
    const person = byId.get(row.user_id);
    if (person) person.plannedQ2Minutes = row.minutes;
  }
  for (const row of reflections.rows) {
    const person = byId.get(row.user_id);
    if (person) person.reflected = true;
  }
  return { people: [...byId.values()], accounts };
}

/** A sum, unless fewer than `minGroupSize` people gave to it (then it would be theirs, not the team's). */
function sumOfEnough(values: number[], minGroupSize: number): number | null {
  const givers = values.filter((v) => v > 0).length;
  return givers > 0 && givers < minGroupSize ? null : values.reduce((total, v) => total + v, 0);
}

const q2Share = (m: Minutes | undefined): number | null => {
  const total = m ? sum(m) : 0;
  return m && total ? round(m.q2 / total) : null;
};

/** One person's row: the chosen week against their own targets, and their 12-week Q2 share. */
export function personRow(person: PersonWeeks, week: string): TeamPerson {
  const minutes = person.minutes.get(week) ?? emptyMinutes();
  const split = toSplit(minutes);
  return {
    userId: person.member.id,
    name: person.member.name,
    deactivated: person.member.deactivatedAt !== null,
    ...split,
    targets: evaluateTargets(person.member.targets ?? DEFAULT_TARGETS, shares(split.quadrants)),
    q2Trend: trendWeeks(week).map((w) => {
      const m = person.minutes.get(w);
      return { week: w, totalMinutes: m ? sum(m) : 0, share: q2Share(m) };
    }),
    plannedQ2Minutes: person.plannedQ2Minutes,
    recurringQ3Minutes: person.recurringQ3Minutes,
    reflected: person.reflected,
  };
}

/**
 * The team's totals: the sums of everyone counted in each week. With `minGroupSize`, a week that
 * fewer people contributed to shows no figures (null), so no total stands for one or two people.
 */
export function teamTotals(people: PersonWeeks[], week: string, minGroupSize = 0): TeamTotals | null {
  const weekFigures = (w: string) => {
    const counted = people.filter((p) => countedIn(p.member, w));
    const minutes = emptyMinutes();
    let contributors = 0;
    for (const p of counted) {
      const m = p.minutes.get(w);
      if (!m || sum(m) === 0) continue;
      contributors += 1;
      for (const q of QUADRANTS) minutes[q] += m[q];
    }
    return { counted, minutes, contributors };
  };
  const current = weekFigures(week);
  if (current.contributors < minGroupSize) return null;
  return {
    people: current.counted.length,
    contributors: current.contributors,
    ...toSplit(current.minutes),
    q2Trend: trendWeeks(week).map((w): TrendPoint => {
      const { minutes, contributors } = weekFigures(w);
      return contributors < minGroupSize
        ? { week: w, totalMinutes: null, share: null }
        : { week: w, totalMinutes: sum(minutes), share: q2Share(minutes) };
    }),
    plannedQ2Minutes: sumOfEnough(
      current.counted.map((p) => p.plannedQ2Minutes),
      minGroupSize,
    ),
    recurringQ3Minutes: sumOfEnough(
      current.counted.map((p) => p.recurringQ3Minutes),
      minGroupSize,
    ),
    reflected: current.counted.filter((p) => p.reflected).length,
  };
}
