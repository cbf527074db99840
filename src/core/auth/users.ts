import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import { authAccounts, type QuadrantTargets, type Role, users, workspaces } from '../db/schema/index.ts';
import { AppError, isUniqueViolation } from '../errors.ts';
import { DEFAULT_TARGETS, targetsSchema } from '../reports/targets.ts';
import { now } from '../time/clock.ts';
import { assertTimeZone } from '../time/weeks.ts';
import type { Actor } from './actor.ts';
import { hashPassword } from './password.ts';

export { ROLES } from '../db/schema/values.ts';

export const newUserSchema = z.object({
  workspaceName: z.string().trim().min(1, 'must not be empty').max(200),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  email: z.string().trim().toLowerCase().pipe(z.email('must be an email address')),
  password: z.string().min(8, 'must be at least 8 characters').max(200),
  timeZone: z.string().max(64).optional(),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const mePatchSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    timeZone: z.string().max(64),
    targets: targetsSchema,
  })
  .partial();
export type MePatch = z.infer<typeof mePatchSchema>;

export interface Me {
  id: string;
  name: string;
  email: string;
  role: Role;
  timeZone: string;
  targets: QuadrantTargets;
  /** Whom they report to, or null. */
  leaderId: string | null;
  workspace: { id: string; name: string };
}

const alreadySetUp = () => new AppError('conflict', 'this Linchpin is already set up; sign in instead');

export async function hasAnyUser(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).limit(1);
  return row !== undefined;
}

/**
 * Creates a user with a password in the named workspace (created when new), in one transaction.
 * `onlyIfFirst` makes it first-run setup: it fails with 409 once any user exists.
 */
export async function createUser(
  db: Db,
  input: NewUser & { role: Role },
  options: { onlyIfFirst?: boolean } = {},
): Promise<Me> {
  const timeZone = input.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  // Setup done is the common answer to a stranger: given before any password is hashed (that costs
  // 19 MiB and tens of milliseconds). The check in the transaction below settles a race.
  if (options.onlyIfFirst && (await hasAnyUser(db))) throw alreadySetUp();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // One setup at a time, also across server processes on PostgreSQL.
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    if (options.onlyIfFirst && (await tx.select({ id: users.id }).from(users).limit(1)).length > 0) {
      throw alreadySetUp();
    }
    let [workspace] = await tx.select().from(workspaces).where(eq(workspaces.name, input.workspaceName));
    if (!workspace) {
      [workspace] = await tx
        .insert(workspaces)
        .values({ id: randomUUID(), name: input.workspaceName })
        .returning();
    }
    if (!workspace) throw new Error('workspace insert returned nothing');
    return insertUser(tx, workspace, { ...input, timeZone, passwordHash, leaderId: null });
  });
}

/** The user row and its password credential, in the caller's transaction (setup, admin, invitations). */
export async function insertUser(
  tx: Tx,
  workspace: { id: string; name: string },
  input: {
    name: string;
    email: string;
    role: Role;
    timeZone: string;
    passwordHash: string;
    leaderId: string | null;
  },
): Promise<Me> {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (taken) throw new AppError('conflict', 'a user with this email exists', { email: 'is already in use' });
  const id = randomUUID();
  try {
    await tx.insert(users).values({
      id,
      workspaceId: workspace.id,
      name: input.name,
      email: input.email,
      role: input.role,
      timeZone: input.timeZone,
      leaderId: input.leaderId,
    });
  } catch (error) {
    // Two sign-ups with one address at once: the unique index decides, and the loser hears why.
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'a user with this email exists', { email: 'is already in use' });
    throw error;
  }
  await tx.insert(authAccounts).values({
    id: randomUUID(),
    userId: id,
    accountId: id,
    providerId: 'credential',
    password: input.passwordHash,
  });
  return {
    id,
    name: input.name,
    email: input.email,
    role: input.role,
    timeZone: input.timeZone,
    targets: DEFAULT_TARGETS,
    leaderId: input.leaderId,
    workspace: { id: workspace.id, name: workspace.name },
  };
}

/** What a request needs to know of its person: selected with whatever else the lookup joins. */
export const meColumns = { user: users, workspace: { id: workspaces.id, name: workspaces.name } };

/** The person of a row selected with `meColumns`, or null when they were deactivated. */
export function meOf(row: { user: typeof users.$inferSelect; workspace: Me['workspace'] }): Me | null {
  const { user } = row;
  if (user.deactivatedAt) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    timeZone: user.timeZone,
    targets: user.targets ?? DEFAULT_TARGETS,
    leaderId: user.leaderId,
    workspace: row.workspace,
  };
}

/** The signed-in person, or null when there is none or they were deactivated (their sessions end with it). */
export async function findMe(db: Db, userId: string): Promise<Me | null> {
  const [row] = await db
    .select(meColumns)
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(eq(users.id, userId));
  return row ? meOf(row) : null;
}

// "Last active" is for people, not an access log: one write per person every five minutes is enough.
const ACTIVE_EVERY_MS = 5 * 60_000;
const lastMarked = new Map<string, number>();

/** Notes that the person made a request (at most one write every five minutes). */
export async function markActive(db: Db, userId: string): Promise<void> {
  const at = now();
  // Every request passes here: this process skips the statement while its own last write is recent.
  const last = lastMarked.get(userId);
  if (last !== undefined && Math.abs(at.getTime() - last) < ACTIVE_EVERY_MS) return;
  lastMarked.set(userId, at.getTime());
  await db
    .update(users)
    .set({ lastActiveAt: at })
    .where(
      and(
        eq(users.id, userId),
        or(isNull(users.lastActiveAt), lt(users.lastActiveAt, new Date(at.getTime() - ACTIVE_EVERY_MS))),
      ),
    );
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  if (!row) throw AppError.notFound(`user ${email}`);
  return row.id;
}

export async function updateMe(db: Db, actor: Actor, patch: MePatch): Promise<Me> {
  if (patch.timeZone !== undefined) assertTimeZone(patch.timeZone);
  await db
    .update(users)
    .set({ name: patch.name, timeZone: patch.timeZone, targets: patch.targets, updatedAt: now() })
    .where(and(eq(users.id, actor.userId), eq(users.workspaceId, actor.workspaceId)));
  const me = await findMe(db, actor.userId);
  if (!me) throw AppError.notFound('user');
  return me;
}

export function actorOf(me: Me): Actor {
  return { userId: me.id, workspaceId: me.workspace.id, role: me.role, timeZone: me.timeZone };
}

/** Fails with a field error unless every id is a person of the workspace. */
export async function assertWorkspaceUsers(
  db: Db | Tx,
  workspaceId: string,
  ids: string[],
  field: string,
): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, wanted)));
  if (found.length < wanted.length) throw AppError.invalid(field, 'must be people of this workspace');
}
