import { bigint, boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { stamp, ts, workspaceColumn } from './columns.ts';

export type Role = 'owner' | 'leader' | 'member';

/** Share bounds per quadrant, e.g. { q2: { min: 0.35 }, q3: { max: 0.15 } }. */
export type QuadrantTargets = Partial<Record<'q1' | 'q2' | 'q3' | 'q4', { min?: number; max?: number }>>;

// The four tables below are better-auth's; column names follow our snake_case convention.
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  workspaceId: workspaceColumn(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  role: text('role').$type<Role>().notNull().default('member'),
  timeZone: text('time_zone').notNull().default('UTC'),
  targets: jsonb('targets').$type<QuadrantTargets>(),
  createdAt: stamp('created_at'),
  updatedAt: stamp('updated_at'),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    expiresAt: ts('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: stamp('created_at'),
    updatedAt: stamp('updated_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** better-auth's "account": how a user signs in (here: email + password hash). */
export const authAccounts = pgTable(
  'auth_accounts',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: ts('access_token_expires_at'),
    refreshTokenExpiresAt: ts('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: stamp('created_at'),
    updatedAt: stamp('updated_at'),
  },
  (t) => [index('auth_accounts_user_idx').on(t.userId)],
);

export const verifications = pgTable('verifications', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: ts('expires_at').notNull(),
  createdAt: stamp('created_at'),
  updatedAt: stamp('updated_at'),
});

/** Shared by all server processes, so limits hold behind a load balancer. */
export const rateLimits = pgTable('rate_limits', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

/** Bearer tokens for programs and the CLI; only a SHA-256 of the token is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceColumn(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: stamp('created_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
