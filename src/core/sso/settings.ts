import { eq, sql } from 'drizzle-orm';
import { recordActorAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { users, workspaces } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { SsoConfig } from './config.ts';
import type { SignInSettings, SignInSettingsInput } from './schemas.ts';

const assertOwner = (actor: Actor) => {
  if (actor.role !== 'owner') throw new AppError('forbidden', 'only the workspace owner manages sign-in');
};

/** The workspace's SSO domains and whether passwords are off, with the server's provider (owner). */
export async function signInSettings(db: Db, actor: Actor, sso: SsoConfig | null): Promise<SignInSettings> {
  assertOwner(actor);
  const [row] = await db
    .select({ ssoDomains: workspaces.ssoDomains, passwordsOff: workspaces.passwordsOff })
    .from(workspaces)
    .where(eq(workspaces.id, actor.workspaceId));
  if (!row) throw AppError.notFound('workspace');
  return { ...row, sso: sso && { name: sso.name } };
}

/** Passwords may go off only while SSO is configured, or nobody could sign in at all. */
export async function setSignInSettings(
  db: Db,
  actor: Actor,
  sso: SsoConfig | null,
  input: SignInSettingsInput,
): Promise<SignInSettings> {
  assertOwner(actor);
  if (input.passwordsOff && !sso) {
    throw new AppError(
      'validation_failed',
      'passwords can only be turned off when single sign-on is set up',
      {
        passwordsOff:
          'needs LINCHPIN_OIDC_ISSUER, LINCHPIN_OIDC_CLIENT_ID and LINCHPIN_OIDC_CLIENT_SECRET on the server',
      },
    );
  }
  const ssoDomains = [...new Set(input.ssoDomains)].sort();
  await db.transaction(async (tx) => {
    await tx
      .update(workspaces)
      .set({ ssoDomains, passwordsOff: input.passwordsOff })
      .where(eq(workspaces.id, actor.workspaceId));
    const target = `domains: ${ssoDomains.join(', ') || 'none'}; passwords ${input.passwordsOff ? 'off' : 'on'}`;
    await recordActorAudit(tx, actor, 'workspace.sign_in_changed', target);
  });
  return { ssoDomains, passwordsOff: input.passwordsOff, sso: sso && { name: sso.name } };
}

/** Whether the workspace of the person with this e-mail signs in with SSO only. */
export async function passwordsOffFor(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ off: workspaces.passwordsOff })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(eq(users.email, email.trim().toLowerCase()));
  return row?.off ?? false;
}

/** Why a password is refused where passwords are off: what to use instead. */
export const passwordsOffMessage = (sso: SsoConfig | null | undefined) =>
  `passwords are off in this workspace: use Sign in with ${sso?.name ?? 'single sign-on'}`;

/** The 403 for setting or using a password in a workspace that signs in with SSO only. */
export const passwordsOffError = (sso: SsoConfig | null | undefined) =>
  new AppError('forbidden', passwordsOffMessage(sso));

/** Refuses a password change in a workspace that signs in with SSO only. */
export async function assertPasswordsOn(db: Db, workspaceId: string, sso: SsoConfig | null): Promise<void> {
  const [row] = await db
    .select({ off: workspaces.passwordsOff })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (row?.off) throw passwordsOffError(sso);
}

/**
 * What the sign-in page offers before anyone is known: the SSO button, and the password form unless
 * every workspace turned passwords off (one instance is normally one workspace).
 */
export async function signInChoices(db: Db, sso: SsoConfig | null) {
  if (!sso) return null;
  const [row] = await db
    .select({
      passwords: sql<number>`count(*) filter (where not ${workspaces.passwordsOff})`.mapWith(Number),
    })
    .from(workspaces);
  return { name: sso.name, only: (row?.passwords ?? 0) === 0 };
}
