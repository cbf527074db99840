import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import { activities } from './activities.ts';
import { userRow } from './auth.ts';
import { linkColumn, stamp, ts } from './columns.ts';
import { legacyGoals } from './legacy.ts';
import type { RockStatus, TimeDecision } from './values.ts';

/** A Q2 "big rock" of one person's week: what must not be crowded out, with a time budget. */
export const bigRocks = pgTable(
  'big_rocks',
  {
    ...userRow(),
    /** ISO week in the owner's zone, e.g. 2026-W48. */
    week: text('week').notNull(),
    title: text('title').notNull(),
    accountId: linkColumn('account_id', () => accounts.id),
    goalId: linkColumn('goal_id', () => legacyGoals.id),
    budgetMinutes: integer('budget_minutes').notNull(),
    status: text('status').$type<RockStatus>().notNull().default('open'),
    position: integer('position').notNull().default(0),
    createdAt: stamp('created_at'),
  },
  (t) => [
    index('big_rocks_user_week_idx').on(t.userId, t.week),
    check('big_rocks_budget_ck', sql`${t.budgetMinutes} between 0 and 6000`),
  ],
);

export interface PlanMove {
  from: string;
  to: string;
  at: string;
}

/** An action scheduled onto a day (from a big rock or on its own); unfinished ones roll over. */
export const planItems = pgTable(
  'plan_items',
  {
    ...userRow(),
    rockId: linkColumn('rock_id', () => bigRocks.id),
    title: text('title').notNull(),
    day: date('day').notNull(),
    /** Local start time, e.g. 09:30; null for "some time that day". */
    startTime: text('start_time'),
    minutes: integer('minutes').notNull(),
    /** The day it was first planned for; with `moves`, its history. */
    plannedFor: date('planned_for').notNull(),
    moves: jsonb('moves').$type<PlanMove[]>().notNull().default([]),
    doneAt: ts('done_at'),
    /** The activity logged when it was done, so the matrix counts the time. */
    activityId: linkColumn('activity_id', () => activities.id),
    createdAt: stamp('created_at'),
  },
  (t) => [
    index('plan_items_user_day_idx').on(t.userId, t.day),
    check('plan_items_minutes_ck', sql`${t.minutes} between 5 and 1440`),
  ],
);

/**
 * A person's decision about one recurring meeting or piece of Q4 work (`seriesKey`: its title in
 * lower case), with who could do it instead and when to follow up.
 */
export const timeDecisions = pgTable(
  'time_decisions',
  {
    ...userRow(),
    quadrant: text('quadrant').$type<'q3' | 'q4'>().notNull(),
    seriesKey: text('series_key').notNull(),
    title: text('title').notNull(),
    decision: text('decision').$type<TimeDecision>().notNull(),
    delegateTo: text('delegate_to'),
    followUp: date('follow_up'),
    note: text('note'),
    updatedAt: stamp('updated_at'),
  },
  (t) => [uniqueIndex('time_decisions_user_series_uq').on(t.userId, t.quadrant, t.seriesKey)],
);
