import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type Core, type CoreConfig, createCore } from '../src/core/index.ts';
import { createScratchDatabase } from './postgres.ts';

/** What a test may set on its core; the database is always a fresh copy of the migrated template. */
export type TestCoreOptions = Omit<CoreConfig, 'databaseUrl' | 'dataDir'>;

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template, or a PostgreSQL
 * database cloned from the template when TEST_DATABASE_URL is set. Dropped again on close.
 */
export async function createTestCore(options: TestCoreOptions = {}): Promise<Core> {
  const [core] = await createTestCores(1, options);
  return core as Core;
}

/**
 * `count` cores on one fresh database, as that many server processes would share it. PostgreSQL
 * only; on PGlite (one process per folder) there is one. Closing the first drops the database.
 */
export async function createTestCores(count: number, options: TestCoreOptions = {}): Promise<Core[]> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject('postgresTemplate');
  if (url && template) {
    const scratch = await createScratchDatabase(url, { prefix: 'linchpin_test', template });
    const cores = await Promise.all(
      Array.from({ length: count }, () =>
        createCore({ ...options, databaseUrl: scratch.url, migrate: false }),
      ),
    );
    const [first, ...others] = cores as [Core, ...Core[]];
    return [
      {
        ...first,
        async close() {
          await Promise.all(others.map((c) => c.close()));
          await first.close();
          await scratch.drop();
        },
      },
      ...others,
    ];
  }
  const dump = await readFile(inject('pgliteTemplatePath'));
  return [await createCore({ ...options, pgliteTemplate: new Blob([dump]), migrate: false })];
}
