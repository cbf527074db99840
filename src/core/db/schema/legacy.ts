import { date, index, pgTable, text } from 'drizzle-orm/pg-core';
import { accountRow } from './accounts.ts';
import { users } from './auth.ts';
import { stamp, timestamps, workspaceColumn } from './columns.ts';
import type { GoalDimension, GoalStatus } from './values.ts';

/** One goal of an account's legacy statement; activities (and planned work) link to it. */
export const legacyGoals = pgTable(
  'legacy_goals',
  {
    ...accountRow(),
    dimension: text('dimension').$type<GoalDimension>().notNull(),
    title: text('title').notNull(),
    /** What success looks like, so the successor can tell whether it was reached. */
    measure: text('measure'),
    targetDate: date('target_date'),
    status: text('status').$type<GoalStatus>().notNull().default('active'),
    ...timestamps(),
  },
  (t) => [index('legacy_goals_account_idx').on(t.workspaceId, t.accountId)],
);

/** A person's own legacy statement: the platform they stand on, their point of view, their mission. */
export const personalLegacy = pgTable('personal_legacy', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  workspaceId: workspaceColumn(),
  platform: text('platform'),
  pointOfView: text('point_of_view'),
  mission: text('mission'),
  updatedAt: stamp('updated_at'),
});
