import { text, timestamp } from 'drizzle-orm/pg-core';
import { now } from '../../time/clock.ts';
import { workspaces } from './workspaces.ts';

/** A timestamp with time zone, read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * When a row was made or changed: filled from the clock in force on every insert through Drizzle
 * (the database's now() remains for raw SQL), so created_at agrees with the day counts made from it.
 */
export const stamp = (name: string) =>
  ts(name)
    .notNull()
    .defaultNow()
    .$defaultFn(() => now());

/** The workspace every row belongs to; deleting a workspace deletes its rows. */
export const workspaceColumn = () =>
  text('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
