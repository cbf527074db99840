import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../src/core/errors.ts';

/** The AppError that `run` throws, checked to carry `code`; fails the test when it throws nothing or something else. */
export function thrownAppError(run: () => unknown, code: ErrorCode): AppError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AppError);
  expect((thrown as AppError).code).toBe(code);
  return thrown as AppError;
}
