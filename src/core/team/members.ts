import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { type QuadrantTargets, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { reportsOf } from '../people/service.ts';

export interface TeamMember {
  id: string;
  name: string;
  timeZone: string;
  targets: QuadrantTargets | null;
  deactivatedAt: Date | null;
}

export interface Team {
  /** Whose team this is; null for the owner's whole-workspace view. */
  leader: { id: string; name: string } | null;
  members: TeamMember[];
}

/** A team member's columns of `users`: what the figures need, and no more. */
export const memberColumns = {
  id: users.id,
  name: users.name,
  timeZone: users.timeZone,
  targets: users.targets,
  deactivatedAt: users.deactivatedAt,
};

/**
 * Whose figures the actor may see: a leader, everyone below them in the reporting lines, and the
 * team of any leader below them; the owner, the whole workspace or any leader's team. Members see
 * none. With `ownTeamOnly` (aggregate privacy) only the actor's own team: a team inside another
 * could be subtracted from it to reveal one person's week.
 */
export async function teamOf(
  db: Db,
  actor: Actor,
  leaderId?: string,
  { ownTeamOnly = false } = {},
): Promise<Team> {
  if (actor.role === 'member') {
    throw new AppError('forbidden', 'the team page is for leaders and the workspace owner');
  }
  if (ownTeamOnly && leaderId && leaderId !== actor.userId) {
    throw new AppError(
      'forbidden',
      'team privacy is aggregate: team pages show your own team only (a team inside it would reveal people by subtraction)',
      { leaderId: 'only your own team in aggregate mode' },
    );
  }
  if (!leaderId && actor.role === 'owner') {
    const members = await db
      .select(memberColumns)
      .from(users)
      .where(eq(users.workspaceId, actor.workspaceId));
    return { leader: null, members: byName(members) };
  }
  const id = leaderId ?? actor.userId;
  const [leader] = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.workspaceId, actor.workspaceId), eq(users.id, id)));
  const visible =
    leader &&
    (actor.role === 'owner' ||
      id === actor.userId ||
      (await reportsOf(db, actor.workspaceId, actor.userId)).includes(id));
  if (!leader || !visible) {
    throw new AppError('not_found', 'person not found', { leaderId: 'no such leader in your team' });
  }
  if (leader.role === 'member')
    throw AppError.invalid('leaderId', `${leader.name} is a member: nobody reports to them`);
  const ids = await reportsOf(db, actor.workspaceId, leader.id);
  const members = ids.length
    ? await db
        .select(memberColumns)
        .from(users)
        .where(and(eq(users.workspaceId, actor.workspaceId), inArray(users.id, ids)))
    : [];
  return { leader: { id: leader.id, name: leader.name }, members: byName(members) };
}

const byName = (members: TeamMember[]) =>
  members.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
