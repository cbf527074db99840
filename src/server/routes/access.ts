import { createRoute, z } from '@hono/zod-openapi';
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
import { jsonBody, jsonResponse, router, security } from '../context.ts';

const tags = ['access'];
const idParam = z.object({ id: z.string().min(1).max(100) });
const tokenParam = z.object({ token: z.string().min(1).max(200) });
const codeParam = z.object({ code: z.string().min(1).max(20) });

/** Your own credentials: personal access tokens, password, approving a CLI sign-in. */
export const accessRoutes = router();

accessRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/me/tokens',
    tags,
    summary: 'Your personal access tokens (never the tokens themselves)',
    security,
    responses: {
      200: jsonResponse(
        'Newest first',
        z.object({
          items: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              createdAt: z.string(),
              lastUsedAt: z.string().nullable(),
              expiresAt: z.string().nullable(),
            }),
          ),
        }),
      ),
    },
  }),
  async (c) => c.json({ items: await listTokens(c.var.core.db, c.var.actor) }, 200),
);

accessRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/me/tokens',
    tags,
    summary: 'Create a personal access token (shown once)',
    security,
    request: { body: jsonBody(tokenInputSchema) },
    responses: {
      201: jsonResponse(
        'The token, shown this once',
        z.object({ id: z.string(), name: z.string(), token: z.string(), expiresAt: z.string().nullable() }),
      ),
    },
  }),
  async (c) =>
    c.json(await createPersonalToken(c.var.core.db, c.var.actor, c.req.valid('json'), clientAddress(c)), 201),
);

accessRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/me/tokens/{id}',
    tags,
    summary: 'Revoke one of your tokens (it stops working at once)',
    security,
    request: { params: idParam },
    responses: { 204: { description: 'Revoked' } },
  }),
  async (c) => {
    await revokeToken(c.var.core.db, c.var.actor, c.req.valid('param').id, clientAddress(c));
    return c.body(null, 204);
  },
);

accessRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/me/password',
    tags,
    summary: 'Change your password (the current one is required); your other sessions end',
    security,
    request: { body: jsonBody(passwordChangeSchema) },
    responses: { 204: { description: 'Changed' } },
  }),
  async (c) => {
    await changePassword(c.var.core.db, c.var.actor, c.req.valid('json'), {
      ip: clientAddress(c),
      sessionToken: c.var.sessionToken,
    });
    return c.body(null, 204);
  },
);

accessRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/device-codes/{code}',
    tags,
    summary: 'A waiting CLI sign-in, by the code it shows',
    security,
    request: { params: codeParam },
    responses: {
      200: jsonResponse(
        'The sign-in request',
        z.object({
          userCode: z.string(),
          clientName: z.string(),
          expiresAt: z.string(),
          status: z.enum(['pending', 'approved', 'denied', 'expired']),
        }),
      ),
    },
  }),
  async (c) => c.json(await deviceLoginView(c.var.core.db, c.req.valid('param').code), 200),
);

for (const decision of ['approve', 'deny'] as const) {
  accessRoutes.openapi(
    createRoute({
      method: 'post',
      path: `/device-codes/{code}/${decision}`,
      tags,
      summary: decision === 'approve' ? 'Approve a CLI sign-in as yourself' : 'Refuse a CLI sign-in',
      security,
      request: { params: codeParam },
      responses: { 204: { description: decision === 'approve' ? 'Approved' : 'Denied' } },
    }),
    async (c) => {
      await decideDeviceLogin(c.var.core.db, c.var.actor, c.req.valid('param').code, decision === 'approve');
      return c.body(null, 204);
    },
  );
}

/** Forgot password and CLI sign-in: reachable without a session. */
export const publicAccessRoutes = router();

publicAccessRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/public/password-reset',
    tags,
    summary: 'Mail a one-hour reset link (always 202: the answer never says whether the address exists)',
    request: { body: jsonBody(resetRequestSchema) },
    responses: { 202: { description: 'If the address has an account, a link was sent' } },
  }),
  async (c) => {
    await requestPasswordReset(c.var.core.db, c.var.core.mailer, c.req.valid('json').email, {
      origin: await trustedOrigin(c.var.core.db),
      ip: clientAddress(c),
    });
    return c.body(null, 202);
  },
);

publicAccessRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/public/password-reset/{token}',
    tags,
    summary: 'Set a new password with a reset link (once, within the hour); every session ends',
    request: { params: tokenParam, body: jsonBody(resetSchema) },
    responses: { 204: { description: 'Changed: sign in with the new password' } },
  }),
  async (c) => {
    await resetPassword(
      c.var.core.db,
      c.req.valid('param').token,
      c.req.valid('json').password,
      clientAddress(c),
    );
    return c.body(null, 204);
  },
);

publicAccessRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/public/device-codes',
    tags,
    summary:
      'A CLI starts signing in (RFC 8628 style): a device code to poll with and a user code to approve',
    request: { body: jsonBody(deviceCodeRequestSchema) },
    responses: {
      201: jsonResponse(
        'The codes',
        z.object({
          deviceCode: z.string(),
          userCode: z.string(),
          verificationUri: z.string(),
          verificationUriComplete: z.string(),
          expiresIn: z.number(),
          interval: z.number(),
        }),
      ),
    },
  }),
  async (c) =>
    c.json(
      await startDeviceLogin(c.var.core.db, c.req.valid('json').clientName, {
        origin: publicOrigin(c),
        ip: clientAddress(c),
      }),
      201,
    ),
);

publicAccessRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/public/device-codes/token',
    tags,
    summary:
      'The CLI polls: 202 while waiting, 200 with the token once approved (once), 403 denied, 410 expired',
    request: { body: jsonBody(deviceTokenRequestSchema) },
    responses: {
      200: jsonResponse(
        'Approved',
        z.object({ status: z.literal('approved'), token: z.string(), name: z.string() }),
      ),
      202: jsonResponse('Still waiting for approval', z.object({ status: z.literal('pending') })),
    },
  }),
  async (c) => {
    const result = await pollDeviceLogin(c.var.core.db, c.req.valid('json').deviceCode, clientAddress(c));
    return result.status === 'pending' ? c.json(result, 202) : c.json(result, 200);
  },
);
