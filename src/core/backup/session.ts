import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from '../db/client.ts';

/** What backup and restore need of a connection: raw SQL with parameters, rows back. Both drivers fit. */
export interface Queryable {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

// A dump or a restore of millions of rows runs long and waits on the file between queries: no
// statement or idle-in-transaction timeout the pool may set applies to it. Timestamps come out in UTC.
const SETTINGS = [
  `set local statement_timeout = 0`,
  `set local idle_in_transaction_session_timeout = 0`,
  `set local time zone 'UTC'`,
];

/**
 * Runs `work` in one transaction on one connection: `read only` with a `repeatable read` snapshot
 * (everything read sees the database at one instant while the server goes on writing), or read-write.
 * On PostgreSQL it is a connection of its own; PGlite has one connection, and its transaction holds
 * it: other queries wait until `work` is done.
 */
export async function inTransaction<T>(
  database: Database,
  mode: 'snapshot' | 'write',
  work: (q: Queryable) => Promise<T>,
): Promise<T> {
  const level =
    mode === 'snapshot' ? 'isolation level repeatable read, read only' : 'isolation level read committed';
  if (database.driver === 'postgres') {
    const pool = (database.db as unknown as { $client: pg.Pool }).$client;
    const client = await pool.connect();
    try {
      await client.query(`begin ${level}`);
      for (const setting of SETTINGS) await client.query(setting);
      const result = await work(client as unknown as Queryable);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  const pglite = (database.db as unknown as { $client: PGlite }).$client;
  return pglite.transaction(async (tx) => {
    await tx.query(`set transaction ${level}`);
    for (const setting of SETTINGS) await tx.query(setting);
    return work(tx as unknown as Queryable);
  });
}

/** A SQL identifier, quoted. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
