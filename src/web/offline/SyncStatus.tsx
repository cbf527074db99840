import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ActivityLine } from '../shared/ActivityLine.tsx';
import { formatWhen } from '../shared/dates.ts';
import { quadrantOf } from '../shared/quadrants.ts';
import { dismiss, isWaiting, type QueueEntry } from './queue.ts';
import { QUEUE_KEY, useOfflineSession, useQueue } from './sync.ts';

const subscribe = (changed: () => void) => {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
};

/** Whether the device says it has a connection (it may still not reach the server). */
export const useOnline = () => useSyncExternalStore(subscribe, () => navigator.onLine);

/** The shell's note: offline, and how many changes wait to be sent (nothing when all is synced). */
export function SyncStatus({ userId }: { userId: string }) {
  const online = useOnline();
  const waiting = (useQueue(userId).data ?? []).filter(isWaiting).length;
  if (online && waiting === 0) return null;
  return (
    <span className="sync-status" role="status" data-testid="sync-status">
      {!online && <span className="sync-status__offline">Offline</span>}
      {waiting > 0 && <span className="pill pill--warn">{waiting} waiting to sync</span>}
    </span>
  );
}

/** "waiting to sync", on a change made on this device that the server has not got yet. */
export const WaitingPill = () => <span className="pill pill--warn sync-pill">waiting to sync</span>;

/**
 * The signed-in app's offline part: keeps the person's screens and sends their queue (sync.ts), and
 * shows the changes the server refused, each with its reason and a Dismiss: never dropped unseen.
 */
export function SyncProblems({ userId }: { userId: string }) {
  useOfflineSession(userId);
  const client = useQueryClient();
  const refused = (useQueue(userId).data ?? []).filter((entry) => !isWaiting(entry));
  if (refused.length === 0) return null;
  const dismissOne = async (entry: QueueEntry) => {
    await dismiss(userId, entry.seq ?? -1);
    await client.invalidateQueries({ queryKey: QUEUE_KEY });
  };
  return (
    <section className="sync-problems" aria-label="Couldn't sync" data-testid="sync-problems">
      {refused.map((entry) => (
        <div className="sync-problems__entry" role="alert" key={entry.seq}>
          <p>
            <b>Couldn’t sync</b> {describe(entry)}: {entry.problem}
          </p>
          <button type="button" className="button button--small" onClick={() => void dismissOne(entry)}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}

const describe = (entry: QueueEntry) =>
  entry.change.kind === 'activity'
    ? `‘${entry.change.input.title}’`
    : `${entry.change.done ? 'ticking' : 'unticking'} ‘${entry.change.title}’`;

/** The quick-adds waiting to be sent (those of `day`, when given), oldest first. */
export function useWaitingActivities(userId: string, day?: string) {
  return (useQueue(userId).data ?? []).flatMap((entry) =>
    isWaiting(entry) &&
    entry.change.kind === 'activity' &&
    (!day || entry.change.input.startsAt.startsWith(day))
      ? [{ key: entry.key, input: entry.change.input }]
      : [],
  );
}

/** Quick-adds waiting to be sent (those of `day`, when given), listed and marked as such. */
export function WaitingActivities({ userId, day }: { userId: string; day?: string }) {
  const inputs = useWaitingActivities(userId, day);
  if (inputs.length === 0) return null;
  return (
    <ul className="recent" aria-label="Waiting to sync">
      {inputs.map(({ key, input }) => (
        <ActivityLine
          key={key}
          when={day ? input.startsAt.slice(11, 16) : formatWhen(input.startsAt)}
          quadrant={quadrantOf(input)}
          title={input.title}
          minutes={input.minutes ?? 0}
          status={<WaitingPill />}
          testId="waiting-activity"
        />
      ))}
    </ul>
  );
}

/** The ticks waiting to be sent, by action: the last one made counts. */
export function useWaitingTicks(userId: string): Map<string, boolean> {
  const entries = useQueue(userId).data ?? [];
  const ticks = new Map<string, boolean>();
  for (const entry of entries)
    if (isWaiting(entry) && entry.change.kind === 'done') ticks.set(entry.change.itemId, entry.change.done);
  return ticks;
}
