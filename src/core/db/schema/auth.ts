import { type AnyPgColumn, bigint, boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { idColumn, linkColumn, parentColumn, stamp, timestamps, ts, workspaceRow } from './columns.ts';

import type { Role } from './values.ts';

export type { Role };

/** Share bounds per quadrant, e.g. { q2: { min: 0.35 }, q3: { max: 0.15 } }. */
export type QuadrantTargets = Partial<Record<'q1' | 'q2' | 'q3' | 'q4', { min?: number; max?: number }>>;

// The four tables below are better-auth's; column names follow our snake_case convention.
export const users = pgTable('users', {
  ...workspaceRow(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  role: text('role').$type<Role>().notNull().default('member'),
  timeZone: text('time_zone').notNull().default('UTC'),
  targets: jsonb('targets').$type<QuadrantTargets>(),
  /** Whom they report to (a leader or the owner); the team view follows these lines. */
  leaderId: linkColumn('leader_id', (): AnyPgColumn => users.id),
  /** Set while the person may not sign in; their data stays. */
  deactivatedAt: ts('deactivated_at'),
  /** The last request they made (written at most every few minutes). */
  lastActiveAt: ts('last_active_at'),
  ...timestamps(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: idColumn(),
    userId: userColumn(),
    token: text('token').notNull().unique(),
    expiresAt: ts('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    ...timestamps(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** better-auth's "account": how a user signs in (here: email + password hash). */
export const authAccounts = pgTable(
  'auth_accounts',
  {
    id: idColumn(),
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
    ...timestamps(),
  },
  (t) => [index('auth_accounts_user_idx').on(t.userId)],
);

export const verifications = pgTable('verifications', {
  id: idColumn(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: ts('expires_at').notNull(),
  ...timestamps(),
});

/** Shared by all server processes, so limits hold behind a load balancer. */
export const rateLimits = pgTable('rate_limits', {
  id: idColumn(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

/** Bearer tokens for programs and the CLI; only a SHA-256 of the token is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    ...userRow(),
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
    ...workspaceRow(),
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    leaderId: linkColumn('leader_id', () => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: parentColumn('invited_by', () => users.id),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedUserId: linkColumn('accepted_user_id', () => users.id),
    withdrawnAt: ts('withdrawn_at'),
    createdAt: stamp('created_at'),
  },
  (t) => [index('invitations_workspace_idx').on(t.workspaceId, t.email)],
);

/** Forgot-password links: one hour, one use, only the token's SHA-256 kept. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: idColumn(),
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
  id: idColumn(),
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
    ...workspaceRow(),
    actorId: linkColumn('actor_id', () => users.id),
    action: text('action').notNull(),
    target: text('target').notNull(),
    ip: text('ip'),
    at: stamp('at'),
  },
  (t) => [index('audit_log_workspace_idx').on(t.workspaceId, t.at)],
);

/** The person a row belongs to; it goes with them. */
export function userColumn() {
  return parentColumn('user_id', () => users.id);
}

/** What every row of one person's own data starts with: its id, its workspace and its person. */
export function userRow() {
  return { ...workspaceRow(), userId: userColumn() };
}
