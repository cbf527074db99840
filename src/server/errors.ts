import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { describeCause, isDatabaseUnavailable } from '../core/db/unavailable.ts';
import { AppError, type ErrorCode } from '../core/errors.ts';

/** The one error shape of the API (API.md): every error answer of every operation. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable, e.g. validation_failed, not_found, conflict'),
      message: z.string().describe('For people'),
      fields: z.record(z.string(), z.string()).optional().describe('Field → its problem'),
    }),
  })
  .openapi('Error');

const ERROR_MEANING: Record<number, string> = {
  400: 'The input is not valid (validation_failed names each field) or the JSON is malformed',
  401: 'Not signed in, or the token is expired or revoked',
  403: 'Signed in, but your role may not do this',
  404: 'Not found (also when it belongs to another workspace)',
  409: 'Conflicts with what is there',
  410: 'The link was used, revoked or has expired',
  413: 'The body or file is too large',
  415: 'Send another media type',
  422: 'The Idempotency-Key was already used for a different request (another path, query or body)',
  429: 'Too many attempts; try again later',
  500: 'A bug on our side; it has been logged',
  503: 'The database does not answer right now; try again shortly (see Retry-After)',
};

/** The error answers an operation documents: the ones every operation of its kind can give, plus `extra`. */
export function errorResponses(kind: {
  input: boolean;
  /** A request body: over the size limit (413) or of another media type (415). */
  body: boolean;
  signedIn: boolean;
  lookup: boolean;
  extra: number[];
}) {
  const statuses = new Set([
    ...(kind.input ? [400] : []),
    ...(kind.body ? [413, 415] : []),
    ...(kind.signedIn ? [401, 403] : []),
    ...(kind.lookup ? [404] : []),
    ...kind.extra,
    500,
    503,
  ]);
  return Object.fromEntries(
    [...statuses]
      .sort()
      .map((status) => [
        status,
        { description: ERROR_MEANING[status], content: { 'application/json': { schema: errorSchema } } },
      ]),
  );
}

export function errorBody(error: AppError) {
  return {
    error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
  };
}

function describeIssue(issue: ZodError['issues'][number]): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (/received undefined/.test(issue.message)) return 'is required';
  return `must be ${issue.expected === 'array' || issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}`;
}

export function fromZodError(error: ZodError, where?: string): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || where || 'body';
    fields[path] ??= describeIssue(issue);
  }
  const first = Object.entries(fields)[0];
  return new AppError('validation_failed', first ? `${first[0]} ${first[1]}` : 'invalid input', fields);
}

/** @hono/zod-openapi calls this when a request fails its schema. */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target?: string },
  c: Context,
) {
  if (!result.success) {
    const error = fromZodError(result.error, result.target === 'json' ? 'body' : result.target);
    return c.json(errorBody(error), 400);
  }
}

/** Seconds a client is asked to wait before trying again while the database does not answer. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/** The answer while the database does not answer: 503 `unavailable`, in the error shape. */
export function unavailableBody(message = 'the database does not answer right now; try again shortly') {
  return { error: { code: 'unavailable', message } };
}

/**
 * The one error handler: known errors keep their status, a database that does not answer is a
 * 503 (the request may be retried), anything else is logged as a bug.
 */
export function handleError(err: Error, c: Context) {
  if (err instanceof AppError) {
    if (err.retryAfterSeconds) c.header('Retry-After', String(err.retryAfterSeconds));
    return c.json(errorBody(err), err.status as 400);
  }
  if (isDatabaseUnavailable(err)) {
    logUnavailable(`${c.req.method} ${c.req.path}`, err);
    c.header('Retry-After', String(UNAVAILABLE_RETRY_SECONDS));
    return c.json(unavailableBody(), 503);
  }
  const refusedByAuth = authLibraryRefusal(err);
  if (refusedByAuth) {
    if (refusedByAuth.retryAfter) c.header('Retry-After', refusedByAuth.retryAfter);
    return c.json(errorBody(refusedByAuth.error), refusedByAuth.error.status as 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code =
      status === 413
        ? 'too_large'
        : status === 415
          ? 'unsupported_media_type'
          : status === 401
            ? 'unauthenticated'
            : 'bad_request';
    const message =
      status === 400 && /JSON/i.test(err.message)
        ? 'the request body is not valid JSON'
        : err.message || 'bad request';
    return c.json(errorBody(new AppError(code, message)), status);
  }
  console.error(err);
  return c.json(
    { error: { code: 'internal', message: 'Something went wrong on our side; it has been logged.' } },
    500,
  );
}

const AUTH_CODES: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
};

/**
 * better-auth's refusals when core calls it directly (setup and invitations sign the new person
 * in): a 4xx of its own in our shape. Its 5xx stay bugs.
 */
function authLibraryRefusal(err: Error): { error: AppError; retryAfter?: string } | null {
  const { statusCode, body, headers } = err as Error & {
    statusCode?: unknown;
    body?: { message?: string };
    headers?: Record<string, string> | Headers;
  };
  if (err.name !== 'APIError' || typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500)
    return null;
  const error = new AppError(
    AUTH_CODES[statusCode] ?? 'bad_request',
    body?.message || err.message || 'refused',
  );
  const retryAfter = headers instanceof Headers ? headers.get('retry-after') : headers?.['Retry-After'];
  return { error, retryAfter: retryAfter ?? undefined };
}

/** While the database is away, one line at most every this many milliseconds (each request is a 503). */
export const UNAVAILABLE_LOG_EVERY_MS = 5_000;
let unavailableLog = { at: Number.NEGATIVE_INFINITY, since: 0 };

/**
 * Logs a request answered 503 because the database does not answer: the first at once, then one
 * line per {@link UNAVAILABLE_LOG_EVERY_MS} saying how many more there were, so an outage under
 * load is a few lines a minute, not one per request.
 */
export function logUnavailable(what: string, err: unknown, at = performance.now()) {
  if (at - unavailableLog.at < UNAVAILABLE_LOG_EVERY_MS) {
    unavailableLog.since += 1;
    return;
  }
  const more = unavailableLog.since
    ? ` (and ${unavailableLog.since} more answered 503 since the last line)`
    : '';
  console.error(`linchpin: database unavailable (${what}): ${describeCause(err)}${more}`);
  unavailableLog = { at, since: 0 };
}
