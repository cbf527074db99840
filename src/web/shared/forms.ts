import { ApiError, type FieldErrors } from '../api/client.ts';

/** Splits a failed request into the message for the form and the errors for each field. */
export function problemOf(error: unknown): { message: string | null; fields: FieldErrors } {
  if (!error) return { message: null, fields: {} };
  if (error instanceof ApiError) return { message: error.message, fields: error.fields };
  return { message: error instanceof Error ? error.message : String(error), fields: {} };
}
