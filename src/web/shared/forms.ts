import { useState } from 'react';
import { ApiError, type FieldErrors } from '../api/client.ts';

export interface Problem {
  message: string | null;
  fields: FieldErrors;
  /** The message for the top of the form: none when the fields say what is wrong. */
  formMessage: string | null;
}

/** Splits a failed request into the message for the form and the errors for each field. */
export function problemOf(error: unknown): Problem {
  if (!error) return { message: null, fields: {}, formMessage: null };
  const message = error instanceof Error ? error.message : String(error);
  const fields = error instanceof ApiError ? error.fields : {};
  return { message, fields, formMessage: Object.keys(fields).length ? null : message };
}

/** What a form sends (a mutation): whether it is on its way, and why it failed. */
export interface Sending {
  isPending: boolean;
  error: unknown;
}

type FieldErrorsOf<D> = Partial<Record<keyof D, string | undefined>> | FieldErrors;

/**
 * Wires a form's fields to one draft: `field(key)` is a field's value, the change typing makes and
 * its error (from `errors`, e.g. the server's).
 */
export function fieldsOf<D extends object>(
  draft: D,
  change: (patch: Partial<D>) => void,
  errors: FieldErrorsOf<D> = {},
) {
  return <K extends keyof D & string>(key: K) => ({
    value: draft[key],
    onChange: (value: D[K]) => {
      const patch: Partial<D> = {};
      patch[key] = value;
      change(patch);
    },
    error: (errors as Partial<Record<string, string | undefined>>)[key],
  });
}

/** A form's values as one draft; `onEdit` runs with every change (to clear errors, or a failed save). */
export function useDraft<D extends object>(initial: D | (() => D), onEdit?: (patch: Partial<D>) => void) {
  const [draft, setDraft] = useState(initial);
  const change = (patch: Partial<D>) => {
    setDraft((current) => ({ ...current, ...patch }));
    onEdit?.(patch);
  };
  return { draft, setDraft, change };
}

type YesNoKeys<D> = { [K in keyof D]: D[K] extends boolean ? K : never }[keyof D] & string;

/** Wires checkboxes to a draft's yes/no values: `check(key)` is one box's state and what ticking does. */
export function checksOf<D extends object>(draft: D, change: (patch: Partial<D>) => void) {
  return (key: YesNoKeys<D>) => ({
    checked: draft[key] as boolean,
    onChange: (on: boolean) => {
      const patch: Partial<D> = {};
      patch[key] = on as D[typeof key];
      change(patch);
    },
  });
}

/** A form's own checks before it is sent: `passes(draft)` shows what is wrong and says whether to send. */
export function useChecked<D, E extends object>(check: (draft: D) => E) {
  const [errors, setErrors] = useState<E>(() => ({}) as E);
  const passes = (draft: D) => {
    const problems = check(draft);
    setErrors(problems);
    return Object.keys(problems).length === 0;
  };
  return { errors, setErrors, passes };
}
