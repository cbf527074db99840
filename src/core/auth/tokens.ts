import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { apiTokens, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { findUserIdByEmail } from './users.ts';

const PREFIX = 'lp_';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new bearer token for a user; the plain token is returned once and only its hash is stored. */
export async function createApiToken(db: Db, email: string, name = 'cli'): Promise<string> {
  const userId = await findUserIdByEmail(db, email);
  const [user] = await db.select({ workspaceId: users.workspaceId }).from(users).where(eq(users.id, userId));
  if (!user) throw AppError.notFound(`user ${email}`);
  const token = PREFIX + randomBytes(32).toString('base64url');
  await db.insert(apiTokens).values({
    id: randomUUID(),
    workspaceId: user.workspaceId,
    userId,
    name,
    tokenHash: digest(token),
  });
  return token;
}

/** The user id a bearer token stands for, or null. */
export async function userIdForToken(db: Db, token: string): Promise<string | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const [row] = await db
    .select({ userId: apiTokens.userId })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, digest(token)));
  return row?.userId ?? null;
}
