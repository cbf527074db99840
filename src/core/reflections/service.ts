import { randomUUID } from 'node:crypto';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { quadrantOf } from '../activities/quadrant.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { reflections, users } from '../db/schema/index.ts';
import { valueList } from '../db/sql.ts';
import { countedTime } from '../reports/counted.ts';
import { now } from '../time/clock.ts';
import { weekRange } from '../time/weeks.ts';
import type { ReflectionInput, ReflectionView } from './schemas.ts';

type Row = typeof reflections.$inferSelect;

const toView = (row: Row): ReflectionView => ({
  week: row.week,
  answers: row.answers,
  sharedWithTeam: row.sharedWithTeam,
  inHandover: row.inHandover,
  updatedAt: row.updatedAt.toISOString(),
});

/** The actor's own reflection on a week (empty until written); nobody else's, ever. */
export async function getReflection(db: Db, actor: Actor, week: string): Promise<ReflectionView> {
  weekRange(week, actor.timeZone); // a week that does not exist is a 400 here
  const [row] = await db
    .select()
    .from(reflections)
    .where(and(eq(reflections.userId, actor.userId), eq(reflections.week, week)));
  return row ? toView(row) : { week, answers: {}, sharedWithTeam: false, inHandover: false, updatedAt: null };
}

/** Writes the actor's reflection on a week; answers left out stay, empty ones are removed. */
export async function saveReflection(
  db: Db,
  actor: Actor,
  week: string,
  input: ReflectionInput,
): Promise<ReflectionView> {
  const current = await getReflection(db, actor, week);
  const answers = Object.fromEntries(
    Object.entries({ ...current.answers, ...input.answers }).filter(([, text]) => Boolean(text?.trim())),
  );
  const values = {
    answers,
    sharedWithTeam: input.sharedWithTeam ?? current.sharedWithTeam,
    inHandover: input.inHandover ?? current.inHandover,
    updatedAt: now(),
  };
  await db
    .insert(reflections)
    .values({ id: randomUUID(), workspaceId: actor.workspaceId, userId: actor.userId, week, ...values })
    .onConflictDoUpdate({ target: [reflections.userId, reflections.week], set: values });
  return getReflection(db, actor, week);
}

/** The actor's reflections, newest week first, each with that week's minutes per quadrant. */
export async function reflectionHistory(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(reflections)
    .where(eq(reflections.userId, actor.userId))
    .orderBy(desc(reflections.week));
  if (rows.length === 0) return [];
  const result = await db.execute<{ week: string; urgent: boolean; important: boolean; minutes: number }>(sql`
    select to_char(date_trunc('week', a.starts_at at time zone ${actor.timeZone}), 'IYYY-"W"IW') as week,
           a.urgent, a.important, sum(a.minutes)::int as minutes
    from activities a
    where a.workspace_id = ${actor.workspaceId} and a.user_id = ${actor.userId} and ${countedTime('a')}
      and to_char(date_trunc('week', a.starts_at at time zone ${actor.timeZone}), 'IYYY-"W"IW') in (${valueList(rows.map((r) => r.week))})
    group by 1, 2, 3`);
  return rows.map((row) => {
    const minutes = { q1: 0, q2: 0, q3: 0, q4: 0 };
    for (const r of result.rows) if (r.week === row.week) minutes[quadrantOf(r)] += r.minutes;
    return { ...toView(row), minutes };
  });
}

/** Colleagues' reflections their authors shared with the team, newest first. */
export async function sharedReflections(db: Db, actor: Actor) {
  const rows = await db
    .select({ reflection: reflections, author: users.name })
    .from(reflections)
    .innerJoin(users, eq(users.id, reflections.userId))
    .where(
      and(
        eq(reflections.workspaceId, actor.workspaceId),
        eq(reflections.sharedWithTeam, true),
        ne(reflections.userId, actor.userId),
      ),
    )
    .orderBy(desc(reflections.week), desc(reflections.updatedAt))
    .limit(200);
  return rows.map((r) => ({ ...toView(r.reflection), author: r.author }));
}
