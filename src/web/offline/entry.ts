import type { ActivityInput } from '../api/types.ts';

/** A change made on this device that the server has not confirmed yet. */
export type Change =
  /** A quick-add: `POST /activities`. */
  | { kind: 'activity'; input: ActivityInput }
  /** A planned action ticked (or unticked): `PUT /plan-items/{id}/done`. */
  | { kind: 'done'; itemId: string; done: boolean; title: string };

export interface QueueEntry {
  /** The order changes were made in (given by IndexedDB). */
  seq?: number;
  /** The Idempotency-Key, made once with the change and sent with every try: a retry never duplicates. */
  key: string;
  userId: string;
  change: Change;
  madeAt: string;
  /** Why the server refused it: shown as "couldn't sync" until the person dismisses it. */
  problem?: string;
}
