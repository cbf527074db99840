import { createRoute, z } from '@hono/zod-openapi';
import { createUser, hasAnyUser, newUserSchema } from '../../core/auth/users.ts';
import { rememberOrigin } from '../../core/mail/link-origin.ts';
import { headersWithClientAddress, publicOrigin } from '../auth.ts';
import { jsonBody, jsonResponse, router } from '../context.ts';
import { meSchema } from './me.ts';

export const systemRoutes = router();

systemRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/health',
    tags: ['system'],
    summary: 'Liveness check (no auth)',
    responses: { 200: jsonResponse('The server is up', z.object({ status: z.literal('ok') })) },
  }),
  (c) => c.json({ status: 'ok' as const }, 200),
);

systemRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/setup',
    tags: ['system'],
    summary: 'Whether first-run setup is still needed (no auth)',
    responses: { 200: jsonResponse('Setup state', z.object({ needed: z.boolean() })) },
  }),
  async (c) => c.json({ needed: !(await hasAnyUser(c.var.core.db)) }, 200),
);

systemRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/setup',
    tags: ['system'],
    summary: 'First-run setup: create the workspace and its owner, and sign in',
    request: { body: jsonBody(newUserSchema) },
    responses: {
      201: jsonResponse('The new owner', meSchema),
      409: { description: 'Already set up' },
    },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const me = await createUser(c.var.core.db, { ...input, role: 'owner' }, { onlyIfFirst: true });
    await rememberOrigin(c.var.core.db, publicOrigin(c));
    const signIn = await c.var.core.auth.api.signInEmail({
      body: { email: input.email, password: input.password },
      headers: headersWithClientAddress(c),
      returnHeaders: true,
    });
    for (const cookie of signIn.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
    return c.json(me, 201);
  },
);
