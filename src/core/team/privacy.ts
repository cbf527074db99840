import { eq } from 'drizzle-orm';
import { recordActorAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { workspaces } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { TeamPrivacy } from './schemas.ts';

/** What leaders' team pages may show in this workspace. */
export async function teamPrivacy(db: Db, workspaceId: string): Promise<TeamPrivacy> {
  const [row] = await db
    .select({ mode: workspaces.teamPrivacy, minGroupSize: workspaces.minGroupSize })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!row) throw AppError.notFound('workspace');
  return row;
}

/** The setting as the owner edits it (everyone else reads the mode in force on their team or leader view). */
export async function teamPrivacySetting(db: Db, actor: Actor): Promise<TeamPrivacy> {
  if (actor.role !== 'owner')
    throw new AppError('forbidden', 'only the workspace owner manages team privacy');
  return teamPrivacy(db, actor.workspaceId);
}

/** The owner chooses per-person figures or team totals only; the change is in the audit log. */
export async function setTeamPrivacy(db: Db, actor: Actor, input: TeamPrivacy): Promise<TeamPrivacy> {
  if (actor.role !== 'owner') throw new AppError('forbidden', 'only the workspace owner sets team privacy');
  return db.transaction(async (tx) => {
    await tx
      .update(workspaces)
      .set({ teamPrivacy: input.mode, minGroupSize: input.minGroupSize })
      .where(eq(workspaces.id, actor.workspaceId));
    const target = `${input.mode}, groups of ${input.minGroupSize} or more`;
    await recordActorAudit(tx, actor, 'workspace.team_privacy_changed', target);
    return input;
  });
}
