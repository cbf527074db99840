import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { TIME_DECISIONS, timeDecisions } from '../db/schema/index.ts';
import { countedTime } from '../reports/counted.ts';
import { now } from '../time/clock.ts';
import { startOfLastDays } from '../time/weeks.ts';

export const DRAIN_WEEKS = 8;

export const timeDecisionInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  decision: z.enum(TIME_DECISIONS, { error: `must be one of ${TIME_DECISIONS.join(', ')}` }),
  delegateTo: z.string().trim().max(200).nullable().optional().describe('Who could do it instead'),
  followUp: z.iso.date('must be a date like 2026-12-07').nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type TimeDecisionInput = z.infer<typeof timeDecisionInputSchema>;

export const drainSchema = z.object({
  key: z.string().describe('The series: its title in lower case'),
  title: z.string(),
  organizer: z.string().nullable(),
  occurrences: z.number().int(),
  minutes: z.number().int(),
  lastAt: z.string(),
  decision: z
    .object({
      decision: z.enum(TIME_DECISIONS),
      delegateTo: z.string().nullable(),
      followUp: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
});
export type Drain = z.infer<typeof drainSchema>;

/**
 * Where the actor's time leaks, over the last 8 weeks, most hours first: recurring Q3 meetings
 * (imported series, or the same title three times or more) with their organiser, or Q4 work by
 * title. Each carries the decision taken about it, if any.
 */
export async function timeDrains(db: Db, actor: Actor, quadrant: 'q3' | 'q4'): Promise<Drain[]> {
  const since = startOfLastDays(DRAIN_WEEKS * 7, actor.timeZone);
  const result = await db.execute<{
    key: string;
    title: string;
    organizer: string | null;
    occurrences: number;
    minutes: number;
    last_at: string | Date;
    recurring: boolean;
  }>(sql`
    select lower(a.title) as key, min(a.title) as title, max(a.organizer) as organizer,
           count(*)::int as occurrences, sum(a.minutes)::int as minutes, max(a.starts_at) as last_at,
           bool_or(a.recurring) as recurring
    from activities a
    where a.workspace_id = ${actor.workspaceId} and a.user_id = ${actor.userId} and ${countedTime('a')}
      and a.urgent = ${quadrant === 'q3'} and a.important = false
      and a.starts_at >= ${since.toISOString()}::timestamptz and a.starts_at <= ${now().toISOString()}::timestamptz
    group by lower(a.title)
    order by sum(a.minutes) desc, lower(a.title)
    limit 50`);
  const decided = await db
    .select()
    .from(timeDecisions)
    .where(and(eq(timeDecisions.userId, actor.userId), eq(timeDecisions.quadrant, quadrant)));
  return result.rows
    .filter((r) => quadrant === 'q4' || r.recurring || r.occurrences >= 3)
    .map((r) => {
      const d = decided.find((x) => x.seriesKey === r.key);
      return {
        key: r.key,
        title: r.title,
        organizer: r.organizer,
        occurrences: r.occurrences,
        minutes: r.minutes,
        lastAt: new Date(r.last_at).toISOString(),
        decision: d
          ? { decision: d.decision, delegateTo: d.delegateTo, followUp: d.followUp, note: d.note }
          : null,
      };
    });
}

/** Keeps the actor's decision about a meeting series or a piece of Q4 work (one per series). */
export async function decideDrain(
  db: Db,
  actor: Actor,
  quadrant: 'q3' | 'q4',
  input: TimeDecisionInput,
): Promise<void> {
  const values = {
    title: input.title,
    decision: input.decision,
    delegateTo: input.delegateTo || null,
    followUp: input.followUp ?? null,
    note: input.note || null,
    updatedAt: now(),
  };
  await db
    .insert(timeDecisions)
    .values({
      id: randomUUID(),
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      quadrant,
      seriesKey: input.title.trim().toLowerCase(),
      ...values,
    })
    .onConflictDoUpdate({
      target: [timeDecisions.userId, timeDecisions.quadrant, timeDecisions.seriesKey],
      set: values,
    });
}

/**
 * One's time-drain follow-ups dated by `until` (and from `from`, when given), soonest first: what
 * reminders, digests and the calendar feed show. Never the note written with them.
 */
export function followUps(db: Db, actor: Actor, range: { from?: string; until: string }) {
  return db
    .select({
      id: timeDecisions.id,
      title: timeDecisions.title,
      decision: timeDecisions.decision,
      delegateTo: timeDecisions.delegateTo,
      followUp: sql<string>`${timeDecisions.followUp}::text`,
    })
    .from(timeDecisions)
    .where(
      and(
        eq(timeDecisions.workspaceId, actor.workspaceId),
        eq(timeDecisions.userId, actor.userId),
        range.from ? gte(timeDecisions.followUp, range.from) : isNotNull(timeDecisions.followUp),
        lte(timeDecisions.followUp, range.until),
      ),
    )
    .orderBy(asc(timeDecisions.followUp), asc(timeDecisions.id));
}
