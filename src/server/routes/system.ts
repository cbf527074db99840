import { z } from '@hono/zod-openapi';
import { createUser, hasAnyUser, newUserSchema } from '../../core/auth/users.ts';
import { databaseAnswers } from '../../core/db/client.ts';
import { rememberOrigin } from '../../core/mail/link-origin.ts';
import { signInChoices } from '../../core/sso/settings.ts';
import { publicOrigin, signInWithPassword } from '../auth.ts';
import { UNAVAILABLE_RETRY_SECONDS, unavailableBody } from '../errors.ts';
import { featureRoutes } from '../operation.ts';
import { meSchema } from './me.ts';

export const [systemRoutes, route] = featureRoutes('system');

// Short: a load balancer or orchestrator asks often and wants a quick no.
const HEALTH_TIMEOUT_MS = Number(process.env.LINCHPIN_HEALTH_TIMEOUT_MS) || 3_000;

route.get('/health', {
  summary: 'Health check (no auth): the server is up and its database answers',
  description: `Runs \`select 1\` (at most ${HEALTH_TIMEOUT_MS / 1000} s). 503 \`{"status":"unavailable"}\`, also in the error shape, while the database does not answer.`,
  public: true,
  responds: [200, 'The server and its database answer', z.object({ status: z.literal('ok') })],
  errors: [[503, 'The database does not answer']],
  run: async ({ c, db }) => {
    if (await databaseAnswers(db, HEALTH_TIMEOUT_MS)) return { status: 'ok' as const };
    c.header('Retry-After', String(UNAVAILABLE_RETRY_SECONDS));
    return c.json({ status: 'unavailable', ...unavailableBody() }, 503);
  },
});

route.get('/setup', {
  summary: 'Whether first-run setup is still needed, and how people sign in (no auth)',
  description:
    '`sso` is null without single sign-on; else its button name, and `only` when password sign-in is off.',
  public: true,
  responds: [
    200,
    'Setup state',
    z.object({
      needed: z.boolean(),
      sso: z.object({ name: z.string(), only: z.boolean() }).nullable(),
    }),
  ],
  run: async ({ c, db }) => ({
    needed: !(await hasAnyUser(db)),
    sso: await signInChoices(db, c.var.core.sso),
  }),
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
    await signInWithPassword(c, body.email, body.password);
    return me;
  },
});
