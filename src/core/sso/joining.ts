import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { Db } from '../db/client.ts';
import { invitations, type Role, users, workspaces } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';

export interface Joining {
  workspaceId: string;
  role: Role;
  leaderId: string | null;
}

export const NOT_INVITED = 'Ask your workspace owner for an invitation';

const openInvitation = (email: string) =>
  and(
    eq(invitations.email, email),
    isNull(invitations.acceptedAt),
    isNull(invitations.withdrawnAt),
    gt(invitations.expiresAt, now()),
  );

/**
 * Where someone signing in with SSO for the first time joins: the workspace of their open invitation
 * (its role and leader), else one whose owner allowed their e-mail's domain, as a member. The
 * provider must have verified the address, or anyone could claim an invited one.
 */
export async function joiningBySso(
  db: Db,
  person: { email: string; emailVerified: boolean },
): Promise<Joining> {
  const email = person.email.trim().toLowerCase();
  if (!person.emailVerified) {
    throw new AppError(
      'forbidden',
      `your identity provider has not verified ${email}, so it cannot join: ${NOT_INVITED.toLowerCase()}`,
    );
  }
  const [invited] = await db
    .select({ workspaceId: invitations.workspaceId, role: invitations.role, leaderId: invitations.leaderId })
    .from(invitations)
    .where(openInvitation(email))
    .orderBy(asc(invitations.createdAt))
    .limit(1);
  if (invited) {
    // The leader may have been deactivated or demoted since: then nobody, rather than a broken line.
    const [leader] = invited.leaderId
      ? await db
          .select({ id: users.id })
          .from(users)
          .where(
            and(eq(users.id, invited.leaderId), isNull(users.deactivatedAt), sql`${users.role} <> 'member'`),
          )
      : [];
    return { workspaceId: invited.workspaceId, role: invited.role, leaderId: leader?.id ?? null };
  }
  const domain = email.split('@').at(-1) ?? '';
  const [allowed] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(sql`${domain} = any(${workspaces.ssoDomains})`)
    .orderBy(asc(workspaces.createdAt))
    .limit(1);
  if (allowed) return { workspaceId: allowed.id, role: 'member', leaderId: null };
  throw new AppError('forbidden', `There is no invitation for ${email}. ${NOT_INVITED}.`);
}

/** After the person's row exists: their invitation is used, and the audit log says how they joined. */
export async function recordSsoJoin(db: Db, person: { id: string; email: string; workspaceId: string }) {
  await db.transaction(async (tx) => {
    const used = await tx
      .update(invitations)
      .set({ acceptedAt: now(), acceptedUserId: person.id })
      .where(and(eq(invitations.workspaceId, person.workspaceId), openInvitation(person.email)))
      .returning({ id: invitations.id });
    await recordAudit(tx, {
      workspaceId: person.workspaceId,
      actorId: person.id,
      action: used.length > 0 ? 'invitation.accepted' : 'sso.joined',
      target: `${person.email} by single sign-on`,
      ip: null,
    });
  });
}
