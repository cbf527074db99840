import { createRoute, z } from '@hono/zod-openapi';
import { listAccounts } from '../../core/accounts/service.ts';
import { jsonResponse, router, security } from '../context.ts';

export const accountRoutes = router();

accountRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/accounts',
    tags: ['accounts'],
    summary: "The workspace's customer accounts",
    security,
    responses: {
      200: jsonResponse(
        'Accounts by name',
        z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }),
      ),
    },
  }),
  async (c) => c.json({ items: await listAccounts(c.var.core.db, c.var.actor.workspaceId) }, 200),
);
