import type { MiddlewareHandler } from 'hono';
import { AppError } from '../core/errors.ts';

// A high surrogate not followed by a low one, or a low one not after a high one (code units, no `u`).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What PostgreSQL cannot store in text or jsonb: NUL, and half of a UTF-16 surrogate pair. */
function problemOf(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it holds half of a surrogate pair)';
  return null;
}

/** The path of the first string the database would refuse, e.g. `name` or `answers.learn`, and why. */
function unstorable(value: unknown, path: string[] = []): { field: string; problem: string } | null {
  if (typeof value === 'string') {
    const problem = problemOf(value);
    return problem ? { field: path.join('.') || 'body', problem } : null;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const keyProblem = problemOf(key);
      if (keyProblem)
        return {
          field: [...path, key.replaceAll('\u0000', '').replace(LONE_SURROGATE, '')].join('.') || 'body',
          problem: keyProblem,
        };
      const found = unstorable(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

// What the routes' validator (hono/validator) parses as JSON: application/json or application/…+json,
// in any case, with parameters. Checking less (only "application/json") let NUL through to a 500.
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const readAsJson = (contentType = '') => JSON_MEDIA_TYPE.test(contentType.split(';')[0]?.trim() ?? '');

// A body can only hold such text if it spells it: a raw NUL, or a \u0000 / \ud800–\udfff escape.
const ESCAPED = /\\u0000|\\u[dD][89a-fA-F]/;
const mayHoldUnstorable = (text: string) => text.includes('\u0000') || ESCAPED.test(text);

/**
 * PostgreSQL cannot store NUL in text nor a lone surrogate in jsonb, so a path, query parameter or
 * JSON body carrying one would fail deep in a query (a 500). Every request is checked here once,
 * and such text is a 400 naming the field (the query parameter, `path`, or the body's field).
 */
export const refuseUnstorableText: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  if (/%00/i.test(url.pathname)) throw AppError.invalid('path', 'must not contain NUL characters');
  for (const [key, value] of url.searchParams) {
    const problem = problemOf(`${key}${value}`);
    if (problem) throw AppError.invalid(key.replaceAll('\u0000', '') || 'query', problem);
  }
  if (readAsJson(c.req.header('content-type'))) {
    const text = await c.req.raw.clone().text();
    if (mayHoldUnstorable(text)) {
      let found: ReturnType<typeof unstorable> = null;
      try {
        found = unstorable(JSON.parse(text));
      } catch {
        // malformed JSON: the route's own parsing answers it
      }
      if (found) throw AppError.invalid(found.field, found.problem);
    }
  }
  await next();
};
