import { createRoute, z } from '@hono/zod-openapi';
import {
  reflectionHistorySchema,
  reflectionInputSchema,
  reflectionSchema,
  sharedReflectionSchema,
  weekParamSchema,
} from '../../core/reflections/schemas.ts';
import {
  getReflection,
  reflectionHistory,
  saveReflection,
  sharedReflections,
} from '../../core/reflections/service.ts';
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const tags = ['reflections'];

export const reflectionRoutes = router();

reflectionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/reflections',
    tags,
    summary: 'Your weekly reflections, newest first, each with that week’s minutes per quadrant',
    security,
    responses: { 200: jsonResponse('Your reflections (only yours)', reflectionHistorySchema) },
  }),
  async (c) => c.json({ items: await reflectionHistory(c.var.core.db, c.var.actor) }, 200),
);

reflectionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/reflections/shared',
    tags,
    summary: 'Reflections colleagues chose to share with the team',
    security,
    responses: {
      200: jsonResponse('Shared reflections', z.object({ items: z.array(sharedReflectionSchema) })),
    },
  }),
  async (c) => c.json({ items: await sharedReflections(c.var.core.db, c.var.actor) }, 200),
);

reflectionRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/reflections/{week}',
    tags,
    summary: 'Your reflection on an ISO week (empty until written)',
    security,
    request: { params: weekParamSchema },
    responses: { 200: jsonResponse('Your reflection', reflectionSchema) },
  }),
  async (c) => c.json(await getReflection(c.var.core.db, c.var.actor, c.req.valid('param').week), 200),
);

reflectionRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/reflections/{week}',
    tags,
    summary: 'Write your reflection on a week; share it with the team or into handover packs if you wish',
    security,
    request: { params: weekParamSchema, body: jsonBody(reflectionInputSchema) },
    responses: { 200: jsonResponse('Your reflection', reflectionSchema) },
  }),
  async (c) =>
    c.json(
      await saveReflection(c.var.core.db, c.var.actor, c.req.valid('param').week, c.req.valid('json')),
      200,
    ),
);
