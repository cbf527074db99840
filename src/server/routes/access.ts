import { z } from '@hono/zod-openapi';
import {
  changePassword,
  passwordChangeSchema,
  requestPasswordReset,
  resetPassword,
  resetRequestSchema,
  resetSchema,
} from '../../core/auth/credentials.ts';
import {
  decideDeviceLogin,
  deviceCodeRequestSchema,
  deviceLoginView,
  deviceTokenRequestSchema,
  pollDeviceLogin,
  startDeviceLogin,
} from '../../core/auth/device-codes.ts';
import { createPersonalToken, listTokens, revokeToken, tokenInputSchema } from '../../core/auth/tokens.ts';
import { trustedOrigin } from '../../core/mail/link-origin.ts';
import { clientAddress, publicOrigin } from '../auth.ts';
import { itemsOf } from '../context.ts';
import { featureRoutes } from '../operation.ts';

const tokenParam = z.object({ token: z.string().min(1).max(200) });
const codeParam = z.object({ code: z.string().min(1).max(20) });

/** Your own credentials: personal access tokens, password, approving a CLI sign-in. */
export const [accessRoutes, route] = featureRoutes('access');

route.get('/me/tokens', {
  summary: 'Your personal access tokens (never the tokens themselves)',
  responds: [
    200,
    'Newest first',
    itemsOf(
      z.object({
        id: z.string(),
        name: z.string(),
        createdAt: z.string(),
        lastUsedAt: z.string().nullable(),
        expiresAt: z.string().nullable(),
      }),
    ),
  ],
  run: async ({ db, actor }) => ({ items: await listTokens(db, actor) }),
});

route.post('/me/tokens', {
  // Its answer shows a secret once: never stored for an Idempotency-Key replay.
  shownOnce: true,
  summary: 'Create a personal access token (shown once)',
  body: tokenInputSchema,
  responds: [
    201,
    'The token, shown this once',
    z.object({ id: z.string(), name: z.string(), token: z.string(), expiresAt: z.string().nullable() }),
  ],
  run: ({ c, db, actor, body }) => createPersonalToken(db, actor, body, clientAddress(c)),
});

route.delete('/me/tokens/{id}', {
  summary: 'Revoke one of your tokens (it stops working at once)',
  responds: [204, 'Revoked'],
  run: ({ c, db, actor, params }) => revokeToken(db, actor, params.id, clientAddress(c)),
});

route.post('/me/password', {
  summary: 'Change your password (the current one is required); your other sessions end',
  body: passwordChangeSchema,
  responds: [204, 'Changed'],
  errors: [[403, 'Passwords are off in your workspace: you sign in with SSO'], 429],
  run: ({ c, db, actor, body }) =>
    changePassword(db, actor, body, {
      ip: clientAddress(c),
      sessionToken: c.var.sessionToken,
      sso: c.var.core.sso,
    }),
});

route.get('/device-codes/{code}', {
  summary: 'A waiting CLI sign-in, by the code it shows',
  params: codeParam,
  responds: [
    200,
    'The sign-in request',
    z.object({
      userCode: z.string(),
      clientName: z.string(),
      expiresAt: z.string(),
      status: z.enum(['pending', 'approved', 'denied', 'expired']),
    }),
  ],
  run: ({ db, params }) => deviceLoginView(db, params.code),
});

for (const decision of ['approve', 'deny'] as const) {
  route.post(`/device-codes/{code}/${decision}`, {
    summary: decision === 'approve' ? 'Approve a CLI sign-in as yourself' : 'Refuse a CLI sign-in',
    params: codeParam,
    responds: [204, decision === 'approve' ? 'Approved' : 'Denied'],
    errors: [409, 410],
    run: ({ db, actor, params }) => decideDeviceLogin(db, actor, params.code, decision === 'approve'),
  });
}

/** Forgot password and CLI sign-in: reachable without a session. */
export const [publicAccessRoutes, publicRoute] = featureRoutes('access');

publicRoute.post('/public/password-reset', {
  summary:
    'Mail a one-hour reset link (always 202: the answer never says whether the address exists; no link where passwords are off)',
  public: true,
  body: resetRequestSchema,
  responds: [202, 'If the address has an account, a link was sent'],
  errors: [429],
  run: async ({ c, db, body }) => {
    await requestPasswordReset(db, c.var.core.mailer, body.email, {
      origin: await trustedOrigin(db),
      ip: clientAddress(c),
    });
    return c.body(null, 202);
  },
});

publicRoute.post('/public/password-reset/{token}', {
  summary: 'Set a new password with a reset link (once, within the hour); every session ends',
  public: true,
  params: tokenParam,
  body: resetSchema,
  responds: [204, 'Changed: sign in with the new password'],
  errors: [[403, 'Passwords are off in this workspace: sign in with SSO'], 410, 429],
  run: ({ c, db, params, body }) =>
    resetPassword(db, params.token, body.password, { ip: clientAddress(c), sso: c.var.core.sso }),
});

publicRoute.post('/public/device-codes', {
  summary: 'A CLI starts signing in (RFC 8628 style): a device code to poll with and a user code to approve',
  public: true,
  body: deviceCodeRequestSchema,
  responds: [
    201,
    'The codes',
    z.object({
      deviceCode: z.string(),
      userCode: z.string(),
      verificationUri: z.string(),
      verificationUriComplete: z.string(),
      expiresIn: z.number(),
      interval: z.number(),
    }),
  ],
  errors: [429],
  run: ({ c, db, body }) =>
    startDeviceLogin(db, body.clientName, { origin: publicOrigin(c), ip: clientAddress(c) }),
});

publicRoute.post('/public/device-codes/token', {
  summary:
    'The CLI polls: 202 while waiting, 200 with the token once approved (once), 403 denied, 410 expired',
  public: true,
  body: deviceTokenRequestSchema,
  responds: [
    200,
    'Approved',
    z.object({ status: z.literal('approved'), token: z.string(), name: z.string() }),
  ],
  alsoResponds: [[202, 'Still waiting for approval', z.object({ status: z.literal('pending') })]],
  errors: [
    [403, 'Sign-in was denied in the browser, or the person who approved it was deactivated'],
    [404, 'No such device code'],
    410,
    429,
  ],
  run: async ({ c, db, body }) => {
    const result = await pollDeviceLogin(db, body.deviceCode, clientAddress(c));
    return result.status === 'pending' ? c.json(result, 202) : result;
  },
});
