import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';

/**
 * Idempotent retries (issue 15): a POST that creates may carry an `Idempotency-Key`; the first
 * request with it reserves the key for its person, runs, and stores its answer; a repeat of the same
 * request within {@link IDEMPOTENCY_TTL_MS} gets that answer again without running. Only successes
 * are kept: a failed request releases its key, so the corrected retry runs. No HTTP here: the route
 * builder (server/operation.ts) calls these.
 */

/** How long a key is honoured, from its first request. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

/**
 * A reservation still unfinished after this long was left by a process that died mid-request (no
 * request runs this long: statements time out after 30 s), so a retry may take it over.
 */
export const IDEMPOTENCY_LEASE_MS = 5 * 60_000;

/** What a client is asked to wait before sending again a request whose key is still being processed. */
export const IN_PROGRESS_RETRY_SECONDS = 1;

/** What tells one request from another: a key may only be sent again with the same one. */
export interface IdempotentRequest {
  key: string;
  method: string;
  path: string;
  /** The query string as sent (with or without `?`). */
  query: string;
  /** The body's text as sent (empty without one). */
  body: string;
}

/** A stored answer: its status and its JSON text, or null when it was not kept. */
export interface StoredAnswer {
  status: number;
  body: string | null;
}

/** The reservation is ours (run, then complete or release it), or the request was already answered. */
export type Reservation = { reserved: true; token: string } | { reserved: false; answer: StoredAnswer };

export type IdempotencyEntry = typeof idempotencyKeys.$inferSelect;

/** SHA-256 of what makes the request this request. */
export function requestHash(request: IdempotentRequest): string {
  const query = request.query.replace(/^\?/, '');
  // A JSON array, so no part can pass for another's end.
  const parts = [request.method.toUpperCase(), request.path, query, request.body];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

const byKey = (actor: Actor, key: string) =>
  and(
    eq(idempotencyKeys.userId, actor.userId),
    eq(idempotencyKeys.workspaceId, actor.workspaceId),
    eq(idempotencyKeys.key, key),
  );

/** The person's entry under `key`, expired or not (the cleanup may not have run yet). */
export async function findIdempotencyKey(
  db: Db,
  actor: Actor,
  key: string,
): Promise<IdempotencyEntry | undefined> {
  const [entry] = await db.select().from(idempotencyKeys).where(byKey(actor, key));
  return entry;
}

/**
 * Reserves `request.key` for the actor, atomically in the database (insert … on conflict do
 * nothing), so of two requests with one key, in one process or several, exactly one runs. A key
 * already used answers instead: the stored answer for the same request; 422 for another request
 * (path, query or body); 409 with Retry-After while the first is still running. An expired entry,
 * or one left unfinished by a process that died, is taken over.
 */
export async function reserveIdempotencyKey(
  db: Db,
  actor: Actor,
  request: IdempotentRequest,
): Promise<Reservation> {
  const hash = requestHash(request);
  const method = request.method.toUpperCase();
  const fresh = () => ({
    token: randomUUID(),
    method,
    path: request.path,
    requestHash: hash,
    status: null,
    body: null,
    createdAt: now(),
    completedAt: null,
  });
  // A released or expired row may go between our insert and our read: then try again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const reservation = fresh();
    const [inserted] = await db
      .insert(idempotencyKeys)
      .values({ ...reservation, userId: actor.userId, workspaceId: actor.workspaceId, key: request.key })
      .onConflictDoNothing()
      .returning({ token: idempotencyKeys.token });
    if (inserted) return { reserved: true, token: inserted.token };
    const entry = await findIdempotencyKey(db, actor, request.key);
    if (!entry) continue;
    const at = reservation.createdAt.getTime();
    const expired = entry.createdAt.getTime() < at - IDEMPOTENCY_TTL_MS;
    const abandoned = entry.status === null && entry.createdAt.getTime() < at - IDEMPOTENCY_LEASE_MS;
    if (expired || abandoned) {
      // Taken over only if nobody else took it since we read it (the token is still the one read).
      const [taken] = await db
        .update(idempotencyKeys)
        .set(reservation)
        .where(and(byKey(actor, request.key), eq(idempotencyKeys.token, entry.token)))
        .returning({ token: idempotencyKeys.token });
      if (taken) return { reserved: true, token: taken.token };
      continue;
    }
    if (entry.method !== method || entry.path !== request.path || entry.requestHash !== hash) {
      throw new AppError(
        'idempotency_key_reused',
        'this Idempotency-Key was already used for a different request; send a new key for a new request',
        { 'Idempotency-Key': 'was used for a different request (another path, query or body)' },
      );
    }
    if (entry.status === null) throw stillProcessing();
    return { reserved: false, answer: { status: entry.status, body: entry.body } };
  }
  throw stillProcessing();
}

function stillProcessing(): AppError {
  const error = new AppError('conflict', 'a request with this Idempotency-Key is still being processed');
  error.retryAfterSeconds = IN_PROGRESS_RETRY_SECONDS;
  return error;
}

/** Stores the answer of the request that holds the reservation; a repeat gets it from now on. */
export async function completeIdempotencyKey(
  db: Db,
  actor: Actor,
  key: string,
  token: string,
  answer: StoredAnswer,
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ status: answer.status, body: answer.body, completedAt: now() })
    .where(and(byKey(actor, key), eq(idempotencyKeys.token, token), isNull(idempotencyKeys.status)));
}

/** Gives the key up after the request failed: a retry with it runs again. */
export async function releaseIdempotencyKey(db: Db, actor: Actor, key: string, token: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(and(byKey(actor, key), eq(idempotencyKeys.token, token), isNull(idempotencyKeys.status)));
}

/** Removes every entry older than {@link IDEMPOTENCY_TTL_MS} (the rhythm's step); says how many. */
export async function expireIdempotencyKeys(db: Db): Promise<number> {
  const before = new Date(now().getTime() - IDEMPOTENCY_TTL_MS);
  const removed = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, before))
    .returning({ key: idempotencyKeys.key });
  return removed.length;
}
