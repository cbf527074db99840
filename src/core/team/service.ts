import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { type Role, users } from '../db/schema/index.ts';
import { currentWeek } from '../reports/week-report.ts';
import { teamAccounts } from './accounts.ts';
import { countedIn, personRow, teamTime, teamTotals, trendWeeks } from './figures.ts';
import { memberColumns, teamOf } from './members.ts';
import { teamPrivacy } from './privacy.ts';
import type { LeaderView, TeamQuery, TeamView } from './schemas.ts';

/**
 * A leader's team page (the owner's: the whole workspace or one leader's team) for one ISO week:
 * figures per person and for the team, and the team's accounts by risk. In aggregate mode no
 * per-person row is given and totals need `minGroupSize` contributors.
 */
export async function teamView(db: Db, actor: Actor, query: TeamQuery = {}): Promise<TeamView> {
  const week = query.week ?? currentWeek(actor.timeZone);
  const weeks = trendWeeks(week);
  const privacy = await teamPrivacy(db, actor.workspaceId);
  const aggregate = privacy.mode === 'aggregate';
  const team = await teamOf(db, actor, query.leaderId, { ownTeamOnly: aggregate });
  const reading = teamTime(db, actor.workspaceId, team.members, week);
  const accountTime = reading.then((t) => t.accounts);
  // teamAccounts awaits it only after its own first query: handled here too, so a failing
  // database rejects this request once instead of leaving an unhandled rejection.
  accountTime.catch(() => {});
  const [time, accounts] = await Promise.all([
    reading,
    teamAccounts(db, {
      actor,
      members: team.members,
      wholeWorkspace: team.leader === null,
      time: accountTime,
      minGroupSize: aggregate ? privacy.minGroupSize : 0,
    }),
  ]);
  const figures = time.people;
  const counted = figures.filter((p) => countedIn(p.member, week));
  return {
    week,
    weeks,
    privacy: privacy.mode,
    minGroupSize: privacy.minGroupSize,
    leader: team.leader,
    size: counted.length,
    people: aggregate ? [] : counted.map((p) => personRow(p, week)),
    team: teamTotals(figures, week, aggregate ? privacy.minGroupSize : 0),
    accounts,
  };
}

/** What the caller's leader (and the owner) see about them: their row of the team page, or none. */
export async function leaderView(
  db: Db,
  actor: Actor,
  week = currentWeek(actor.timeZone),
): Promise<LeaderView> {
  const [privacy, [me], seenBy] = await Promise.all([
    teamPrivacy(db, actor.workspaceId),
    db
      .select({ ...memberColumns, leaderId: users.leaderId })
      .from(users)
      .where(eq(users.id, actor.userId)),
    seersOf(db, actor),
  ]);
  const [leader] = me?.leaderId
    ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, me.leaderId))
    : [];
  const base = {
    week,
    privacy: privacy.mode,
    minGroupSize: privacy.minGroupSize,
    leader: leader ?? null,
    seenBy,
  };
  if (!me || privacy.mode === 'aggregate') return { ...base, person: null };
  const [figures] = (await teamTime(db, actor.workspaceId, [me], week)).people;
  return { ...base, person: figures ? personRow(figures, week) : null };
}

/** Who sees the actor's row: every active leader above them in the reporting lines, and the owners. */
async function seersOf(db: Db, actor: Actor): Promise<LeaderView['seenBy']> {
  const result = await db.execute<{ id: string; name: string; role: Role }>(sql`
    with recursive above(id) as (
      select leader_id from users where id = ${actor.userId} and leader_id is not null
      union
      select u.leader_id from users u join above a on u.id = a.id where u.leader_id is not null
    )
    select id, name, role from users
    where workspace_id = ${actor.workspaceId} and id <> ${actor.userId} and deactivated_at is null
      and (id in (select id from above) or role = 'owner')
    order by role = 'owner', name`);
  return result.rows;
}
