/**
 * Which errors mean "the database does not answer" (refused, cut, timed out, shutting down or
 * starting up, closed), whatever layer wrapped them: the server answers those 503 `unavailable`,
 * never 500, and the libraries that log failures on their own (better-auth) can tell them apart.
 * No imports: core, server and their tests use it alike.
 */

/** The innermost message of an error chain: what the driver said, not the statement wrapped around it. */
export function describeCause(error: unknown): string {
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
