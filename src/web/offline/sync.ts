import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, isApiError, reportUnauthenticated } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { ME_KEY } from '../shared/query-client.ts';
import {
  type Change,
  drain,
  entriesOf,
  isWaiting,
  newIdempotencyKey,
  type Outcome,
  outcomeOf,
  type QueueEntry,
  queueChange,
} from './queue.ts';
import { saveScreens } from './saved-screens.ts';

const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const QUEUE_KEY = ['offline-queue'] as const;

/** One try at sending a queued change, with its own Idempotency-Key. */
async function send(entry: QueueEntry): Promise<Outcome> {
  const headers = { [IDEMPOTENCY_HEADER]: entry.key };
  const { change } = entry;
  try {
    const { response, error } =
      change.kind === 'activity'
        ? await api.fetchClient.POST('/activities', { body: change.input, headers })
        : await api.fetchClient.PUT('/plan-items/{id}/done', {
            params: { path: { id: change.itemId } },
            body: { done: change.done },
            headers,
          });
    const message = error?.error?.message ?? `The server answered ${response.status}`;
    const outcome = outcomeOf(response.status, message, response.headers.get('retry-after'));
    if (outcome.result === 'signed-out') reportUnauthenticated();
    return outcome;
  } catch {
    return { result: 'later', why: 'no connection' };
  }
}

/** Waits before the next try when the server did not answer: 5 s, doubling to a minute. */
const backoff = { ms: 5_000, timer: undefined as ReturnType<typeof setTimeout> | undefined };

/**
 * Sends what the person queued, in order, if the server still knows them as the one signed in (a
 * queue is never sent under another person's session); then the screens are fetched again.
 */
export async function syncNow(client: QueryClient, userId: string): Promise<void> {
  clearTimeout(backoff.timer);
  if (!(await entriesOf(userId).catch(() => [])).some(isWaiting)) return;
  let stopped: boolean;
  try {
    const me = await api.GET('/me');
    if (me.id !== userId) return;
    const result = await drain(userId, send);
    stopped = result.stopped?.result === 'later';
    // The marked rows go as the server's own come (briefly both, never neither).
    if (result.sent > 0)
      await Promise.all([refreshAfterSync(client), client.invalidateQueries({ queryKey: QUEUE_KEY })]);
  } catch (error) {
    if (isApiError(error) && error.status !== 0) return;
    stopped = true;
  } finally {
    await client.invalidateQueries({ queryKey: QUEUE_KEY });
  }
  if (stopped) {
    backoff.timer = setTimeout(() => void syncNow(client, userId), backoff.ms);
    backoff.ms = Math.min(backoff.ms * 2, 60_000);
  } else backoff.ms = 5_000;
}

function refreshAfterSync(client: QueryClient) {
  return Promise.all(
    [['plans'], ['week-report'], ['trend'], ['activities'], ['accounts']].map((queryKey) =>
      client.invalidateQueries({ queryKey }),
    ),
  );
}

/** What a change came to: the server's answer, or queued on this device to be sent later. */
export type Submitted<T> = { sent: T } | { queued: QueueEntry };

const isUnreachable = (error: unknown) => isApiError(error, 0);

/**
 * Makes a change now if the device is online and nothing older waits; without a connection (or
 * when the request gets no answer) it is queued with the key it was tried with, so a request that
 * did reach the server is not done twice. Errors the server answered are thrown as before.
 */
export async function submit<T>(
  client: QueryClient,
  change: Change,
  direct: (headers: Record<string, string>) => Promise<T>,
): Promise<Submitted<T>> {
  const userId = client.getQueryData<Me | null>(ME_KEY)?.id;
  if (!userId) throw new Error('Nobody is signed in');
  const key = newIdempotencyKey();
  // Without IndexedDB nothing can wait: the change is sent as it always was.
  const waiting = (await entriesOf(userId).catch(() => [])).some(isWaiting);
  if (navigator.onLine && !waiting) {
    try {
      return { sent: await direct({ [IDEMPOTENCY_HEADER]: key }) };
    } catch (error) {
      if (!isUnreachable(error)) throw error;
    }
  }
  const queued = await queueChange(userId, change, key);
  await client.invalidateQueries({ queryKey: QUEUE_KEY });
  if (navigator.onLine) void syncNow(client, userId);
  return { queued };
}

/** The person's queue: what waits to be sent and what could not be synced. */
export function useQueue(userId: string | undefined) {
  return useQuery({
    queryKey: [...QUEUE_KEY, userId],
    queryFn: () => (userId ? entriesOf(userId) : []),
    networkMode: 'always',
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The signed-in person's id, for the parts of the queue a page shows. */
export function useSignedInId(): string | undefined {
  return useQueryClient().getQueryData<Me | null>(ME_KEY)?.id;
}

/**
 * While the person is signed in: their screens are saved for offline use, and their queue is sent
 * on start and whenever the connection comes back.
 */
export function useOfflineSession(userId: string) {
  const client = useQueryClient();
  useEffect(() => {
    const stopSaving = saveScreens(client, userId);
    const online = () => void syncNow(client, userId);
    online();
    window.addEventListener('online', online);
    return () => {
      stopSaving();
      window.removeEventListener('online', online);
    };
  }, [client, userId]);
}
