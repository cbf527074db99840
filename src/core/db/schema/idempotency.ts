import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { userColumn } from './auth.ts';
import { stamp, ts, workspaceColumn } from './columns.ts';

/**
 * One `Idempotency-Key` a person sent with a POST that creates (server/operation.ts): reserved by
 * inserting the row (on conflict do nothing, so two requests with one key never both run, in any
 * number of processes), then completed with the answer to replay for 24 hours. `status` null: the
 * request is still running (or its process died: `token` changes when another takes it over).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: userColumn(),
    workspaceId: workspaceColumn(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    /** The request's path, e.g. `/api/accounts/…/decisions`. */
    path: text('path').notNull(),
    /** SHA-256 of method, path, query and body: a repeat must be the same request. */
    requestHash: text('request_hash').notNull(),
    /** Who holds the reservation: completing or releasing it needs this. */
    token: text('token').notNull(),
    /** The answer's status once done; null while it runs. */
    status: integer('status'),
    /** The answer's JSON, exactly as sent; null when it is not kept (a secret shown once). */
    body: text('body'),
    /** When the key was reserved: it is honoured for 24 hours from here. */
    createdAt: stamp('created_at'),
    completedAt: ts('completed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.workspaceId, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
