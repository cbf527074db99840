import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { now } from '../../time/clock.ts';
import type { TeamPrivacyMode } from './values.ts';

export const workspaces = pgTable(
  'workspaces',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** What leaders' team pages show; the owner sets it (Settings → Team privacy). */
    teamPrivacy: text('team_privacy').$type<TeamPrivacyMode>().notNull().default('per-person'),
    /** In aggregate mode, the fewest people a shown total may be made of. */
    minGroupSize: integer('min_group_size').notNull().default(5),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow()
      .$defaultFn(() => now()),
  },
  (t) => [
    check('workspaces_team_privacy_ck', sql`${t.teamPrivacy} in ('per-person', 'aggregate')`),
    check('workspaces_min_group_size_ck', sql`${t.minGroupSize} between 5 and 1000`),
  ],
);

/** Instance-wide values every server process must agree on (e.g. the auth secret). */
export const instanceSettings = pgTable('instance_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
