import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type AuditAction, recordActorAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { ROLES } from '../auth/users.ts';
import type { Db, Tx } from '../db/client.ts';
import { findInWorkspace } from '../db/rows.ts';
import { apiTokens, type Role, sessions, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';

export const personPatchSchema = z
  .object({
    role: z.enum(ROLES),
    leaderId: z.string().min(1, 'must be a person’s id (null: no leader)').max(100).nullable(),
    active: z.boolean(),
  })
  .partial();
export type PersonPatch = z.infer<typeof personPatchSchema>;

export interface Person {
  id: string;
  name: string;
  role: Role;
  leaderId: string | null;
  /** Only for the owner and leaders. */
  email?: string;
  status?: 'active' | 'deactivated';
  lastActiveAt?: string | null;
}

type UserRow = typeof users.$inferSelect;

/** Who is where: a readable target for the audit log. */
export const describePerson = (u: Pick<UserRow, 'name' | 'email'>) => `${u.name} <${u.email}>`;

const canManage = (actor: Actor) => actor.role === 'owner' || actor.role === 'leader';

function view(actor: Actor, u: UserRow): Person {
  const base = { id: u.id, name: u.name, role: u.role, leaderId: u.leaderId };
  if (!canManage(actor)) return base;
  return {
    ...base,
    email: u.email,
    status: u.deactivatedAt ? 'deactivated' : 'active',
    lastActiveAt: u.lastActiveAt?.toISOString() ?? null,
  };
}

/**
 * Everyone in the workspace by name. Members read names, roles and reporting lines of active
 * people; the owner and leaders also see e-mail, status and last activity, deactivated people too.
 */
export async function listPeople(db: Db, actor: Actor): Promise<Person[]> {
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.workspaceId, actor.workspaceId),
        canManage(actor) ? undefined : isNull(users.deactivatedAt),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((u) => view(actor, u));
}

const personOf = (db: Db | Tx, actor: Actor, id: string): Promise<UserRow> =>
  findInWorkspace(db, users, actor.workspaceId, id, 'person');

/** Everyone below `leaderId` in the reporting lines, directly or through others. */
export async function reportsOf(db: Db | Tx, workspaceId: string, leaderId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive below(id) as (
      select id from users where workspace_id = ${workspaceId} and leader_id = ${leaderId}
      union
      select u.id from users u join below b on u.leader_id = b.id where u.workspace_id = ${workspaceId}
    )
    select id from below`);
  return result.rows.map((r) => r.id);
}

/** Fails unless `leaderId` may lead `personId`: an active leader or owner here, and no loop. */
export async function assertLeader(
  db: Db | Tx,
  workspaceId: string,
  personId: string | null,
  leaderId: string,
): Promise<UserRow> {
  const [leader] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, leaderId), eq(users.workspaceId, workspaceId)));
  if (!leader) throw AppError.invalid('leaderId', 'must be a person of this workspace');
  if (leader.role === 'member')
    throw AppError.invalid('leaderId', `${leader.name} is a member; only leaders and owners lead people`);
  if (leader.deactivatedAt) throw AppError.invalid('leaderId', `${leader.name} is deactivated`);
  if (
    personId &&
    (leaderId === personId || (await reportsOf(db, workspaceId, personId)).includes(leaderId))
  ) {
    throw AppError.invalid(
      'leaderId',
      `${leader.name} already reports to this person: that would make a loop`,
    );
  }
  return leader;
}

async function activeOwners(db: Db | Tx, workspaceId: string, except: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.workspaceId, workspaceId),
        eq(users.role, 'owner'),
        isNull(users.deactivatedAt),
        ne(users.id, except),
      ),
    );
  return row?.n ?? 0;
}

/** Ends every session and token of a person at once (deactivation, password change keeps one session). */
export async function signOutEverywhere(
  db: Db | Tx,
  userId: string,
  keepSessionToken?: string,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), keepSessionToken ? ne(sessions.token, keepSessionToken) : undefined),
    );
}

/**
 * The owner changes roles, reporting lines and whether a person is active; a leader may only
 * change the reporting line of their own reports. The last active owner keeps the role and stays
 * active. Deactivation ends the person's sessions and tokens in the same transaction.
 */
export async function updatePerson(
  db: Db,
  actor: Actor,
  id: string,
  patch: PersonPatch,
  ip: string | null,
): Promise<Person> {
  return db.transaction(async (tx) => {
    // One change to people at a time per workspace, so two owners cannot demote each other at once.
    await tx.execute(sql`select pg_advisory_xact_lock(727003, hashtext(${actor.workspaceId}))`);
    // The actor's role as it is now, under the lock: an owner demoted a moment ago acts no more.
    const self = await personOf(tx, actor, actor.userId);
    if (self.deactivatedAt) throw new AppError('unauthenticated', 'your account was deactivated');
    actor = { ...actor, role: self.role };
    const person = await personOf(tx, actor, id);
    const onlyLeader = patch.role === undefined && patch.active === undefined;
    if (actor.role === 'leader') {
      if (!onlyLeader)
        throw new AppError('forbidden', 'only the workspace owner changes roles and deactivates people');
      if (!(await reportsOf(tx, actor.workspaceId, actor.userId)).includes(id)) {
        throw new AppError(
          'forbidden',
          'leaders change the reporting line of their own reports only; ask the owner',
        );
      }
    } else if (actor.role !== 'owner') {
      throw new AppError(
        'forbidden',
        'only the workspace owner (or a leader, for their reports) changes people',
      );
    }

    const audit = (action: AuditAction, detail = '') =>
      recordActorAudit(tx, actor, action, `${describePerson(person)}${detail}`, ip);
    const losesOwner =
      (patch.role !== undefined && patch.role !== 'owner') ||
      (patch.active === false && !person.deactivatedAt);
    if (
      person.role === 'owner' &&
      losesOwner &&
      (await activeOwners(tx, actor.workspaceId, person.id)) === 0
    ) {
      const field = patch.active === false ? 'active' : 'role';
      throw new AppError(
        'validation_failed',
        `${person.name} is the last owner: make someone else owner first`,
        {
          [field]: 'the last owner cannot lose the role or be deactivated',
        },
      );
    }
    if (patch.role !== undefined && patch.role !== person.role) {
      if (patch.role === 'member' && (await reportsOf(tx, actor.workspaceId, person.id)).length > 0) {
        throw new AppError('conflict', `people report to ${person.name}: give them another leader first`, {
          role: 'has people reporting to them',
        });
      }
      await tx.update(users).set({ role: patch.role, updatedAt: now() }).where(eq(users.id, id));
      await audit('user.role_changed', `: ${person.role} → ${patch.role}`);
    }
    if (patch.leaderId !== undefined && patch.leaderId !== person.leaderId) {
      const leader =
        patch.leaderId !== null ? await assertLeader(tx, actor.workspaceId, id, patch.leaderId) : null;
      await tx.update(users).set({ leaderId: patch.leaderId, updatedAt: now() }).where(eq(users.id, id));
      await audit('user.leader_changed', leader ? ` now reports to ${leader.name}` : ': no leader');
    }
    if (patch.active === false && !person.deactivatedAt) {
      if (id === actor.userId) throw AppError.invalid('active', 'you cannot deactivate yourself');
      await tx.update(users).set({ deactivatedAt: now(), updatedAt: now() }).where(eq(users.id, id));
      await signOutEverywhere(tx, id);
      await tx.delete(apiTokens).where(eq(apiTokens.userId, id));
      await audit('user.deactivated');
    } else if (patch.active === true && person.deactivatedAt) {
      await tx.update(users).set({ deactivatedAt: null, updatedAt: now() }).where(eq(users.id, id));
      await audit('user.reactivated');
    }
    return view(actor, await personOf(tx, actor, id));
  });
}

/** People who may not sign in any more, of a set of ids (accounts they own need a new owner). */
export async function deactivatedAmong(db: Db | Tx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...new Set(ids)]), sql`${users.deactivatedAt} is not null`));
  return new Set(rows.map((r) => r.id));
}
