import { randomBytes, randomUUID } from 'node:crypto';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
// The minimal entry leaves out the Kysely adapters we do not use (halves the import time).
import { betterAuth } from 'better-auth/minimal';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  authAccounts,
  instanceSettings,
  rateLimits,
  sessions,
  users,
  verifications,
} from '../db/schema/index.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { AppError } from '../errors.ts';
import { discoveryUrlOf, SSO_PROVIDER_ID, type SsoConfig } from '../sso/config.ts';
import { joiningBySso, recordSsoJoin } from '../sso/joining.ts';
import { boundedProviderRequests } from '../sso/provider-requests.ts';
import { passwordsOffFor, passwordsOffMessage } from '../sso/settings.ts';
import { argon2id, verifyPassword } from './password.ts';
import { recordFailedSignIn, recordSignIn, signInWait } from './sign-in-limit.ts';

/** The header the server fills with the client's address; better-auth keys its rate limits on it. */
export const CLIENT_IP_HEADER = 'x-linchpin-client-ip';

const DAY = 24 * 60 * 60;

/**
 * The only better-auth endpoints reachable over HTTP. Its others (update-user, change-email,
 * delete-user, change-password, reset…) would bypass our validation, the audit log and the
 * sign-out rules of /api/me/*: each is answered 404, whatever the server in front lets through.
 */
export const HTTP_AUTH_ENDPOINTS = new Set([
  '/sign-in/email',
  '/sign-out',
  '/get-session',
  // Single sign-on: start at the provider, come back with its code (only our one provider exists).
  '/sign-in/social',
  '/callback/:id',
]);

/** The client's address as the server passed it (the rate limits key on it). */
const addressOf = (headers: Headers | undefined) => headers?.get(CLIENT_IP_HEADER) ?? 'unknown';

const emailOf = (body: unknown) =>
  body && typeof body === 'object' && typeof (body as { email?: unknown }).email === 'string'
    ? (body as { email: string }).email
    : null;

/**
 * Refuses endpoints we do not offer, sign-in for an e-mail that must wait (sign-in-limit.ts), and
 * passwords in a workspace that signs in with SSO only.
 */
const beforeEndpoint = (db: Db, sso: SsoConfig | undefined) =>
  createAuthMiddleware(async (ctx) => {
    if (ctx.request && !HTTP_AUTH_ENDPOINTS.has(ctx.path)) {
      throw new APIError('NOT_FOUND', { message: `${ctx.request.method} /api/auth${ctx.path} not found` });
    }
    const email = ctx.path === '/sign-in/email' ? emailOf(ctx.body) : null;
    if (!email) return;
    const waitMs = await signInWait(db, email, addressOf(ctx.headers));
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new APIError(
        'TOO_MANY_REQUESTS',
        {
          message: `too many wrong passwords for this account: try again in ${seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`}`,
        },
        { 'Retry-After': String(seconds) },
      );
    }
    if (await passwordsOffFor(db, email)) {
      throw new APIError('FORBIDDEN', { message: passwordsOffMessage(sso) });
    }
  });

/** Counts a wrong password against the account, and notes the address of a right one. */
const afterEndpoint = (db: Db) =>
  createAuthMiddleware(async (ctx) => {
    const email = ctx.path === '/sign-in/email' ? emailOf(ctx.body) : null;
    if (!email) return;
    const returned = ctx.context.returned;
    if (isAPIError(returned)) {
      if (returned.statusCode === 401) await recordFailedSignIn(db, email, addressOf(ctx.headers));
    } else if (returned !== undefined) {
      await recordSignIn(db, email, addressOf(ctx.headers));
    }
  });

/**
 * Every server process must sign cookies with the same secret, so it lives in the database
 * (created on first start) unless LINCHPIN_AUTH_SECRET provides one.
 */
export async function loadAuthSecret(db: Db, fromEnv = process.env.LINCHPIN_AUTH_SECRET): Promise<string> {
  if (fromEnv) return fromEnv;
  await db
    .insert(instanceSettings)
    .values({ key: 'auth_secret', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, 'auth_secret'));
  if (!row) throw new Error('auth secret could not be stored');
  return row.value;
}

export interface AuthOptions {
  secret: string;
  /** Public URL when behind a proxy (makes cookies Secure over https). */
  baseURL?: string;
  /** Sign-in attempts allowed per client address per minute. */
  signInPerMinute?: number;
  /** The OpenID Connect provider people may sign in with, if any. */
  sso?: SsoConfig;
}

/** The refusal better-auth redirects to the sign-in page with (?error=…&error_description=…). */
const refuse = (code: string, error: unknown): never => {
  if (error instanceof AppError) throw new APIError('FORBIDDEN', { code, message: error.message });
  throw error;
};

export function createAuth(db: Db, options: AuthOptions) {
  return betterAuth({
    appName: 'Linchpin',
    secret: options.secret,
    // Without a public URL the origin comes from each request (any host: a laptop, a test port).
    baseURL: options.baseURL ?? { allowedHosts: ['*'], protocol: 'auto', fallback: 'http://localhost' },
    logger: {
      level: 'error',
      // A database outage is logged once per few seconds by the server's error handler (503s); the
      // library would print a stack per request.
      log: (_level, message, ...args) => {
        if (!args.some((arg) => isDatabaseUnavailable(arg)))
          console.error(`[Better Auth] ${message}`, ...args);
      },
    },
    basePath: '/api/auth',
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: authAccounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by first-run setup and by admins, never by open sign-up.
      disableSignUp: true,
      minPasswordLength: 8,
      password: { hash: argon2id, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    user: {
      // Set by setup and admin commands, or by the SSO join rules below; never from a request.
      // Not "required": better-auth would refuse an SSO user before our hook fills them in.
      additionalFields: {
        workspaceId: { type: 'string', required: false, input: false },
        role: { type: 'string', required: false, input: false },
        leaderId: { type: 'string', required: false, input: false },
      },
    },
    account: {
      // Our password accounts never verify their e-mail; the provider's verified one links them.
      accountLinking: { requireLocalEmailVerified: false },
    },
    plugins: options.sso
      ? [
          genericOAuth({
            config: [
              {
                providerId: SSO_PROVIDER_ID,
                name: options.sso.name,
                discoveryUrl: discoveryUrlOf(options.sso),
                clientId: options.sso.clientId,
                clientSecret: options.sso.clientSecret,
                scopes: ['openid', 'email', 'profile'],
                pkce: true,
                // Only ID tokens checked against the provider's keys say who someone is.
                requireIdTokenVerification: true,
                // The callback's requests to the provider, with a deadline.
                ...boundedProviderRequests(options.sso),
                ...(options.sso.trustEmails && { mapProfileToUser: () => ({ emailVerified: true }) }),
              },
            ],
          }),
        ]
      : [],
    session: { expiresIn: 30 * DAY, updateAge: DAY },
    hooks: { before: beforeEndpoint(db, options.sso), after: afterEndpoint(db) },
    // A failure that is not better-auth's own answer (the database is down, a bug) reaches our error
    // handler (503 or a logged 500) instead of becoming a bare 500 "Internal Server Error".
    onAPIError: { throw: true },
    databaseHooks: {
      // Only single sign-on makes users through better-auth (setup, admin and invitations insert
      // them): who may join, and where, is decided before the row exists, so a refusal leaves none.
      user: {
        create: {
          before: async (user) => {
            const joining = await joiningBySso(db, {
              email: user.email,
              emailVerified: user.emailVerified === true,
            }).catch((error) => refuse('not_invited', error));
            return { data: { ...user, ...joining } };
          },
          after: async (user) => {
            const { workspaceId } = user as typeof user & { workspaceId: string };
            await recordSsoJoin(db, { id: user.id, email: user.email, workspaceId });
          },
        },
      },
      session: {
        create: {
          // A deactivated person's password still verifies; the session is what they must not get.
          before: async (session) => {
            const [user] = await db
              .select({ deactivatedAt: users.deactivatedAt })
              .from(users)
              .where(eq(users.id, session.userId));
            if (user?.deactivatedAt) {
              throw new APIError('FORBIDDEN', {
                code: 'deactivated',
                message: 'this account was deactivated: ask your workspace owner to reactivate it',
              });
            }
          },
        },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: options.signInPerMinute ?? 10 },
        // Starting SSO only sends the person to their provider (which guards its own sign-in).
        '/sign-in/social': { window: 60, max: 60 },
      },
    },
    trustedOrigins: (request) => (request ? [new URL(request.url).origin] : []),
    advanced: {
      cookiePrefix: 'linchpin',
      database: { generateId: () => randomUUID() },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
