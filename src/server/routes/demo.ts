import { createRoute, z } from '@hono/zod-openapi';
import { loadDemo } from '../../core/demo/demo.ts';
import { jsonResponse, router, security } from '../context.ts';

export const demoRoutes = router();

demoRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/demo',
    tags: ['system'],
    summary: "Fill your empty history with 12 weeks of a Customer Manager's demo activities",
    security,
    responses: {
      201: jsonResponse('What was loaded', z.object({ activities: z.number().int() })),
      409: { description: 'You already have activities' },
    },
  }),
  async (c) => c.json(await loadDemo(c.var.core.db, c.var.actor), 201),
);
