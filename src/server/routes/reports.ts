import { z } from '@hono/zod-openapi';
import { ACTIVITY_KINDS } from '../../core/db/schema/index.ts';
import { weekTrend } from '../../core/reports/trend.ts';
import { weekReport } from '../../core/reports/week-report.ts';
import { router } from '../context.ts';
import { operations } from '../operation.ts';

const share = z.object({ minutes: z.number().int(), share: z.number() });
const split = z.object({ q1: share, q2: share, q3: share, q4: share });
const target = z.object({
  min: z.number().optional(),
  max: z.number().optional(),
  actual: z.number(),
  met: z.boolean(),
  off: z.number(),
});
const isoWeek = z.string().regex(/^\d{4}-W\d{2}$/, 'must be an ISO week such as 2026-W47');

const weekReportSchema = z.object({
  week: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  totalMinutes: z.number().int(),
  quadrants: split,
  byAccount: z.array(
    z.object({
      accountId: z.string().nullable(),
      name: z.string(),
      minutes: z.number().int(),
      quadrants: split,
    }),
  ),
  byKind: z.array(z.object({ kind: z.enum(ACTIVITY_KINDS), minutes: z.number().int() })),
  previous: z.object({ week: z.string(), totalMinutes: z.number().int(), quadrants: split }),
  next: z.object({ week: z.string() }),
  targets: z.object({
    q1: target.optional(),
    q2: target.optional(),
    q3: target.optional(),
    q4: target.optional(),
  }),
  summary: z.string(),
});

const trendSchema = z.object({
  timeZone: z.string(),
  weeks: z.array(
    z.object({
      week: z.string(),
      from: z.string(),
      to: z.string(),
      totalMinutes: z.number().int(),
      quadrants: split,
    }),
  ),
});

export const reportRoutes = router();
const route = operations(reportRoutes, 'reports');

route.get('/reports/week', {
  summary: 'Minutes and shares per quadrant, account and kind for an ISO week in your time zone',
  query: z.object({ week: isoWeek.optional() }),
  responds: [200, 'The week report', weekReportSchema],
  run: ({ c, db, actor, query }) => weekReport(db, actor, { week: query.week, targets: c.var.me.targets }),
});

route.get('/reports/trend', {
  summary: 'The quadrant split of each of the last N weeks (ending this week, or `until`)',
  query: z.object({
    weeks: z.coerce.number().int().min(1, 'must be 1 to 104').max(104, 'must be 1 to 104').optional(),
    until: isoWeek.optional(),
  }),
  responds: [200, 'One entry per week, oldest first', trendSchema],
  run: ({ db, actor, query }) => weekTrend(db, actor, query),
});
