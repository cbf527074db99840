import type { MiddlewareHandler } from 'hono';
import { AppError } from '../core/errors.ts';

/** The path of the first string holding a NUL character, e.g. `name` or `items.2.title`. */
function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || 'body' : null;
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = nulPath(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL cannot store NUL in text, so a path, query parameter or JSON body carrying one would
 * fail deep in a query (a 500). Every request is checked here once, and a NUL is a 400 naming the
 * field (the query parameter, `path`, or the body's field).
 */
export const refuseNulBytes: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url);
  if (/%00/i.test(url.pathname)) throw AppError.invalid('path', 'must not contain NUL characters');
  for (const [key, value] of url.searchParams) {
    if (`${key}${value}`.includes('\u0000')) {
      throw AppError.invalid(key.replaceAll('\u0000', '') || 'query', 'must not contain NUL characters');
    }
  }
  if (c.req.header('content-type')?.includes('application/json')) {
    const text = await c.req.raw.clone().text();
    // Only a body that spells a NUL (escaped, or raw) is parsed here; the route parses it anyway.
    if (text.includes('\\u0000') || text.includes('\u0000')) {
      let field: string | null = 'body';
      try {
        field = nulPath(JSON.parse(text));
      } catch {
        // malformed JSON: the route's own parsing answers it
      }
      if (field) throw AppError.invalid(field, 'must not contain NUL characters');
    }
  }
  await next();
};
