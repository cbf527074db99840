import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { userColumn, users } from './auth.ts';
import { linkColumn, parentColumn, stamp, ts, workspaceColumn, workspaceRow } from './columns.ts';
import type { AccountTier } from './values.ts';

/** A customer account. Activities link to it by id (picked) or by its email domains (import). */
export const accounts = pgTable(
  'accounts',
  {
    ...workspaceRow(),
    name: text('name').notNull(),
    /** The customer's email domains, lower case, e.g. {northwind.com}. */
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    tier: text('tier').$type<AccountTier>().notNull().default('key'),
    /** The Customer Manager who answers for the account; null when they left the workspace. */
    ownerId: linkColumn('owner_id', () => users.id),
    /** What we want to leave behind at this customer, in the owner's words. */
    legacyStatement: text('legacy_statement'),
    /** Archived accounts keep their history but leave pickers, rules and lists. */
    archivedAt: ts('archived_at'),
    createdAt: stamp('created_at'),
  },
  (t) => [uniqueIndex('accounts_workspace_name_uq').on(t.workspaceId, sql`lower(${t.name})`)],
);

/** The account team besides its owner: colleagues who work the account with them. */
export const accountMembers = pgTable(
  'account_members',
  {
    accountId: accountColumn(),
    userId: userColumn(),
    workspaceId: workspaceColumn(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] }), index('account_members_user_idx').on(t.userId)],
);

/** The account a row belongs to; it goes with the account. */
export function accountColumn() {
  return parentColumn('account_id', () => accounts.id);
}

/** What every row about one account starts with: its id, its workspace and its account. */
export function accountRow() {
  return { ...workspaceRow(), accountId: accountColumn() };
}
