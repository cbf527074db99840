import { z } from 'zod';

/** The request header a client sends to make a POST that creates safe to retry. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** The answer header of a repeat answered from the stored answer (the operation did not run again). */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** 1 to 200 printable ASCII characters (a UUID is the usual choice). */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x20-\x7e]{1,200}$/, 'must be 1 to 200 printable ASCII characters (e.g. a UUID)');
