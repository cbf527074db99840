import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { AppError } from '../core/errors.ts';

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
