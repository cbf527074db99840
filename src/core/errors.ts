export type ErrorCode =
  | 'validation_failed'
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'too_large'
  | 'unsupported_media_type'
  | 'idempotency_key_reused'
  | 'rate_limited'
  | 'busy';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_media_type: 415,
  /** An Idempotency-Key sent again with another request (draft-ietf-httpapi-idempotency-key-header). */
  idempotency_key_reused: 422,
  rate_limited: 429,
  busy: 503,
};

/** The one error type of Linchpin: a stable code, a message for people, optional field errors. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = STATUS[code];
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found`);
  }

  /** This server cannot take the work now; the answer says when to try again (Retry-After). */
  static busy(message: string, retryAfterSeconds: number): AppError {
    const error = new AppError('busy', message);
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }

  /** Sent as Retry-After when set. */
  retryAfterSeconds?: number;

  static invalid(field: string, problem: string): AppError {
    return new AppError('validation_failed', `${field} ${problem}`, { [field]: problem });
  }
}

/** True when the database refused with this SQLSTATE (also when the error is wrapped). */
function isSqlState(error: unknown, code: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === code) return true;
  }
  return false;
}

/** A row refused for breaking a unique constraint. */
export const isUniqueViolation = (error: unknown) => isSqlState(error, '23505');

/** A row refused because what it points at (a foreign key) is gone. */
export const isForeignKeyViolation = (error: unknown) => isSqlState(error, '23503');
