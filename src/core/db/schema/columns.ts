import { type AnyPgColumn, text, timestamp } from 'drizzle-orm/pg-core';
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

/** `created_at` and `updated_at` of a row that changes. */
export const timestamps = () => ({ createdAt: stamp('created_at'), updatedAt: stamp('updated_at') });

/** The row's own id (made by the service). */
export const idColumn = () => text('id').primaryKey();

/** A row that belongs to another: it goes with it. */
export const parentColumn = (name: string, parent: () => AnyPgColumn) =>
  text(name).notNull().references(parent, { onDelete: 'cascade' });

/** A row that points at another and outlives it, without the link. */
export const linkColumn = (name: string, target: () => AnyPgColumn) =>
  text(name).references(target, { onDelete: 'set null' });

/** The workspace every row belongs to; deleting a workspace deletes its rows. */
export const workspaceColumn = () => parentColumn('workspace_id', () => workspaces.id);

/** What every row of a workspace starts with: its id and its workspace. */
export const workspaceRow = () => ({ id: idColumn(), workspaceId: workspaceColumn() });
