import { text, timestamp } from 'drizzle-orm/pg-core';
import { workspaces } from './workspaces.ts';

/** A timestamp with time zone, read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The workspace every row belongs to; deleting a workspace deletes its rows. */
export const workspaceColumn = () =>
  text('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
