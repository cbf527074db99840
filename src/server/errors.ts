import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
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
    console.error(`linchpin: database unavailable (${c.req.method} ${c.req.path}): ${describeCause(err)}`);
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

/** The innermost message of an error chain: what the driver said, not the statement wrapped around it. */
function describeCause(error: unknown): string {
  let e = error as { message?: string; cause?: unknown; code?: string };
  while (e.cause && typeof e.cause === 'object') e = e.cause as typeof e;
  return [e.code, e.message].filter(Boolean).join(' ') || String(error);
}

// Network failures on the way to PostgreSQL.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// SQLSTATEs of a database that cannot serve now: connection exceptions (class 08), shutdown and
// start-up (57P01-57P03), too many connections, a statement or an idle transaction over its time limit.
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|53300|57014|25P03)$/;
// What node-postgres, its pool and PGlite say when there is no connection to use.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Cannot use a pool after calling end|PGlite is closed|PGlite is not ready/i;

/**
 * True when an error (or one it wraps) means the database did not answer: refused, cut, timed
 * out, shut down or closed. The server answers those with 503 `unavailable`, never 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 8) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
  // Drizzle's wrapper quotes the statement and its parameters: only the error it wraps is read.
  const quotesQuery = 'query' in error && 'params' in error;
  if (!quotesQuery && typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // A connection that tried IPv6 and IPv4 fails with an AggregateError of both.
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
