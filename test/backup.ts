import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dependencyOrder, readCatalog } from '../src/core/backup/catalog.ts';
import { ident, inTransaction } from '../src/core/backup/session.ts';
import { type Database, openDatabase } from '../src/core/db/client.ts';
import { type Core, createCore } from '../src/core/index.ts';
import { createScratchDatabase } from './postgres.ts';

/** A folder of its own for a test's files. */
export const tempDir = (prefix = 'linchpin-backup-') => mkdtempSync(join(tmpdir(), prefix));

/** The lines of a backup file (small files: the whole file is read). */
export const linesOf = (path: string): string[] => {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  return text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
};

/** Writes lines as a backup file would hold them, next to the others: a changed copy of a backup. */
export function writeLines(dir: string, name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, gzipSync(`${lines.join('\n')}\n`));
  return path;
}

/** A new database to restore into, of the engine asked for; nothing migrated yet. */
export interface Target {
  database: Database;
  /** Closes the database and opens a full core on what it now holds (as a server start would). */
  reopen(): Promise<Core>;
  /** Drops it (PostgreSQL); the core from `reopen` is closed by the caller. */
  drop(): Promise<void>;
}

const clientOf = (database: Database) =>
  (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;

/** A new PGlite database's files (made once: a new one takes seconds to initialise). */
let blank: Promise<Blob> | undefined;

export async function emptyTarget(engine: 'pglite' | 'postgres'): Promise<Target> {
  if (engine === 'pglite') {
    blank ??= (async () => {
      const fresh = await openDatabase({ migrate: false });
      const dump = await clientOf(fresh).dumpDataDir('none');
      await fresh.close();
      return dump;
    })();
    const database = await openDatabase({ pgliteTemplate: await blank, migrate: false });
    return {
      database,
      async reopen() {
        const dump = await clientOf(database).dumpDataDir('none');
        await database.close();
        return createCore({ pgliteTemplate: dump, migrate: false });
      },
      drop: async () => {},
    };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('a PostgreSQL target needs TEST_DATABASE_URL');
  const scratch = await createScratchDatabase(url, { prefix: 'linchpin_restore' });
  const database = await openDatabase({ databaseUrl: scratch.url, migrate: false });
  return {
    database,
    async reopen() {
      await database.close();
      return createCore({ databaseUrl: scratch.url, migrate: false });
    },
    drop: () => scratch.drop(),
  };
}

/** Every row of every table, as `row_to_json` text, sorted: two databases that agree agree here. */
export async function allRows(
  database: Database,
  exclude: readonly string[] = [],
): Promise<Record<string, string[]>> {
  return inTransaction(database, 'snapshot', async (q) => {
    const rows: Record<string, string[]> = {};
    for (const table of dependencyOrder(await readCatalog(q))) {
      if (exclude.includes(table.name)) continue;
      const result = await q.query<{ r: string }>(
        `select row_to_json(t)::text as r from ${ident(table.name)} t`,
      );
      // Sorted here: the engines may collate text keys differently.
      rows[table.name] = result.rows.map((r) => r.r).sort();
    }
    return rows;
  });
}

/** How many rows the database holds, all tables together. */
export async function rowCount(database: Database): Promise<number> {
  return Object.values(await allRows(database)).reduce((sum, rows) => sum + rows.length, 0);
}
