import type { SQL } from 'drizzle-orm';
import type { PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.ts';

/**
 * A partial update, as every PATCH makes one: sets the columns given a value (undefined: leave it),
 * and `touch` (e.g. `{ updatedAt: now() }`) only when there is one. With none it writes nothing:
 * Drizzle refuses an `update … set` without values ("No values to set", which was a 500), and an
 * empty PATCH is a no-op, so the service goes on to answer the resource as it is. The service checks
 * before calling it that the row is the actor's (404) and theirs to change (403), as for any PATCH.
 * Answers whether it wrote.
 */
export async function updateGiven<T extends PgTable>(
  db: Db | Tx,
  table: T,
  where: SQL | undefined,
  values: PgUpdateSetSource<T>,
  touch: PgUpdateSetSource<T> = {},
): Promise<boolean> {
  const given = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  if (Object.keys(given).length === 0) return false;
  await db
    .update(table)
    .set({ ...given, ...touch } as PgUpdateSetSource<T>)
    .where(where);
  return true;
}
