import { offlineDb } from './db.ts';
import type { Change, QueueEntry } from './entry.ts';

export type { Change, QueueEntry } from './entry.ts';

/** What one try to send an entry came to. */
export type Outcome =
  | { result: 'sent' }
  /** No answer, the server busy or the key's first request still running: try again later, in order. */
  | { result: 'later'; why: string }
  /** The session ended: keep everything for when this person signs in again. */
  | { result: 'signed-out' }
  /** The server answered no (the action was deleted meanwhile, the input is not valid any more). */
  | { result: 'refused'; reason: string };

/** A key no earlier request had: 128 random bits (also where crypto.randomUUID is missing: plain http). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The outcome of an answer to a queued change (`retryAfter`: the header, when the answer had one). */
export function outcomeOf(status: number, message: string, retryAfter: string | null): Outcome {
  if (status >= 200 && status < 300) return { result: 'sent' };
  if (status === 401) return { result: 'signed-out' };
  if ((status === 409 && retryAfter !== null) || status === 408 || status === 429 || status >= 500)
    return { result: 'later', why: message };
  if (status === 404) return { result: 'refused', reason: 'It was deleted meanwhile.' };
  return { result: 'refused', reason: message };
}

export async function queueChange(userId: string, change: Change, key = newIdempotencyKey()) {
  const entry: QueueEntry = { key, userId, change, madeAt: new Date().toISOString() };
  const db = await offlineDb();
  return { ...entry, seq: await db.add('queue', entry) };
}

/** A person's entries, oldest first: those still waiting and those that could not sync. */
export async function entriesOf(userId: string): Promise<QueueEntry[]> {
  const db = await offlineDb();
  return db.getAllFromIndex('queue', 'person', userId);
}

export const isWaiting = (entry: QueueEntry) => entry.problem === undefined;

/** Removes one of the person's "couldn't sync" entries (a dismissed conflict). */
export async function dismiss(userId: string, seq: number) {
  const db = await offlineDb();
  const tx = db.transaction('queue', 'readwrite');
  const entry = await tx.store.get(seq);
  if (entry?.userId === userId) await tx.store.delete(seq);
  await tx.done;
}

/** Signing out: everything of the person's queue goes. */
export async function forgetQueue(userId: string) {
  const db = await offlineDb();
  const tx = db.transaction('queue', 'readwrite');
  for (const seq of await tx.store.index('person').getAllKeys(userId)) await tx.store.delete(seq);
  await tx.done;
}

export interface DrainResult {
  sent: number;
  refused: number;
  /** Why it stopped before the end (the rest is tried again later), or null when nothing waits. */
  stopped: Exclude<Outcome, { result: 'sent' } | { result: 'refused' }> | null;
}

const draining = new Map<string, Promise<DrainResult>>();

/**
 * Sends the person's waiting entries one at a time, oldest first. A refused one is kept with its
 * reason and the next is sent; no answer (or the session gone) stops, so the order holds. One drain
 * per person at a time in this tab: asking again while one runs gets that one.
 */
export function drain(userId: string, send: (entry: QueueEntry) => Promise<Outcome>): Promise<DrainResult> {
  const running = draining.get(userId);
  if (running) return running;
  const run = drainAll(userId, send).finally(() => draining.delete(userId));
  draining.set(userId, run);
  return run;
}

async function drainAll(userId: string, send: (entry: QueueEntry) => Promise<Outcome>) {
  const result: DrainResult = { sent: 0, refused: 0, stopped: null };
  const tried = new Set<number>();
  const db = await offlineDb();
  while (true) {
    // Read again each time: changes made while this runs are sent too, after the earlier ones.
    const next = (await entriesOf(userId)).find((entry) => isWaiting(entry) && !tried.has(entry.seq ?? -1));
    if (next?.seq === undefined) return result;
    tried.add(next.seq);
    const outcome = await send(next);
    if (outcome.result === 'sent') {
      await db.delete('queue', next.seq);
      result.sent++;
    } else if (outcome.result === 'refused') {
      await db.put('queue', { ...next, problem: outcome.reason });
      result.refused++;
    } else {
      result.stopped = outcome;
      return result;
    }
  }
}
