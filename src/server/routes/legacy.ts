import { createRoute, z } from '@hono/zod-openapi';
import {
  goalInputSchema,
  goalPatchSchema,
  goalSchema,
  personalLegacyInputSchema,
  personalLegacySchema,
} from '../../core/legacy/schemas.ts';
import {
  createGoal,
  deleteGoal,
  getPersonalLegacy,
  listGoals,
  savePersonalLegacy,
  updateGoal,
} from '../../core/legacy/service.ts';
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const tags = ['legacy'];
const idParam = z.object({ id: z.string().min(1).max(100) });

export const legacyRoutes = router();

legacyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/me/legacy',
    tags,
    summary: 'Your personal legacy statement (platform, point of view, mission); only you can read it',
    security,
    responses: { 200: jsonResponse('Your statement; null fields until written', personalLegacySchema) },
  }),
  async (c) => c.json(await getPersonalLegacy(c.var.core.db, c.var.actor), 200),
);

legacyRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/me/legacy',
    tags,
    summary: 'Write your personal legacy statement (fields left out stay as they are)',
    security,
    request: { body: jsonBody(personalLegacyInputSchema) },
    responses: { 200: jsonResponse('Your statement', personalLegacySchema) },
  }),
  async (c) => c.json(await savePersonalLegacy(c.var.core.db, c.var.actor, c.req.valid('json')), 200),
);

legacyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/accounts/{id}/goals',
    tags,
    summary: "The account's legacy goals by dimension, each with the time invested in it",
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('Goals', z.object({ items: z.array(goalSchema) })) },
  }),
  async (c) => c.json({ items: await listGoals(c.var.core.db, c.var.actor, c.req.valid('param').id) }, 200),
);

legacyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/accounts/{id}/goals',
    tags,
    summary: 'Add a legacy goal to an account (its owner, team and leaders may)',
    security,
    request: { params: idParam, body: jsonBody(goalInputSchema) },
    responses: { 201: jsonResponse('The new goal', goalSchema) },
  }),
  async (c) =>
    c.json(await createGoal(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 201),
);

legacyRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/goals/{id}',
    tags,
    summary: 'Change a goal: wording, measure, target date, status (active, achieved, dropped)',
    security,
    request: { params: idParam, body: jsonBody(goalPatchSchema) },
    responses: { 200: jsonResponse('The goal', goalSchema) },
  }),
  async (c) =>
    c.json(await updateGoal(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')), 200),
);

legacyRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/goals/{id}',
    tags,
    summary: 'Remove a goal; activities that served it stay, without the goal',
    security,
    request: { params: idParam },
    responses: { 204: { description: 'Removed' } },
  }),
  async (c) => {
    await deleteGoal(c.var.core.db, c.var.actor, c.req.valid('param').id);
    return c.body(null, 204);
  },
);
