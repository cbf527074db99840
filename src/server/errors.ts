import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { AppError } from '../core/errors.ts';

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

/** The one error handler: known errors keep their status, anything else is logged as a bug. */
export function handleError(err: Error, c: Context) {
  if (err instanceof AppError) return c.json(errorBody(err), err.status as 400);
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
