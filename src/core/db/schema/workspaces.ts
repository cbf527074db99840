import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { now } from '../../time/clock.ts';

export const workspaces = pgTable('workspaces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$defaultFn(() => now()),
});

/** Instance-wide values every server process must agree on (e.g. the auth secret). */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
