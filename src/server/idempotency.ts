// The HTTP side of Idempotency-Key (core/idempotency keeps the keys): the header every signed-in
// operation that creates takes, what it adds to their documented answers, and the answer once.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Actor } from '../core/auth/actor.ts';
import { AppError } from '../core/errors.ts';
import { IDEMPOTENCY_HEADER, idempotencyKeySchema, REPLAYED_HEADER } from '../core/idempotency/schemas.ts';
import {
  completeIdempotencyKey,
  releaseIdempotencyKey,
  reserveIdempotencyKey,
} from '../core/idempotency/service.ts';
import type { AppEnv } from './context.ts';

/** The Idempotency-Key header of a signed-in operation that creates (its success answer is 201). */
export const idempotencyHeaders = z.object({
  [IDEMPOTENCY_HEADER]: idempotencyKeySchema.optional().openapi({
    param: {
      description:
        'Makes this request safe to retry (offline queues, timeouts): 1 to 200 printable ASCII characters, ' +
        'new for each new request (a UUID). Sent again by the same person with the same path, query and ' +
        'body within 24 hours, the first answer is given again with `Idempotent-Replayed: true` and ' +
        'nothing is created twice; the key with another request is a 422; while the first request is ' +
        'still running, a 409 with Retry-After. A request that fails (any 4xx or 5xx) keeps nothing, so ' +
        'the retry with the same key runs again. Only operations that create (201) take it: PUT, PATCH ' +
        'and DELETE are idempotent by nature here, and other operations ignore it.',
    },
  }),
});

/** What a 409 also means where an Idempotency-Key is taken (422 says the key's other misuse). */
export const STILL_PROCESSING =
  'or a request with this Idempotency-Key is still being processed (see Retry-After)';
export const DONE_ONCE = 'or this Idempotency-Key was used already: the answer holds a secret shown once';

export const REPLAYED_ANSWER_HEADERS = {
  [REPLAYED_HEADER]: {
    description: '`true` when this is the stored answer of an earlier request with the same Idempotency-Key',
    schema: { type: 'string' as const, enum: ['true'] },
  },
};

/**
 * Answers a request that carries an Idempotency-Key: the first runs (`answer`) and its success is
 * stored; a repeat gets the stored answer (with `Idempotent-Replayed: true`) and runs nothing. A
 * failure — thrown, or an error answer — releases the key, so a retry runs again.
 */
export async function answerOnce(
  c: Context<AppEnv>,
  actor: Actor,
  key: string,
  shownOnce: boolean,
  answer: () => Promise<Response>,
): Promise<Response> {
  const { db } = c.var.core;
  const request = {
    key,
    method: c.req.method,
    path: c.req.path,
    query: new URL(c.req.url).search,
    body: await c.req.text(),
  };
  const reservation = await reserveIdempotencyKey(db, actor, request);
  if (!reservation.reserved) {
    const { status, body } = reservation.answer;
    if (body === null)
      throw new AppError(
        'conflict',
        'this request was already done with this Idempotency-Key; its answer is not given twice',
      );
    return c.body(body, status as 201, { 'content-type': 'application/json', [REPLAYED_HEADER]: 'true' });
  }
  const { token } = reservation;
  let response: Response;
  try {
    response = await answer();
  } catch (error) {
    // If the database is away this fails too; the reservation then lapses after its lease.
    await releaseIdempotencyKey(db, actor, key, token).catch(() => undefined);
    throw error;
  }
  if (response.status >= 400) {
    await releaseIdempotencyKey(db, actor, key, token);
    return response;
  }
  const json = /^application\/json\b/.test(response.headers.get('content-type') ?? '');
  const body = json && !shownOnce ? await response.clone().text() : null;
  await completeIdempotencyKey(db, actor, key, token, { status: response.status, body });
  return response;
}
