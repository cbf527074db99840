import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { accounts } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

export interface AccountRef {
  id: string;
  name: string;
}

export async function listAccounts(db: Db, workspaceId: string): Promise<AccountRef[]> {
  return db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(eq(accounts.workspaceId, workspaceId))
    .orderBy(asc(accounts.name));
}

export async function getAccount(db: Db | Tx, workspaceId: string, id: string): Promise<AccountRef> {
  const [row] = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)));
  if (!row)
    throw new AppError('not_found', 'account not found', { accountId: 'no such account in this workspace' });
  return row;
}

/** Finds the workspace's account with this name (case-insensitive) or creates it. */
export async function findOrCreateAccount(
  db: Db | Tx,
  workspaceId: string,
  name: string,
): Promise<AccountRef> {
  const trimmed = name.trim();
  if (!trimmed) throw AppError.invalid('account', 'must not be empty');
  await db.insert(accounts).values({ id: randomUUID(), workspaceId, name: trimmed }).onConflictDoNothing();
  const [row] = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.workspaceId, workspaceId), sql`lower(${accounts.name}) = lower(${trimmed})`));
  if (!row) throw new Error(`account ${trimmed} vanished after insert`);
  return row;
}
