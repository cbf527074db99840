import { z } from '@hono/zod-openapi';
import { planIcs } from '../../core/plan/ics.ts';
import {
  addRock,
  completeItem,
  deleteRock,
  itemInputSchema,
  rockInputSchema,
  rockPatchSchema,
  scheduleItem,
  teamPlanAggregates,
  unscheduleItem,
  updateRock,
  weekPlan,
} from '../../core/plan/service.ts';
import { weekParamSchema } from '../../core/reflections/schemas.ts';
import { itemsOf } from '../context.ts';
import { featureRoutes } from '../operation.ts';

/** An action scheduled onto a day of the plan (Today shows them too). */
export const planItemSchema = z.object({
  id: z.string(),
  rockId: z.string().nullable(),
  title: z.string(),
  day: z.string(),
  startTime: z.string().nullable(),
  minutes: z.number().int(),
  plannedFor: z.string(),
  slipped: z.number().int().describe('How often it rolled over unfinished'),
  moves: z.array(z.object({ from: z.string(), to: z.string(), at: z.string() })),
  done: z.boolean(),
  activityId: z.string().nullable(),
});
const split = z.object({ planned: z.number().int().nullable(), actual: z.number().int() });
const plan = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  rocks: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      accountId: z.string().nullable(),
      accountName: z.string().nullable(),
      goalId: z.string().nullable(),
      goalTitle: z.string().nullable(),
      budgetMinutes: z.number().int(),
      status: z.enum(['open', 'done', 'dropped']),
      scheduledMinutes: z.number().int(),
      doneMinutes: z.number().int(),
    }),
  ),
  items: z.array(planItemSchema),
  suggestions: z.array(
    z.object({
      kind: z.enum(['goal', 'losing_touch', 'scorecard']),
      title: z.string(),
      accountId: z.string(),
      goalId: z.string().nullable(),
    }),
  ),
  plannedVsActual: z.object({ quadrants: z.object({ q1: split, q2: split, q3: split, q4: split }) }),
});

/** The week plan: Q2 big rocks and the actions scheduled for them. */
export const [planRoutes, route] = featureRoutes('planning');

route.get('/plans/{week}', {
  summary: 'Your plan for a week: Q2 big rocks, scheduled actions, suggestions, planned vs actual',
  params: weekParamSchema,
  query: z.object({
    suggestions: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .optional()
      .describe('false: leave suggestions out (they look at every account you look after)'),
  }),
  responds: [200, 'The plan (yours only)', plan],
  run: ({ db, actor, params, query }) =>
    weekPlan(db, actor, params.week, { suggestions: query.suggestions !== 'false' }),
});

route.get('/plans/{week}/ics', {
  summary: 'The week’s scheduled actions as an .ics file for your calendar',
  params: weekParamSchema,
  responds: [200, 'text/calendar', { 'text/calendar': z.string() }],
  run: async ({ c, db, actor, params }) => {
    const ics = planIcs(await weekPlan(db, actor, params.week), actor.timeZone, new URL(c.req.url).host);
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="linchpin-plan-${params.week}.ics"`,
    });
  },
});

route.post('/plans/{week}/rocks', {
  summary: 'Add a Q2 big rock to the week, for an account or a legacy goal, with a time budget',
  params: weekParamSchema,
  body: rockInputSchema,
  responds: [201, 'The plan', plan],
  run: ({ db, actor, params, body }) => addRock(db, actor, params.week, body),
});

route.patch('/rocks/{id}', {
  summary: 'Change a big rock: title, budget, account or goal, status (open, done, dropped)',
  body: rockPatchSchema,
  responds: [200, 'The plan', plan],
  run: ({ db, actor, params, body }) => updateRock(db, actor, params.id, body),
});

route.delete('/rocks/{id}', {
  summary: 'Remove a big rock (its scheduled actions stay, on their own)',
  responds: [200, 'The plan', plan],
  run: ({ db, actor, params }) => deleteRock(db, actor, params.id),
});

route.post('/plan-items', {
  summary: 'Schedule an action onto a day (for a big rock, or on its own)',
  body: itemInputSchema,
  responds: [201, 'The action', planItemSchema],
  // rockId of no big rock of yours
  errors: [404],
  run: ({ db, actor, body }) => scheduleItem(db, actor, body),
});

route.put('/plan-items/{id}/done', {
  summary: 'Mark an action done (its time is logged as a Q2 activity) or not done',
  body: z.strictObject({ done: z.boolean() }),
  responds: [200, 'The action', planItemSchema],
  run: ({ db, actor, params, body }) => completeItem(db, actor, params.id, body.done),
});

route.delete('/plan-items/{id}', {
  summary: 'Take an action off the plan',
  responds: [204, 'Removed'],
  run: ({ db, actor, params }) => unscheduleItem(db, actor, params.id),
});

route.get('/team/plans/{week}', {
  summary: "For leaders: each person's planned Q2 budget and actual minutes per quadrant (no titles)",
  params: weekParamSchema,
  responds: [
    200,
    'Aggregates per person',
    itemsOf(
      z.object({
        userId: z.string(),
        name: z.string(),
        bigRocks: z.number().int(),
        plannedQ2Minutes: z.number().int(),
        actualMinutes: z.object({ q1: z.number(), q2: z.number(), q3: z.number(), q4: z.number() }),
      }),
    ),
  ],
  run: async ({ db, actor, params }) => ({ items: await teamPlanAggregates(db, actor, params.week) }),
});
