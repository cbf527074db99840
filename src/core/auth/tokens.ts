import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { recordActorAudit } from '../audit/service.ts';
import type { Db, Tx } from '../db/client.ts';
import { apiTokens, users, workspaces } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';
import { daysFromNow } from '../time/weeks.ts';
import type { Actor } from './actor.ts';
import { digest, matchesDigest, newSecret } from './secrets.ts';
import { findUserIdByEmail, type Me, meColumns, meOf } from './users.ts';

const PREFIX = 'lp_';

export const tokenInputSchema = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  expiresInDays: z.number().int().min(1, 'must be at least 1').max(3650).optional(),
});
export type TokenInput = z.infer<typeof tokenInputSchema>;

export interface TokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

/** Stores a new token for a user and returns it in plain, once. */
export async function issueToken(
  db: Db | Tx,
  user: { id: string; workspaceId: string },
  name: string,
  expiresAt: Date | null,
): Promise<{ id: string; token: string }> {
  const token = newSecret(PREFIX);
  const id = randomUUID();
  await db.insert(apiTokens).values({
    id,
    workspaceId: user.workspaceId,
    userId: user.id,
    name,
    tokenHash: digest(token),
    expiresAt,
  });
  return { id, token };
}

/** A new bearer token for a user by e-mail (the admin CLI); printed once, only its hash kept. */
export async function createApiToken(db: Db, email: string, name = 'cli'): Promise<string> {
  const userId = await findUserIdByEmail(db, email);
  const [user] = await db
    .select({ id: users.id, workspaceId: users.workspaceId, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw AppError.notFound(`user ${email}`);
  if (user.deactivatedAt) {
    throw new AppError('conflict', `${email} is deactivated: reactivate them in Settings → People first`);
  }
  return (await issueToken(db, user, name, null)).token;
}

/** A personal access token of the actor, named and optionally expiring, shown once. */
export async function createPersonalToken(
  db: Db | Tx,
  actor: Actor,
  input: TokenInput,
  ip: string | null,
): Promise<{ id: string; name: string; token: string; expiresAt: string | null }> {
  const expiresAt = input.expiresInDays ? daysFromNow(input.expiresInDays, actor.timeZone) : null;
  const { id, token } = await issueToken(
    db,
    { id: actor.userId, workspaceId: actor.workspaceId },
    input.name,
    expiresAt,
  );
  await recordActorAudit(db, actor, 'token.created', `token “${input.name}”`, ip);
  return { id, name: input.name, token, expiresAt: expiresAt?.toISOString() ?? null };
}

export async function listTokens(db: Db, actor: Actor): Promise<TokenView[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
  }));
}

export async function revokeToken(db: Db, actor: Actor, id: string, ip: string | null): Promise<void> {
  const [row] = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId)))
    .returning({ name: apiTokens.name });
  if (!row) throw AppError.notFound('token');
  await recordActorAudit(db, actor, 'token.revoked', `token “${row.name}”`, ip);
}

// Writing "last used" on every request would turn reads into writes; once a minute is plenty.
const LAST_USED_EVERY_MS = 60_000;

/**
 * The person a bearer token stands for, or null when it is unknown, expired or its person is
 * deactivated: one query, since every request with a token asks it.
 */
export async function meForToken(db: Db, token: string): Promise<Me | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({
      ...meColumns,
      token: {
        id: apiTokens.id,
        tokenHash: apiTokens.tokenHash,
        expiresAt: apiTokens.expiresAt,
        lastUsedAt: apiTokens.lastUsedAt,
      },
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(eq(apiTokens.tokenHash, digest(token)));
  if (!row || !matchesDigest(token, row.token.tokenHash)) return null;
  const me = meOf(row);
  const at = now();
  if (!me || (row.token.expiresAt && row.token.expiresAt <= at)) return null;
  const { lastUsedAt } = row.token;
  if (!lastUsedAt || at.getTime() - lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: at })
      .where(
        and(
          eq(apiTokens.id, row.token.id),
          or(
            isNull(apiTokens.lastUsedAt),
            lt(apiTokens.lastUsedAt, new Date(at.getTime() - LAST_USED_EVERY_MS)),
          ),
        ),
      );
  }
  return me;
}
