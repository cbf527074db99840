import type { Page } from 'playwright-core';

/** One entry of the offline queue as IndexedDB holds it (src/web/offline/queue.ts). */
export interface Queued {
  key: string;
  userId: string;
  problem?: string;
}

/**
 * What the browser keeps for the app on this device: the service worker and its caches, the
 * IndexedDB database of the offline queue and saved screens. Read from the page, as the app does.
 */
export class Device {
  constructor(readonly page: Page) {}

  /** Waits until this build's service worker controls the page (it claims it once active). */
  async controlled(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 20_000,
    });
  }

  cacheNames(): Promise<string[]> {
    return this.page.evaluate(() => caches.keys());
  }

  /** Every entry of the queue, whoever's. */
  queue(): Promise<Queued[]> {
    return this.read('queue') as Promise<Queued[]>;
  }

  /** The keys of the saved screens and the last person (`screens:<id>`, `last-person`). */
  async savedKeys(): Promise<string[]> {
    return (await this.read('kv', true)) as string[];
  }

  /**
   * Waits until the person's screens are saved with the answers of these queries, each named by
   * the start of its key (`['activities']`, `['plans', 'today']`): a second after they came.
   */
  async screensSaved(userId: string, ...queries: string[][]): Promise<void> {
    const deadline = Date.now() + 10_000;
    const saved = async () => {
      const screens = (await this.read('kv')).find(
        (value): value is { state: { queries: { queryKey: unknown[] }[] } } =>
          typeof value === 'object' && value !== null && 'state' in value,
      );
      const keys = screens?.state.queries.map((query) => query.queryKey) ?? [];
      return queries.every((prefix) => keys.some((key) => prefix.every((part, i) => key[i] === part)));
    };
    while (!(await this.savedKeys()).includes(`screens:${userId}`) || !(await saved())) {
      if (Date.now() > deadline)
        throw new Error(`no saved screens for ${userId} with ${JSON.stringify(queries)}`);
      await this.page.waitForTimeout(100);
    }
  }

  private read(store: 'queue' | 'kv', keys = false): Promise<unknown[]> {
    return this.page.evaluate(
      async ({ store, keys }) => {
        // Opening a database that is not there would make an empty one the app could not upgrade.
        if (!(await indexedDB.databases()).some((db) => db.name === 'linchpin-offline')) return [];
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('linchpin-offline');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        if (!db.objectStoreNames.contains(store)) return [];
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const objects = db.transaction(store).objectStore(store);
          const request = keys ? objects.getAllKeys() : objects.getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
        db.close();
        return all;
      },
      { store, keys },
    );
  }
}
