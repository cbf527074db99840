import { readMigrationFiles } from 'drizzle-orm/migrator';
import { knownMigrations, migrationsFolder } from '../db/journal.ts';
import { AppError } from '../errors.ts';
import type { Queryable } from './session.ts';

/**
 * The index (in `knownMigrations()`) of the last migration applied to the database, -1 when none
 * is (a new, empty database). Drizzle records each applied migration by its journal timestamp.
 */
export async function appliedMigration(q: Queryable): Promise<number> {
  const { rows: exists } = await q.query<{ present: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists[0]?.present) return -1;
  const { rows } = await q.query<{ at: string | null }>(
    `select created_at::text as at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  const at = rows[0]?.at;
  if (at === undefined || at === null) return -1;
  const index = knownMigrations().findIndex((m) => String(m.when) === at);
  if (index < 0) {
    throw new AppError(
      'conflict',
      'the database was migrated by a newer Linchpin (its last migration is unknown here): use that version',
    );
  }
  return index;
}

/**
 * Applies the migrations after index `after` up to index `upTo` inside the caller's transaction, as
 * Drizzle's migrator does (the same statements, and the same bookkeeping rows, so a server starting
 * later sees them applied). Restore uses it to load a backup into the schema it was taken from and
 * then run the newer migrations over the restored rows, in one transaction.
 */
export async function applyMigrations(q: Queryable, after: number, upTo: number): Promise<void> {
  if (upTo <= after) return;
  const files = readMigrationFiles({ migrationsFolder });
  await q.query('create schema if not exists drizzle');
  await q.query(
    'create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
  );
  for (const migration of files.slice(after + 1, upTo + 1)) {
    for (const statement of migration.sql) if (statement.trim()) await q.query(statement);
    await q.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
      migration.hash,
      migration.folderMillis,
    ]);
  }
}
