import { z } from '@hono/zod-openapi';
import { createUser, hasAnyUser, newUserSchema } from '../../core/auth/users.ts';
import { rememberOrigin } from '../../core/mail/link-origin.ts';
import { headersWithClientAddress, publicOrigin } from '../auth.ts';

import { featureRoutes } from '../operation.ts';
import { meSchema } from './me.ts';

export const [systemRoutes, route] = featureRoutes('system');

route.get('/health', {
  summary: 'Liveness check (no auth)',
  public: true,
  responds: [200, 'The server is up', z.object({ status: z.literal('ok') })],
  run: async () => ({ status: 'ok' as const }),
});

route.get('/setup', {
  summary: 'Whether first-run setup is still needed (no auth)',
  public: true,
  responds: [200, 'Setup state', z.object({ needed: z.boolean() })],
  run: async ({ db }) => ({ needed: !(await hasAnyUser(db)) }),
});

route.post('/setup', {
  summary: 'First-run setup: create the workspace and its owner, and sign in',
  public: true,
  body: newUserSchema,
  responds: [201, 'The new owner', meSchema],
  errors: [[409, 'Already set up']],
  run: async ({ c, db, body }) => {
    const me = await createUser(db, { ...body, role: 'owner' }, { onlyIfFirst: true });
    await rememberOrigin(db, publicOrigin(c));
    const signIn = await c.var.core.auth.api.signInEmail({
      body: { email: body.email, password: body.password },
      headers: headersWithClientAddress(c),
      returnHeaders: true,
    });
    for (const cookie of signIn.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
    return me;
  },
});
