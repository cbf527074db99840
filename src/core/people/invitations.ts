import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordActorAudit, recordAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/password.ts';
import { digest, matchesDigest, newSecret } from '../auth/secrets.ts';
import { insertUser, type Me, ROLES } from '../auth/users.ts';
import type { Db, Tx } from '../db/client.ts';
import { invitations, type Role, users, workspaces } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { invitationMail } from '../mail/messages.ts';
import { limitRate } from '../rate-limit.ts';
import type { SsoConfig } from '../sso/config.ts';
import { passwordsOffError } from '../sso/settings.ts';
import { now } from '../time/clock.ts';
import { dateIn } from '../time/days.ts';
import { assertTimeZone, daysFromNow } from '../time/weeks.ts';
import { assertLeader, describePerson } from './service.ts';

export const INVITATION_DAYS = 7;

const email = z.string().trim().toLowerCase().max(320).pipe(z.email('must be an email address'));

export const invitationInputSchema = z.object({
  email,
  role: z.enum(ROLES),
  leaderId: z.string().min(1, 'must be a person’s id').max(100).nullable().optional(),
});
export type InvitationInput = z.infer<typeof invitationInputSchema>;

export const acceptInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  password: z.string().min(8, 'must be at least 8 characters').max(200),
  timeZone: z.string().max(64).optional(),
});
export type AcceptInput = z.infer<typeof acceptInputSchema>;

type InvitationRow = typeof invitations.$inferSelect;

export type InvitationStatus = 'pending' | 'accepted' | 'withdrawn' | 'expired';

function statusOf(row: InvitationRow, at = now()): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.withdrawnAt) return 'withdrawn';
  return row.expiresAt <= at ? 'expired' : 'pending';
}

/** Where a person opens an invitation: the web app's public page. */
export const invitationUrl = (origin: string, token: string) => `${origin}/#/invite/${token}`;

/** Who may invite whom: the owner anyone, a leader members only. */
function assertMayInvite(actor: Actor, role: Role): void {
  if (actor.role === 'owner') return;
  if (actor.role === 'leader') {
    if (role !== 'member')
      throw new AppError('forbidden', 'leaders invite members only; ask the owner for other roles');
    return;
  }
  throw new AppError('forbidden', 'only the workspace owner and leaders invite people');
}

/** An address may be invited when nobody has it and it has no open invitation here. */
async function assertInvitable(tx: Tx, workspaceId: string, email: string): Promise<void> {
  const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (person) {
    throw new AppError('conflict', `${email} already belongs to a person on this Linchpin`, {
      email: 'already has a person',
    });
  }
  const [pending] = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.withdrawnAt),
        gt(invitations.expiresAt, now()),
      ),
    );
  if (pending) {
    throw new AppError('conflict', `${email} has an open invitation: withdraw it to send a new one`, {
      email: 'is already invited',
    });
  }
}

/**
 * A one-time link for `email` to join the actor's workspace, valid 7 days: sent by mail when mail
 * is set up, and returned (with its token) only in this answer.
 */
export async function createInvitation(
  db: Db,
  mailer: Mailer,
  actor: Actor & { name: string },
  input: InvitationInput,
  context: { origin: string; ip: string | null },
) {
  assertMayInvite(actor, input.role);
  const leaderId = input.leaderId ?? (actor.role === 'leader' ? actor.userId : null);
  if (leaderId) await assertLeader(db, actor.workspaceId, null, leaderId);
  const token = newSecret();
  const id = randomUUID();
  const expiresAt = daysFromNow(INVITATION_DAYS, actor.timeZone);
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId));
  await db.transaction(async (tx) => {
    // One open invitation per address: two people inviting the same address at once get one link.
    await tx.execute(sql`select pg_advisory_xact_lock(727004, hashtext(${input.email}))`);
    await assertInvitable(tx, actor.workspaceId, input.email);
    await tx.insert(invitations).values({
      id,
      workspaceId: actor.workspaceId,
      email: input.email,
      role: input.role,
      leaderId,
      tokenHash: digest(token),
      invitedBy: actor.userId,
      expiresAt,
    });
    await recordActorAudit(tx, actor, 'invitation.sent', `${input.email} as ${input.role}`, context.ip);
  });
  const url = invitationUrl(context.origin, token);
  const emailed =
    mailer.configured &&
    (await mailer.send(
      invitationMail({
        to: input.email,
        workspace: workspace?.name ?? 'Linchpin',
        invitedBy: actor.name,
        role: input.role,
        url,
        expiresOn: dateIn(expiresAt, actor.timeZone),
      }),
    ));
  return {
    id,
    email: input.email,
    role: input.role,
    leaderId,
    expiresAt: expiresAt.toISOString(),
    url,
    emailed,
  };
}

export async function listInvitations(db: Db, actor: Actor) {
  if (actor.role === 'member')
    throw new AppError('forbidden', 'only the workspace owner and leaders see invitations');
  const rows = await db
    .select({ invitation: invitations, invitedByName: users.name })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.workspaceId, actor.workspaceId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  const at = now();
  return rows.map(({ invitation: r, invitedByName }) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    leaderId: r.leaderId,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    status: statusOf(r, at),
    invitedBy: { id: r.invitedBy, name: invitedByName },
  }));
}

/** Withdraws an open invitation: the owner any, a leader the ones they sent. */
export async function withdrawInvitation(db: Db, actor: Actor, id: string, ip: string | null): Promise<void> {
  if (actor.role === 'member')
    throw new AppError('forbidden', 'only the workspace owner and leaders withdraw invitations');
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.workspaceId, actor.workspaceId)));
  if (!row) throw AppError.notFound('invitation');
  if (actor.role === 'leader' && row.invitedBy !== actor.userId) {
    throw new AppError('forbidden', 'leaders withdraw the invitations they sent; ask the owner');
  }
  if (row.acceptedAt) throw new AppError('conflict', `${row.email} already joined: deactivate them instead`);
  if (row.withdrawnAt) return;
  await db.transaction(async (tx) => {
    await tx.update(invitations).set({ withdrawnAt: now() }).where(eq(invitations.id, id));
    await recordActorAudit(tx, actor, 'invitation.withdrawn', row.email, ip);
  });
}

/** Finds an invitation by its token and says, as a person would understand, why it cannot be used. */
function assertUsable(
  row: InvitationRow | undefined,
  token: string,
  inviter?: { name: string; timeZone: string },
): InvitationRow {
  if (!row || !matchesDigest(token, row.tokenHash)) {
    throw new AppError('not_found', 'this invitation link is not valid');
  }
  const askForNew = inviter ? `: ask ${inviter.name} for a new one` : '';
  const status = statusOf(row);
  if (status === 'accepted')
    throw new AppError('conflict', 'this invitation was already used: sign in instead');
  if (status === 'withdrawn') throw new AppError('gone', `this invitation was withdrawn${askForNew}`);
  if (status === 'expired') {
    // The day the invitation mail named: the inviter's calendar day.
    const day = dateIn(row.expiresAt, inviter?.timeZone ?? 'UTC');
    throw new AppError('gone', `this invitation expired on ${day}${askForNew}`);
  }
  return row;
}

async function invitationByToken(db: Db, token: string) {
  if (token.length > 100) return undefined;
  const [row] = await db
    .select({
      invitation: invitations,
      workspace: workspaces.name,
      passwordsOff: workspaces.passwordsOff,
      inviter: { name: users.name, timeZone: users.timeZone },
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, digest(token)));
  return row;
}

// Guessing tokens is hopeless at 256 bits, but a flood of tries is still refused early.
const limitAcceptance = (db: Db, ip: string | null) =>
  limitRate(db, `invitation:${ip ?? 'unknown'}`, 30, 10 * 60_000);

/**
 * What the invitee sees before joining: the workspace, their address, the role and who invited them,
 * and the provider to join with when the workspace has passwords off (`sso`, else null).
 */
export async function invitationPreview(db: Db, token: string, ip: string | null, sso: SsoConfig | null) {
  await limitAcceptance(db, ip);
  const found = await invitationByToken(db, token);
  const row = assertUsable(found?.invitation, token, found?.inviter);
  return {
    workspace: found?.workspace ?? '',
    email: row.email,
    role: row.role,
    invitedBy: found?.inviter.name ?? '',
    // Their first SSO sign-in joins them with this invitation's role (sso/joining.ts).
    sso: found?.passwordsOff ? { name: sso?.name ?? 'single sign-on' } : null,
  };
}

/**
 * Joins the workspace with the invitation: creates the person (name, password, time zone), marks
 * the invitation used, in one transaction with the invitation row locked, so a link works once.
 * Where passwords are off nothing is written: the invitation stays open for the SSO sign-in.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: AcceptInput,
  context: { ip: string | null; sso: SsoConfig | null },
): Promise<Me> {
  const { ip } = context;
  await limitAcceptance(db, ip);
  // Before hashing: a password here is refused whatever it is.
  if ((await invitationByToken(db, token))?.passwordsOff) throw passwordsOffError(context.sso);
  const timeZone = input.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, digest(token.slice(0, 100))))
      .for('update');
    const [inviter] = locked ? await tx.select().from(users).where(eq(users.id, locked.invitedBy)) : [];
    const row = assertUsable(locked, token, inviter);
    // The inviter must still be allowed to give this role: a deactivated or demoted inviter's links lapse.
    const mayStillInvite =
      inviter &&
      !inviter.deactivatedAt &&
      (inviter.role === 'owner' || (inviter.role === 'leader' && row.role === 'member'));
    if (!mayStillInvite) {
      throw new AppError(
        'gone',
        'this invitation is no longer valid: the person who sent it can no longer invite you',
      );
    }
    const [workspace] = await tx.select().from(workspaces).where(eq(workspaces.id, row.workspaceId));
    if (!workspace) throw AppError.notFound('workspace');
    // The leader may have been deactivated or demoted since: then nobody, rather than a broken line.
    const [leader] = row.leaderId
      ? await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, row.leaderId), isNull(users.deactivatedAt), sql`${users.role} <> 'member'`))
      : [];
    const me = await insertUser(tx, workspace, {
      name: input.name,
      email: row.email,
      role: row.role,
      timeZone,
      passwordHash,
      leaderId: leader?.id ?? null,
    });
    await tx
      .update(invitations)
      .set({ acceptedAt: now(), acceptedUserId: me.id })
      .where(eq(invitations.id, row.id));
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: me.id,
      action: 'invitation.accepted',
      target: `${describePerson(me)} as ${me.role}`,
      ip,
    });
    return me;
  });
}
