import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { accounts } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { AccountInput, AccountPatch, AccountView } from './schemas.ts';

export interface AccountRef {
  id: string;
  name: string;
}

const view = { id: accounts.id, name: accounts.name, domains: accounts.domains };

/** The workspace's accounts by name, with their customers' email domains. */
export async function listAccounts(db: Db, workspaceId: string): Promise<AccountView[]> {
  return db
    .select(view)
    .from(accounts)
    .where(eq(accounts.workspaceId, workspaceId))
    .orderBy(asc(accounts.name));
}

/** Lower case, trimmed, each once, in the order given. */
function cleanDomains(domains: string[]): string[] {
  return [...new Set(domains.map((d) => d.trim().toLowerCase()).filter(Boolean))];
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

const duplicateName = (name: string) =>
  new AppError('conflict', `an account named ${name} already exists`, { name: 'is already taken' });

/** A new account; 409 when the workspace already has one by that name (case-insensitive). */
export async function createAccount(db: Db, workspaceId: string, input: AccountInput): Promise<AccountView> {
  const name = input.name.trim();
  const [row] = await db
    .insert(accounts)
    .values({ id: randomUUID(), workspaceId, name, domains: cleanDomains(input.domains ?? []) })
    .onConflictDoNothing()
    .returning(view);
  if (!row) throw duplicateName(name);
  return row;
}

/** Renames an account or replaces its domains; another workspace's account is not found. */
export async function updateAccount(
  db: Db,
  workspaceId: string,
  id: string,
  patch: AccountPatch,
): Promise<AccountView> {
  const name = patch.name?.trim();
  if (name === undefined && patch.domains === undefined) {
    const [row] = await db
      .select(view)
      .from(accounts)
      .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)));
    if (!row) throw AppError.notFound('account');
    return row;
  }
  try {
    const [row] = await db
      .update(accounts)
      .set({ name, domains: patch.domains ? cleanDomains(patch.domains) : undefined })
      .where(and(eq(accounts.workspaceId, workspaceId), eq(accounts.id, id)))
      .returning(view);
    if (!row) throw AppError.notFound('account');
    return row;
  } catch (error) {
    if (name && isUniqueViolation(error)) throw duplicateName(name);
    throw error;
  }
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
