import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordActorAudit, recordAudit } from '../audit/service.ts';
import type { Db } from '../db/client.ts';
import { authAccounts, passwordResets, users, workspaces } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { passwordResetMail } from '../mail/messages.ts';
import { signOutEverywhere } from '../people/service.ts';
import { limitRate, withinRate } from '../rate-limit.ts';
import type { SsoConfig } from '../sso/config.ts';
import { assertPasswordsOn, passwordsOffError } from '../sso/settings.ts';
import { now } from '../time/clock.ts';
import type { Actor } from './actor.ts';
import { assertUncommonPassword, hashPassword, verifyPassword } from './password.ts';
import { digest, matchesDigest, newSecret } from './secrets.ts';

const newPassword = z.string().min(8, 'must be at least 8 characters').max(200);

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, 'must not be empty').max(200),
  newPassword,
});
export const resetRequestSchema = z.object({ email: z.string().trim().toLowerCase().max(320) });
export const resetSchema = z.object({ password: newPassword });

const RESET_MS = 60 * 60_000;

async function setPassword(db: Db, userId: string, password: string, field: string): Promise<void> {
  await db
    .update(authAccounts)
    .set({ password: await hashPassword(password, field), updatedAt: now() })
    .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, 'credential')));
}

/**
 * Changes the actor's password when the current one is right; every other session ends (the one
 * making the change stays signed in). Refused where passwords are off: nobody signs in with one.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: z.infer<typeof passwordChangeSchema>,
  context: { ip: string | null; sessionToken?: string; sso: SsoConfig | null },
): Promise<void> {
  await assertPasswordsOn(db, actor.workspaceId, context.sso);
  await limitRate(db, `password-change:${actor.userId}`, 10, 10 * 60_000);
  const [credential] = await db
    .select({ password: authAccounts.password })
    .from(authAccounts)
    .where(and(eq(authAccounts.userId, actor.userId), eq(authAccounts.providerId, 'credential')));
  if (!credential?.password || !(await verifyPassword(credential.password, input.currentPassword))) {
    throw AppError.invalid('currentPassword', 'is not your current password');
  }
  await setPassword(db, actor.userId, input.newPassword, 'newPassword');
  await voidResetLinks(db, actor.userId);
  await signOutEverywhere(db, actor.userId, context.sessionToken);
  await recordActorAudit(db, actor, 'password.changed', 'own password', context.ip);
}

/** Where the reset link opens: the web app's public page. */
export const resetUrl = (origin: string, token: string) => `${origin}/#/reset/${token}`;

/**
 * Sends a one-hour reset link when the address belongs to an active person. The answer is the
 * same either way, and as fast (the mail leaves in the background), so nobody learns which
 * addresses exist; beyond three mails an hour per address the request is quietly dropped, so a
 * stranger cannot lock someone out of their own reset. Nothing is sent without a trusted origin,
 * nor to a workspace with passwords off (quietly too: the answer must not say who is there).
 */
export async function requestPasswordReset(
  db: Db,
  mailer: Mailer,
  email: string,
  context: { origin: string | null; ip: string | null },
): Promise<void> {
  await limitRate(db, `password-reset:${context.ip ?? 'unknown'}`, 5, 15 * 60_000);
  if (!context.origin) {
    console.error('linchpin: a password reset was asked for, but no LINCHPIN_PUBLIC_URL is set to link to');
    return;
  }
  if (!(await withinRate(db, `password-reset-mail:${email}`, 3, 60 * 60_000))) return;
  const [person] = await db
    .select({
      id: users.id,
      workspaceId: users.workspaceId,
      workspace: workspaces.name,
      passwordsOff: workspaces.passwordsOff,
    })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(and(eq(users.email, email), isNull(users.deactivatedAt)));
  if (!person || person.passwordsOff) return;
  const token = newSecret();
  await db.insert(passwordResets).values({
    id: randomUUID(),
    userId: person.id,
    tokenHash: digest(token),
    expiresAt: new Date(now().getTime() + RESET_MS),
  });
  await recordAudit(db, {
    workspaceId: person.workspaceId,
    actorId: person.id,
    action: 'password.reset_requested',
    target: email,
    ip: context.ip,
  });
  void mailer.send(
    passwordResetMail({ to: email, workspace: person.workspace, url: resetUrl(context.origin, token) }),
  );
}

/** Every reset link a person still has stops working (after a reset or a password change). */
async function voidResetLinks(db: Db, userId: string): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now() })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

/**
 * Sets a new password with a reset link (once, within the hour) and signs the person out everywhere.
 * A link mailed before passwords went off is refused without being used up.
 */
export async function resetPassword(
  db: Db,
  token: string,
  password: string,
  context: { ip: string | null; sso: SsoConfig | null },
): Promise<void> {
  const { ip } = context;
  await limitRate(db, `password-reset-use:${ip ?? 'unknown'}`, 30, 10 * 60_000);
  const [row] =
    token.length > 100
      ? []
      : await db
          .select({
            reset: passwordResets,
            workspaceId: users.workspaceId,
            email: users.email,
            deactivatedAt: users.deactivatedAt,
            passwordsOff: workspaces.passwordsOff,
          })
          .from(passwordResets)
          .innerJoin(users, eq(users.id, passwordResets.userId))
          .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
          .where(eq(passwordResets.tokenHash, digest(token)));
  if (!row || !matchesDigest(token, row.reset.tokenHash))
    throw new AppError('not_found', 'this reset link is not valid');
  if (row.passwordsOff) throw passwordsOffError(context.sso);
  // Before the link is claimed: a refused password must not use it up.
  await assertUncommonPassword(password);
  if (row.reset.usedAt) throw new AppError('gone', 'this reset link was already used: ask for a new one');
  if (row.deactivatedAt) throw new AppError('gone', 'this account was deactivated: ask your workspace owner');
  if (row.reset.expiresAt <= now())
    throw new AppError('gone', 'this reset link has expired (they last one hour): ask for a new one');
  // Claim the link first, so two requests racing with it cannot both set a password.
  const [claimed] = await db
    .update(passwordResets)
    .set({ usedAt: now() })
    .where(
      and(
        eq(passwordResets.id, row.reset.id),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now()),
      ),
    )
    .returning({ id: passwordResets.id });
  if (!claimed) throw new AppError('gone', 'this reset link was already used: ask for a new one');
  await setPassword(db, row.reset.userId, password, 'password');
  await voidResetLinks(db, row.reset.userId);
  await signOutEverywhere(db, row.reset.userId);
  await recordAudit(db, {
    workspaceId: row.workspaceId,
    actorId: row.reset.userId,
    action: 'password.reset',
    target: row.email,
    ip,
  });
}
