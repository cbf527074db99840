import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
    /** E-mail domains whose people may join on their first single sign-on (verified addresses only). */
    ssoDomains: text('sso_domains').array().notNull().default(sql`'{}'::text[]`),
    /** Set by the owner when SSO is configured: password sign-in is refused. */
    passwordsOff: boolean('passwords_off').notNull().default(false),
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
