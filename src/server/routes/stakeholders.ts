import { createRoute, z } from '@hono/zod-openapi';
import { connectivityOf } from '../../core/stakeholders/connectivity.ts';
import {
  connectivitySchema,
  stakeholderInputSchema,
  stakeholderPatchSchema,
  stakeholderSchema,
} from '../../core/stakeholders/schemas.ts';
import {
  createStakeholder,
  deleteStakeholder,
  getStakeholder,
  listStakeholders,
  updateStakeholder,
} from '../../core/stakeholders/service.ts';
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const tags = ['stakeholders'];
const idParam = z.object({ id: z.string().min(1).max(100) });

export const stakeholderRoutes = router();

stakeholderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/accounts/{id}/stakeholders',
    tags,
    summary: "An account's stakeholders, with last contact derived from meetings' attendees",
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('Stakeholders by name', z.object({ items: z.array(stakeholderSchema) })) },
  }),
  async (c) =>
    c.json({ items: await listStakeholders(c.var.core.db, c.var.actor, c.req.valid('param').id) }, 200),
);

stakeholderRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/accounts/{id}/stakeholders',
    tags,
    summary: 'Add a stakeholder to an account (owners default to you)',
    security,
    request: { params: idParam, body: jsonBody(stakeholderInputSchema) },
    responses: { 201: jsonResponse('The new stakeholder', stakeholderSchema) },
  }),
  async (c) =>
    c.json(
      await createStakeholder(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      201,
    ),
);

stakeholderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/stakeholders/{id}',
    tags,
    summary: 'One stakeholder',
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('The stakeholder', stakeholderSchema) },
  }),
  async (c) => c.json(await getStakeholder(c.var.core.db, c.var.actor, c.req.valid('param').id), 200),
);

stakeholderRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/stakeholders/{id}',
    tags,
    summary: 'Change a stakeholder (ownerIds replaces the owners)',
    security,
    request: { params: idParam, body: jsonBody(stakeholderPatchSchema) },
    responses: { 200: jsonResponse('The stakeholder', stakeholderSchema) },
  }),
  async (c) =>
    c.json(
      await updateStakeholder(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
);

stakeholderRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/stakeholders/{id}',
    tags,
    summary: 'Remove a stakeholder',
    security,
    request: { params: idParam },
    responses: { 204: { description: 'Removed' } },
  }),
  async (c) => {
    await deleteStakeholder(c.var.core.db, c.var.actor, c.req.valid('param').id);
    return c.body(null, 204);
  },
);

stakeholderRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/accounts/{id}/connectivity',
    tags,
    summary: 'Coverage grid (functions × levels), single-threaded warnings and who we are losing touch with',
    security,
    request: {
      params: idParam,
      query: z.object({
        losingTouchDays: z.coerce.number().int().min(1).max(3650).optional().describe('default 60'),
      }),
    },
    responses: { 200: jsonResponse('The account’s connectivity', connectivitySchema) },
  }),
  async (c) => {
    const people = await listStakeholders(c.var.core.db, c.var.actor, c.req.valid('param').id);
    return c.json(
      connectivityOf(people, {
        timeZone: c.var.actor.timeZone,
        losingTouchDays: c.req.valid('query').losingTouchDays,
      }),
      200,
    );
  },
);
