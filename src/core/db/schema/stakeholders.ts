import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accountRow } from './accounts.ts';
import { userColumn } from './auth.ts';
import { parentColumn, timestamps, workspaceColumn } from './columns.ts';
import type { Attitude, StakeholderFunction, StakeholderLevel } from './values.ts';

/** A person at the customer. `email` links them to calendar attendees (last contact is derived). */
export const stakeholders = pgTable(
  'stakeholders',
  {
    ...accountRow(),
    name: text('name').notNull(),
    title: text('title'),
    /** Lower case; matched against activities' attendees. */
    email: text('email'),
    function: text('function').$type<StakeholderFunction>().notNull().default('other'),
    level: text('level').$type<StakeholderLevel>().notNull().default('operational'),
    /** Inside the buying office (procurement/purchasing), where every supplier already is. */
    buyingOffice: boolean('buying_office').notNull().default(false),
    /** 1 (little) to 5 (decisive) say in decisions about us. */
    influence: integer('influence').notNull().default(3),
    attitude: text('attitude').$type<Attitude>().notNull().default('neutral'),
    /** 0 (none) to 5 (trusted): how strong our relationship is. */
    strength: integer('strength').notNull().default(1),
    notes: text('notes'),
    ...timestamps(),
  },
  (t) => [
    index('stakeholders_account_idx').on(t.workspaceId, t.accountId),
    uniqueIndex('stakeholders_account_email_uq')
      .on(t.accountId, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
  ],
);

/** Which of our people own the relationship with a stakeholder. */
export const stakeholderOwners = pgTable(
  'stakeholder_owners',
  {
    stakeholderId: parentColumn('stakeholder_id', () => stakeholders.id),
    userId: userColumn(),
    workspaceId: workspaceColumn(),
  },
  (t) => [primaryKey({ columns: [t.stakeholderId, t.userId] })],
);
