import type { Queryable } from './session.ts';

export interface Column {
  name: string;
  type: string;
  notNull: boolean;
}

export interface ForeignKey {
  columns: string[];
  references: string;
}

export interface Table {
  name: string;
  /** Storable columns in their order (generated ones are left out: they cannot be inserted). */
  columns: Column[];
  /** Primary key columns with their types; empty when the table has none (rows are then read by ctid). */
  key: Column[];
  foreignKeys: ForeignKey[];
}

/**
 * Tables that triggers keep from other tables' rows (`attendances` from activities): a backup
 * leaves them out, and restoring their sources builds them again.
 */
export const DERIVED_TABLES: readonly string[] = ['attendances'];

/**
 * Every table of the public schema but the derived ones, read from the catalog (so a new
 * migration's tables are backed up without a change here). Drizzle's bookkeeping lives in its own
 * schema and is not among them.
 */
export async function readCatalog(q: Queryable): Promise<Map<string, Table>> {
  const { rows } = await q.query<{ table: string }>(`
    select json_build_object(
      'name', c.relname,
      'columns', (
        select coalesce(json_agg(json_build_object(
          'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'notNull', a.attnotnull
        ) order by a.attnum), '[]')
        from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''),
      'key', (
        select coalesce(json_agg(json_build_object(
          'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod), 'notNull', true
        ) order by k.ord), '[]')
        from pg_constraint p
        cross join unnest(p.conkey) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = p.conrelid and a.attnum = k.attnum
        where p.conrelid = c.oid and p.contype = 'p'),
      'foreignKeys', (
        select coalesce(json_agg(json_build_object(
          'references', r.relname,
          'columns', (select json_agg(a.attname order by k.ord)
                      from unnest(f.conkey) with ordinality as k(attnum, ord)
                      join pg_attribute a on a.attrelid = f.conrelid and a.attnum = k.attnum)
        ) order by f.conname), '[]')
        from pg_constraint f join pg_class r on r.oid = f.confrelid
        where f.conrelid = c.oid and f.contype = 'f')
    )::text as "table"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`);
  return new Map(
    rows
      .map(({ table }) => JSON.parse(table) as Table)
      .filter((table) => !DERIVED_TABLES.includes(table.name))
      .map((table) => [table.name, table]),
  );
}

/**
 * The tables in foreign-key order: every table after the tables it references (Kahn's algorithm,
 * alphabetical among equals so two dumps of one schema list them alike). References of a table to
 * itself, and a cycle between tables, do not order anything: restore fills those columns last.
 */
export function dependencyOrder(tables: Map<string, Table>): Table[] {
  const waitingOn = new Map<string, Set<string>>();
  for (const table of tables.values()) {
    const parents = table.foreignKeys
      .map((fk) => fk.references)
      .filter((parent) => parent !== table.name && tables.has(parent));
    waitingOn.set(table.name, new Set(parents));
  }
  const ordered: Table[] = [];
  while (waitingOn.size > 0) {
    const ready = [...waitingOn].filter(([, parents]) => parents.size === 0).map(([name]) => name);
    // A cycle: take the first remaining table anyway; its references into the cycle are deferred.
    const next = ready.length > 0 ? ready.sort() : [[...waitingOn.keys()].sort()[0] as string];
    for (const name of next) {
      waitingOn.delete(name);
      ordered.push(tables.get(name) as Table);
      for (const parents of waitingOn.values()) parents.delete(name);
    }
  }
  return ordered;
}
