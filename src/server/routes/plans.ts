import { createRoute, z } from '@hono/zod-openapi';
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
  today,
  unscheduleItem,
  updateRock,
  weekPlan,
} from '../../core/plan/service.ts';
import {
  decideDrain,
  drainSchema,
  timeDecisionInputSchema,
  timeDrains,
} from '../../core/plan/time-drains.ts';
import { weekParamSchema } from '../../core/reflections/schemas.ts';
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const tags = ['planning'];
const idParam = z.object({ id: z.string().min(1).max(100) });

const item = z.object({
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
  items: z.array(item),
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

export const planRoutes = router();

planRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{week}',
    tags,
    summary: 'Your plan for a week: Q2 big rocks, scheduled actions, suggestions, planned vs actual',
    security,
    request: {
      params: weekParamSchema,
      query: z.object({
        suggestions: z
          .enum(['true', 'false'], { error: 'must be true or false' })
          .optional()
          .describe('false: leave suggestions out (they look at every account you look after)'),
      }),
    },
    responses: { 200: jsonResponse('The plan (yours only)', plan) },
  }),
  async (c) =>
    c.json(
      await weekPlan(c.var.core.db, c.var.actor, c.req.valid('param').week, {
        suggestions: c.req.valid('query').suggestions !== 'false',
      }),
      200,
    ),
);

planRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/plans/{week}/ics',
    tags,
    summary: 'The week’s scheduled actions as an .ics file for your calendar',
    security,
    request: { params: weekParamSchema },
    responses: {
      200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } },
    },
  }),
  async (c) => {
    const week = c.req.valid('param').week;
    const ics = planIcs(
      await weekPlan(c.var.core.db, c.var.actor, week),
      c.var.actor.timeZone,
      new URL(c.req.url).host,
    );
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="linchpin-plan-${week}.ics"`,
    });
  },
);

planRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/plans/{week}/rocks',
    tags,
    summary: 'Add a Q2 big rock to the week, for an account or a legacy goal, with a time budget',
    security,
    request: { params: weekParamSchema, body: jsonBody(rockInputSchema) },
    responses: { 201: jsonResponse('The plan', plan) },
  }),
  async (c) =>
    c.json(await addRock(c.var.core.db, c.var.actor, c.req.valid('param').week, c.req.valid('json')), 201),
);

planRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/rocks/{id}',
    tags,
    summary: 'Change a big rock: title, budget, account or goal, status (open, done, dropped)',
    security,
    request: { params: idParam, body: jsonBody(rockPatchSchema) },
    responses: { 200: jsonResponse('The plan', plan) },
  }),
  async (c) =>
    c.json(await updateRock(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
);

planRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/rocks/{id}',
    tags,
    summary: 'Remove a big rock (its scheduled actions stay, on their own)',
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('The plan', plan) },
  }),
  async (c) => c.json(await deleteRock(c.var.core.db, c.var.actor, c.req.valid('param').id), 200),
);

planRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/plan-items',
    tags,
    summary: 'Schedule an action onto a day (for a big rock, or on its own)',
    security,
    request: { body: jsonBody(itemInputSchema) },
    responses: { 201: jsonResponse('The action', item) },
  }),
  async (c) => c.json(await scheduleItem(c.var.core.db, c.var.actor, c.req.valid('json')), 201),
);

planRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/plan-items/{id}/done',
    tags,
    summary: 'Mark an action done (its time is logged as a Q2 activity) or not done',
    security,
    request: { params: idParam, body: jsonBody(z.strictObject({ done: z.boolean() })) },
    responses: { 200: jsonResponse('The action', item) },
  }),
  async (c) =>
    c.json(
      await completeItem(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json').done),
      200,
    ),
);

planRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/plan-items/{id}',
    tags,
    summary: 'Take an action off the plan',
    security,
    request: { params: idParam },
    responses: { 204: { description: 'Removed' } },
  }),
  async (c) => {
    await unscheduleItem(c.var.core.db, c.var.actor, c.req.valid('param').id);
    return c.body(null, 204);
  },
);

planRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/today',
    tags,
    summary: "Today's actions; unfinished ones from earlier days roll over first (their moves are kept)",
    security,
    responses: { 200: jsonResponse('Today', z.object({ day: z.string(), items: z.array(item) })) },
  }),
  async (c) => c.json(await today(c.var.core.db, c.var.actor), 200),
);

const drainQuadrant = z.object({
  quadrant: z.enum(['q3', 'q4'], { error: 'must be q3 (say no) or q4 (delegate)' }),
});

planRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/time-drains/{quadrant}',
    tags,
    summary: 'Say no (q3: recurring meetings) or delegate (q4: work), ranked by hours over the last 8 weeks',
    security,
    request: { params: drainQuadrant },
    responses: {
      200: jsonResponse('Most hours first, with your decision', z.object({ items: z.array(drainSchema) })),
    },
  }),
  async (c) =>
    c.json({ items: await timeDrains(c.var.core.db, c.var.actor, c.req.valid('param').quadrant) }, 200),
);

planRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/time-drains/{quadrant}',
    tags,
    summary: 'Decide about one of them: decline, shorten, delegate (to whom) or keep, with a follow-up date',
    security,
    request: { params: drainQuadrant, body: jsonBody(timeDecisionInputSchema) },
    responses: { 200: jsonResponse('The updated list', z.object({ items: z.array(drainSchema) })) },
  }),
  async (c) => {
    const { quadrant } = c.req.valid('param');
    await decideDrain(c.var.core.db, c.var.actor, quadrant, c.req.valid('json'));
    return c.json({ items: await timeDrains(c.var.core.db, c.var.actor, quadrant) }, 200);
  },
);

planRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/team/plans/{week}',
    tags,
    summary: "For leaders: each person's planned Q2 budget and actual minutes per quadrant (no titles)",
    security,
    request: { params: weekParamSchema },
    responses: {
      200: jsonResponse(
        'Aggregates per person',
        z.object({
          items: z.array(
            z.object({
              userId: z.string(),
              name: z.string(),
              bigRocks: z.number().int(),
              plannedQ2Minutes: z.number().int(),
              actualMinutes: z.object({ q1: z.number(), q2: z.number(), q3: z.number(), q4: z.number() }),
            }),
          ),
        }),
      ),
    },
  }),
  async (c) =>
    c.json({ items: await teamPlanAggregates(c.var.core.db, c.var.actor, c.req.valid('param').week) }, 200),
);
