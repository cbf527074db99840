import { createRoute, z } from '@hono/zod-openapi';
import { decisionInputSchema, decisionPatchSchema, decisionSchema } from '../../core/decisions/schemas.ts';
import {
  createDecision,
  decisionsDue,
  deleteDecision,
  getDecision,
  listDecisions,
  updateDecision,
} from '../../core/decisions/service.ts';
import { todayIn } from '../../core/time/days.ts';
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const tags = ['decisions'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const list = z.object({ items: z.array(decisionSchema) });

export const decisionRoutes = router();

decisionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/accounts/{id}/decisions',
    tags,
    summary: "The account's decision log: those in force first, newest first",
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('Decisions', list) },
  }),
  async (c) =>
    c.json({ items: await listDecisions(c.var.core.db, c.var.actor, c.req.valid('param').id) }, 200),
);

decisionRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/accounts/{id}/decisions',
    tags,
    summary: 'Record a decision (from a Q1 activity: fromActivityId fills the date and urgency)',
    security,
    request: { params: idParam, body: jsonBody(decisionInputSchema) },
    responses: { 201: jsonResponse('The decision', decisionSchema) },
  }),
  async (c) =>
    c.json(
      await createDecision(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
);

decisionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/decisions/due',
    tags,
    summary: 'Decisions in force on your accounts whose review-by date has come by `until` (default today)',
    security,
    request: { query: z.object({ until: z.iso.date('must be a date like 2026-11-29').optional() }) },
    responses: { 200: jsonResponse('Decisions to review, earliest first', list) },
  }),
  async (c) => {
    const until = c.req.valid('query').until ?? todayIn(c.var.actor.timeZone);
    return c.json({ items: await decisionsDue(c.var.core.db, c.var.actor, until) }, 200);
  },
);

decisionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/decisions/{id}',
    tags,
    summary: 'One decision',
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('The decision', decisionSchema) },
  }),
  async (c) => c.json(await getDecision(c.var.core.db, c.var.actor, c.req.valid('param').id), 200),
);

decisionRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/decisions/{id}',
    tags,
    summary: 'Change a decision or its status (active, revisited, retired, undone — undone needs a reason)',
    security,
    request: { params: idParam, body: jsonBody(decisionPatchSchema) },
    responses: { 200: jsonResponse('The decision', decisionSchema) },
  }),
  async (c) =>
    c.json(
      await updateDecision(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
);

decisionRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/decisions/{id}',
    tags,
    summary: 'Remove a decision recorded by mistake (to end one, set its status instead)',
    security,
    request: { params: idParam },
    responses: { 204: { description: 'Removed' } },
  }),
  async (c) => {
    await deleteDecision(c.var.core.db, c.var.actor, c.req.valid('param').id);
    return c.body(null, 204);
  },
);
