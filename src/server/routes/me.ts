import { createRoute, z } from '@hono/zod-openapi';
import { mePatchSchema, ROLES, updateMe } from '../../core/auth/users.ts';
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const bounds = z.object({ min: z.number().optional(), max: z.number().optional() });

export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  timeZone: z.string(),
  targets: z.object({
    q1: bounds.optional(),
    q2: bounds.optional(),
    q3: bounds.optional(),
    q4: bounds.optional(),
  }),
  leaderId: z.string().nullable(),
  workspace: z.object({ id: z.string(), name: z.string() }),
});

export const meRoutes = router();

meRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['users'],
    summary: 'The signed-in user',
    security,
    responses: { 200: jsonResponse('The user', meSchema) },
  }),
  (c) => c.json(c.var.me, 200),
);

meRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/me',
    tags: ['users'],
    summary: 'Change name, time zone (IANA) or quadrant targets (shares 0–1)',
    security,
    request: { body: jsonBody(mePatchSchema) },
    responses: { 200: jsonResponse('The updated user', meSchema) },
  }),
  async (c) => c.json(await updateMe(c.var.core.db, c.var.actor, c.req.valid('json')), 200),
);
