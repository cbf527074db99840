import { dehydrate, hydrate, type Query, type QueryClient } from '@tanstack/react-query';
import type { Me } from '../api/types.ts';
import { offlineDb } from './db.ts';

/**
 * The last viewed Today and Week, kept on this device per person (IndexedDB) so they show without a
 * connection: the answers of those queries, saved a second after they change, restored before the
 * pages ask. Only the signed-in person's own copy is ever read; signing out deletes it.
 */
const SAVED: readonly (readonly string[])[] = [
  ['plans', 'today'],
  ['activities'],
  ['week-report'],
  ['trend'],
  ['accounts', 'list'],
  ['decisions', 'due'],
  ['review', 'count'],
];

/** Saved answers older than this are not shown: a week's screens are the point. */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const LAST_PERSON = 'last-person';
const screensOf = (userId: string) => `screens:${userId}`;

const isSaved = (query: Query) =>
  query.state.status === 'success' &&
  SAVED.some((prefix) => prefix.every((part, i) => query.queryKey[i] === part));

interface Saved {
  savedAt: number;
  state: ReturnType<typeof dehydrate>;
}

/** Who was signed in on this device last (the app opens as them without a connection). */
export async function lastPerson(): Promise<Me | undefined> {
  return kept(async () => (await (await offlineDb()).get('kv', LAST_PERSON)) as Me | undefined);
}

/** The person the server just named: remembered, and their saved screens put in the client. */
export async function restoreScreens(client: QueryClient, me: Me): Promise<void> {
  await kept(async () => {
    const db = await offlineDb();
    await db.put('kv', me, LAST_PERSON);
    const saved = (await db.get('kv', screensOf(me.id))) as Saved | undefined;
    if (saved && Date.now() - saved.savedAt < MAX_AGE_MS) hydrate(client, saved.state);
  });
}

/**
 * A browser without IndexedDB (some private modes) keeps nothing: the app works as before, online
 * only, rather than not at all.
 */
async function kept<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch {
    return undefined;
  }
}

/** Saves the person's screens whenever they change (at most once a second); returns the stop. */
export function saveScreens(client: QueryClient, userId: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = async () => {
    timer = undefined;
    // Screens only: a paused mutation's variables may hold a password (a form sent while offline).
    const state = dehydrate(client, { shouldDehydrateQuery: isSaved, shouldDehydrateMutation: () => false });
    await kept(async () =>
      (await offlineDb()).put('kv', { savedAt: Date.now(), state } satisfies Saved, screensOf(userId)),
    );
  };
  const unsubscribe = client.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success' && !timer)
      timer = setTimeout(() => void save(), 1000);
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}

/** Signing out: the person's saved screens and the memory of them go. */
export async function forgetScreens(userId: string): Promise<void> {
  const db = await offlineDb();
  await db.delete('kv', screensOf(userId));
  const last = (await db.get('kv', LAST_PERSON)) as Me | undefined;
  if (last?.id === userId) await db.delete('kv', LAST_PERSON);
}
