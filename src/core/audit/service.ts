import { randomUUID } from 'node:crypto';
import { and, desc, eq, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { auditLog, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

export const AUDIT_ACTIONS = [
  'invitation.sent',
  'invitation.accepted',
  'invitation.withdrawn',
  'user.role_changed',
  'user.leader_changed',
  'user.deactivated',
  'user.reactivated',
  'token.created',
  'token.revoked',
  'password.changed',
  'password.reset_requested',
  'password.reset',
  'account.transferred',
  'customer_link.created',
  'customer_link.withdrawn',
  'workspace.team_privacy_changed',
  'workspace.sign_in_changed',
  'sso.joined',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  workspaceId: string;
  actorId: string | null;
  action: AuditAction;
  /** Who or what it was done to, readable ("Ben Member <ben@acme.test>"); never a secret. */
  target: string;
  ip?: string | null;
}

/** Appends one entry; there is no update or delete. Runs in the caller's transaction when given one. */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ id: randomUUID(), ...entry, ip: entry.ip ?? null });
}

/** What a signed-in person did, in their own workspace: most entries (not those made before sign-in). */
export function recordActorAudit(
  db: Db | Tx,
  actor: Actor,
  action: AuditAction,
  target: string,
  ip?: string | null,
): Promise<void> {
  return recordAudit(db, { workspaceId: actor.workspaceId, actorId: actor.userId, action, target, ip });
}

export const auditQuerySchema = z.object({
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One entry of the audit log as its owner reads it (GET /audit pages through them). */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string(),
  ip: z.string().nullable(),
});
export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});

/** The workspace's audit log, newest first, for its owner; `before` is the cursor of the last page. */
export async function listAudit(db: Db, actor: Actor, query: z.infer<typeof auditQuerySchema>) {
  if (actor.role !== 'owner') throw new AppError('forbidden', 'only the workspace owner reads the audit log');
  const cursor = query.before ? decodeCursor(query.before) : null;
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.name,
      action: auditLog.action,
      target: auditLog.target,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.workspaceId, actor.workspaceId),
        cursor
          ? or(lt(auditLog.at, cursor.at), and(eq(auditLog.at, cursor.at), lt(auditLog.id, cursor.id)))
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...r, at: r.at.toISOString() })),
    nextCursor: rows.length > query.limit && last ? `${last.at.toISOString()}_${last.id}` : null,
  };
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = cursor.split('_');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime()))
    throw AppError.invalid('before', 'must be a nextCursor from an earlier page');
  return { at: date, id };
}
