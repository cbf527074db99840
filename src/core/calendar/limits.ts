import { AppError } from '../errors.ts';

/** The largest file an import accepts (upload, CLI or subscription). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export function tooLarge(bytes: number): AppError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new AppError('too_large', `the file is ${mb(bytes)}; imports are limited to 50 MB`);
}
