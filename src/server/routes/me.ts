import { z } from '@hono/zod-openapi';
import { mePatchSchema, ROLES, updateMe } from '../../core/auth/users.ts';

import { featureRoutes } from '../operation.ts';

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

export const [meRoutes, route] = featureRoutes('users');

route.get('/me', {
  summary: 'The signed-in user',
  responds: [200, 'The user', meSchema],
  run: async ({ c }) => c.var.me,
});

route.patch('/me', {
  summary: 'Change name, time zone (IANA) or quadrant targets (shares 0–1)',
  body: mePatchSchema,
  responds: [200, 'The updated user', meSchema],
  run: ({ db, actor, body }) => updateMe(db, actor, body),
});
