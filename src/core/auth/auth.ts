import { randomBytes, randomUUID } from 'node:crypto';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
// The minimal entry leaves out the Kysely adapters we do not use (halves the import time).
import { betterAuth } from 'better-auth/minimal';
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
import { hashPassword, verifyPassword } from './password.ts';

/** The header the server fills with the client's address; better-auth keys its rate limits on it. */
export const CLIENT_IP_HEADER = 'x-linchpin-client-ip';

const DAY = 24 * 60 * 60;

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
}

export function createAuth(db: Db, options: AuthOptions) {
  return betterAuth({
    appName: 'Linchpin',
    secret: options.secret,
    // Without a public URL the origin comes from each request (any host: a laptop, a test port).
    baseURL: options.baseURL ?? { allowedHosts: ['*'], protocol: 'auto', fallback: 'http://localhost' },
    logger: { level: 'error' },
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
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    user: {
      // Set by setup and admin commands only; never from a request.
      additionalFields: { workspaceId: { type: 'string', required: true, input: false } },
    },
    session: { expiresIn: 30 * DAY, updateAge: DAY },
    databaseHooks: {
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
      customRules: { '/sign-in/email': { window: 60, max: options.signInPerMinute ?? 10 } },
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
