import { createRoute, z } from '@hono/zod-openapi';
import {
  activityInputSchema,
  activityPageSchema,
  activityPatchSchema,
  activityQuerySchema,
  activitySchema,
} from '../../core/activities/schemas.ts';
import {
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  restoreActivity,
  updateActivity,
} from '../../core/activities/service.ts';
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });
const tags = ['activities'];

export const activityRoutes = router();

activityRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/activities',
    tags,
    summary: 'Log or plan an activity (give endsAt or minutes)',
    security,
    request: { body: jsonBody(activityInputSchema) },
    responses: { 201: jsonResponse('The new activity', activitySchema) },
  }),
  async (c) => c.json(await createActivity(c.var.core.db, c.var.actor, c.req.valid('json')), 201),
);

activityRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/activities',
    tags,
    summary: 'Your activities by start time, filtered and paged',
    security,
    request: { query: activityQuerySchema },
    responses: { 200: jsonResponse('A page of activities', activityPageSchema) },
  }),
  async (c) => c.json(await listActivities(c.var.core.db, c.var.actor, c.req.valid('query')), 200),
);

activityRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/activities/{id}',
    tags,
    summary: 'One activity',
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('The activity', activitySchema) },
  }),
  async (c) => c.json(await getActivity(c.var.core.db, c.var.actor, c.req.valid('param').id), 200),
);

activityRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/activities/{id}',
    tags,
    summary: 'Change an activity (e.g. move it to another quadrant by its flags)',
    security,
    request: { params: idParam, body: jsonBody(activityPatchSchema) },
    responses: { 200: jsonResponse('The updated activity', activitySchema) },
  }),
  async (c) =>
    c.json(
      await updateActivity(c.var.core.db, c.var.actor, c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
);

activityRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/activities/{id}',
    tags,
    summary: 'Delete an activity (restorable with POST /activities/{id}/restore)',
    security,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' } },
  }),
  async (c) => {
    await deleteActivity(c.var.core.db, c.var.actor, c.req.valid('param').id);
    return c.body(null, 204);
  },
);

activityRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/activities/{id}/restore',
    tags,
    summary: 'Undo a delete',
    security,
    request: { params: idParam },
    responses: { 200: jsonResponse('The restored activity', activitySchema) },
  }),
  async (c) => c.json(await restoreActivity(c.var.core.db, c.var.actor, c.req.valid('param').id), 200),
);
