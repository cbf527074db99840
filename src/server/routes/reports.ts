import { z } from '@hono/zod-openapi';
import { ACTIVITY_KINDS } from '../../core/db/schema/index.ts';
import { isoWeekSchema, quadrantSplitSchema, targetResultsSchema } from '../../core/reports/schemas.ts';
import { weekTrend } from '../../core/reports/trend.ts';
import { weekReport } from '../../core/reports/week-report.ts';
import { featureRoutes } from '../operation.ts';

const weekReportSchema = z.object({
  week: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  totalMinutes: z.number().int(),
  quadrants: quadrantSplitSchema,
  byAccount: z.array(
    z.object({
      accountId: z.string().nullable(),
      name: z.string(),
      minutes: z.number().int(),
      quadrants: quadrantSplitSchema,
    }),
  ),
  byKind: z.array(z.object({ kind: z.enum(ACTIVITY_KINDS), minutes: z.number().int() })),
  previous: z.object({ week: z.string(), totalMinutes: z.number().int(), quadrants: quadrantSplitSchema }),
  next: z.object({ week: z.string() }),
  targets: targetResultsSchema,
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
      quadrants: quadrantSplitSchema,
    }),
  ),
});

export const [reportRoutes, route] = featureRoutes('reports');

route.get('/reports/week', {
  summary: 'Minutes and shares per quadrant, account and kind for an ISO week in your time zone',
  query: z.object({ week: isoWeekSchema.optional() }),
  responds: [200, 'The week report', weekReportSchema],
  run: ({ c, db, actor, query }) => weekReport(db, actor, { week: query.week, targets: c.var.me.targets }),
});

route.get('/reports/trend', {
  summary: 'The quadrant split of each of the last N weeks (ending this week, or `until`)',
  query: z.object({
    weeks: z.coerce.number().int().min(1, 'must be 1 to 104').max(104, 'must be 1 to 104').optional(),
    until: isoWeekSchema.optional(),
  }),
  responds: [200, 'One entry per week, oldest first', trendSchema],
  run: ({ db, actor, query }) => weekTrend(db, actor, query),
});
