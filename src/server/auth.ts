import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { CLIENT_IP_HEADER, HTTP_AUTH_ENDPOINTS } from '../core/auth/auth.ts';
import { meForToken } from '../core/auth/tokens.ts';
import { actorOf, findMe, type Me, markActive } from '../core/auth/users.ts';
import { databaseAnswers } from '../core/db/client.ts';
import { AppError } from '../core/errors.ts';
import { rememberOrigin, trustedOrigin } from '../core/mail/link-origin.ts';
import { SSO_PROVIDER_ID, type SsoConfig } from '../core/sso/config.ts';
import type { AppEnv } from './context.ts';
import { errorBody, unavailableBody } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.options.trustProxy) {
    // The last entry is the one our proxy added; those before it are whatever the client sent, and
    // would let anyone pick the address that rate limits and known sign-in addresses key on.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? '127.0.0.1';
  } catch {
    return '127.0.0.1'; // in-process requests (tests) have no socket
  }
}

/** The request's headers plus the client's address in the header better-auth trusts. */
export function headersWithClientAddress(c: Context<AppEnv>): Headers {
  const headers = new Headers(c.req.raw.headers);
  headers.set(CLIENT_IP_HEADER, clientAddress(c));
  return headers;
}

/** Signs a person who has just set their password in: better-auth's session cookies go on this answer. */
export async function signInWithPassword(c: Context<AppEnv>, email: string, password: string): Promise<void> {
  const signIn = await c.var.core.auth.api.signInEmail({
    body: { email, password },
    headers: headersWithClientAddress(c),
    returnHeaders: true,
  });
  for (const cookie of signIn.headers.getSetCookie()) c.header('set-cookie', cookie, { append: true });
}

/** The origin people reach this server at: LINCHPIN_PUBLIC_URL behind a proxy, else the request's. */
export function publicOrigin(c: Context): string {
  return process.env.LINCHPIN_PUBLIC_URL
    ? new URL(process.env.LINCHPIN_PUBLIC_URL).origin
    : new URL(c.req.url).origin;
}

/** The origin for links that leave the app (mail, calendar feeds): the trusted one, else this request's. */
export async function linkOrigin(c: Context<AppEnv>): Promise<string> {
  return (await trustedOrigin(c.var.core.db)) ?? publicOrigin(c);
}

/**
 * Browsers send Origin on state-changing requests; one from another site is refused, so a cookie
 * alone can never change data (SameSite=Lax is the second line).
 */
function assertSameOrigin(c: Context): void {
  if (SAFE_METHODS.has(c.req.method)) return;
  const origin = c.req.header('origin');
  const expected = publicOrigin(c);
  if (origin ? origin !== expected : c.req.header('sec-fetch-site') === 'cross-site') {
    throw new AppError('forbidden', 'cross-site request refused');
  }
}

/** The person behind the request; a deactivated person's session or token counts as none. */
async function resolveMe(c: Context<AppEnv>): Promise<Me | null> {
  const { core } = c.var;
  const authorization = c.req.header('authorization');
  if (authorization) {
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new AppError('unauthenticated', 'the Authorization header must be "Bearer <token>"');
    }
    const me = await meForToken(core.db, token);
    if (!me) throw new AppError('unauthenticated', 'the bearer token is not valid');
    return me;
  }
  const session = await core.auth.api.getSession({ headers: c.req.raw.headers });
  if (!session) return null;
  assertSameOrigin(c);
  c.set('sessionToken', session.session.token);
  return findMe(core.db, session.user.id);
}

/** Requires a signed-in user (session cookie or bearer token) and puts them on the context. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const me = await resolveMe(c);
  if (!me) throw new AppError('unauthenticated', 'sign in first, or send a bearer token');
  c.set('me', me);
  c.set('actor', actorOf(me));
  await markActive(c.var.core.db, me.id);
  if (me.role === 'owner') await rememberOrigin(c.var.core.db, publicOrigin(c));
  await next();
};

// Only these of better-auth's endpoints are ours to offer: the rest (change-password, reset,
// update-user…) would bypass the audit log, the sign-out rules and roles of /api/me/*.
const AUTH_PATHS = new Set(
  [...HTTP_AUTH_ENDPOINTS].map((path) => `/api/auth${path.replace(':id', SSO_PROVIDER_ID)}`),
);
const SSO_START = '/api/auth/sign-in/social';

function ssoUnavailable(sso: SsoConfig | null): AppError {
  if (!sso) return AppError.notFound('single sign-on: it is not set up on this server');
  return new AppError(
    'busy',
    `the identity provider (${sso.name}) could not be reached: try again in a minute, or ask your administrator to check LINCHPIN_OIDC_ISSUER`,
  );
}

/** better-auth's own endpoints (sign-in, sign-out, session), with its errors in our shape. */
export const authHandler: MiddlewareHandler<AppEnv> = async (c) => {
  if (!AUTH_PATHS.has(c.req.path)) throw AppError.notFound(`${c.req.method} ${c.req.path}`);
  const request = new Request(c.req.raw, { headers: headersWithClientAddress(c) });
  if (!SAFE_METHODS.has(c.req.method)) assertSameOrigin(c);
  const response = await c.var.core.auth.handler(request);
  if (response.status < 400) return response;
  const body = (await response.json().catch(() => ({}))) as { message?: string; code?: string };
  // better-auth drops a provider whose discovery failed (and retries it on the next start).
  if (c.req.path === SSO_START && response.status === 404) throw ssoUnavailable(c.var.core.sso);
  // better-auth's own 500s (it wraps some database failures): ours to report, never a 400.
  if (response.status >= 500) {
    if (!(await databaseAnswers(c.var.core.db, 2_000))) return c.json(unavailableBody(), 503);
    throw new Error(`better-auth answered ${response.status} to ${c.req.path}: ${body.message ?? ''}`);
  }
  const code =
    response.status === 429
      ? 'rate_limited'
      : response.status === 401
        ? 'unauthenticated'
        : response.status === 403
          ? 'forbidden'
          : response.status === 404
            ? 'not_found'
            : 'bad_request';
  const error = new AppError(code, body.message ?? response.statusText);
  const headers = new Headers({ 'content-type': 'application/json' });
  const retryAfter = response.headers.get('x-retry-after') ?? response.headers.get('retry-after');
  if (retryAfter) headers.set('retry-after', retryAfter);
  return new Response(JSON.stringify(errorBody(error)), { status: error.status, headers });
};
