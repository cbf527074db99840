import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { QueueEntry } from './entry.ts';

/**
 * The one IndexedDB database of the app on this device: the offline queue (changes not yet sent,
 * in the order they were made) and `kv` (who was signed in last, each person's saved screens).
 * Everything in it is filed under a person's id; signing out deletes theirs.
 */
interface OfflineSchema extends DBSchema {
  queue: { key: number; value: QueueEntry; indexes: { person: string } };
  kv: { key: string; value: unknown };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

const NAME = 'linchpin-offline';
let opened: Promise<OfflineDb> | undefined;

export function offlineDb(): Promise<OfflineDb> {
  opened ??= openDB<OfflineSchema>(NAME, 1, {
    upgrade(db) {
      // `seq` grows with every entry, so a person's entries come back in the order they were made.
      const queue = db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      queue.createIndex('person', 'userId');
      db.createObjectStore('kv');
    },
  });
  return opened;
}
