import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.ts';
import type { Db, Tx } from './client.ts';

type Keyed = PgTable & { id: PgColumn };

/** What is not found: a plain "<what> not found", or the service's own error (naming the field). */
type NotFound = string | (() => AppError);

/**
 * The row with this id that `scope` allows (e.g. the actor's own: `eq(table.userId, actor.userId)`),
 * or a 404: a row outside the scope is simply not found, never forbidden.
 */
export async function findRow<T extends Keyed>(
  db: Db | Tx,
  table: T,
  id: string,
  scope: SQL,
  notFound: NotFound,
): Promise<T['$inferSelect']> {
  // A generic table has no select type Drizzle can spell out; the row is the table's own.
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), scope));
  if (!row) throw typeof notFound === 'string' ? AppError.notFound(notFound) : notFound();
  return row as T['$inferSelect'];
}

/** The row with this id in the workspace, or a 404: an id tells nothing about other workspaces. */
export const findInWorkspace = <T extends Keyed & { workspaceId: PgColumn }>(
  db: Db | Tx,
  table: T,
  workspaceId: string,
  id: string,
  notFound: NotFound,
) => findRow(db, table, id, eq(table.workspaceId, workspaceId), notFound);

/** Rows grouped by a key, each group in their order: one pass instead of a filter per parent. */
export function byKey<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
