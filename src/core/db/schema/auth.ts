import { type AnyPgColumn, bigint, boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { stamp, ts, workspaceColumn } from './columns.ts';

import type { Role } from './values.ts';

export type { Role };

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
  /** Whom they report to (a leader or the owner); the team view follows these lines. */
  leaderId: text('leader_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
  /** Set while the person may not sign in; their data stays. */
  deactivatedAt: ts('deactivated_at'),
  /** The last request they made (written at most every few minutes). */
  lastActiveAt: ts('last_active_at'),
  createdAt: stamp('created_at'),
  updatedAt: stamp('updated_at'),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: userColumn(),
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
    userId: userColumn(),
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
    userId: userColumn(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: ts('expires_at'),
    lastUsedAt: ts('last_used_at'),
    createdAt: stamp('created_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** One-time links that let a person join a workspace; only the token's SHA-256 is kept. */
export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceColumn(),
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    leaderId: text('leader_id').references(() => users.id, { onDelete: 'set null' }),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedUserId: text('accepted_user_id').references(() => users.id, { onDelete: 'set null' }),
    withdrawnAt: ts('withdrawn_at'),
    createdAt: stamp('created_at'),
  },
  (t) => [index('invitations_workspace_idx').on(t.workspaceId, t.email)],
);

/** Forgot-password links: one hour, one use, only the token's SHA-256 kept. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: text('id').primaryKey(),
    userId: userColumn(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: stamp('created_at'),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/** A CLI asking to sign in (RFC 8628 style): approved in a signed-in browser by its user code. */
export const deviceCodes = pgTable('device_codes', {
  id: text('id').primaryKey(),
  deviceCodeHash: text('device_code_hash').notNull().unique(),
  userCode: text('user_code').notNull().unique(),
  clientName: text('client_name').notNull(),
  expiresAt: ts('expires_at').notNull(),
  userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
  approvedAt: ts('approved_at'),
  deniedAt: ts('denied_at'),
  /** When the CLI collected its token: the token is made then, so no plain token is ever stored. */
  collectedAt: ts('collected_at'),
  lastPolledAt: ts('last_polled_at'),
  createdAt: stamp('created_at'),
});

/** Who did what to people and access, when and from where; append-only, never a secret. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceColumn(),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    target: text('target').notNull(),
    ip: text('ip'),
    at: stamp('at'),
  },
  (t) => [index('audit_log_workspace_idx').on(t.workspaceId, t.at)],
);

/** The person a row belongs to; it goes with them. */
export function userColumn() {
  return text('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });
}
