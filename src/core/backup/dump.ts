import { knownMigrations } from '../db/journal.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';
import { dependencyOrder, readCatalog, type Table } from './catalog.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type EndLine,
  type Engine,
  type TableLine,
} from './format.ts';
import { appliedMigration } from './migrations.ts';
import { ident, type Queryable } from './session.ts';

/** Rows read per query: memory stays flat whatever the size of a table. */
export const DUMP_BATCH = 5000;

export interface DumpOptions {
  engine: Engine;
  /** Leave these tables out (a backup file leaves out the volatile ones; migrate copies all). */
  exclude?: readonly string[];
  /** Told after each batch: the rows written so far and the total. */
  progress?: (done: number, total: number) => void;
}

export interface DumpSummary {
  header: BackupHeader;
  rows: number;
}

/** Receives the lines in order; may return a promise to hold the dump back (a file's backpressure). */
export type LineSink = (line: string) => void | Promise<void>;

/**
 * Writes the whole database as backup lines to `sink`. Run it inside one snapshot (`inTransaction(…,
 * 'snapshot', …)`) so every table is read at the same instant. Rows come in primary-key order, a
 * batch at a time (keyset pagination); each is PostgreSQL's own `row_to_json` text.
 */
export async function dump(q: Queryable, sink: LineSink, options: DumpOptions): Promise<DumpSummary> {
  const migration = await appliedMigration(q);
  if (migration < 0)
    throw new AppError('conflict', 'the database holds no Linchpin schema: nothing to back up');
  const excluded = new Set(options.exclude ?? []);
  const tables = dependencyOrder(await readCatalog(q)).filter((t) => !excluded.has(t.name));
  const counts: { name: string; rows: number }[] = [];
  for (const table of tables) {
    const { rows } = await q.query<{ n: string }>(`select count(*)::text as n from ${ident(table.name)}`);
    counts.push({ name: table.name, rows: Number(rows[0]?.n ?? 0) });
  }
  const total = counts.reduce((sum, t) => sum + t.rows, 0);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    migration: knownMigrations()[migration]?.tag as string,
    createdAt: now().toISOString(),
    engine: options.engine,
    tables: counts,
  };
  await sink(JSON.stringify(header));
  let done = 0;
  for (const [i, table] of tables.entries()) {
    const expected = counts[i]?.rows ?? 0;
    const line: TableLine = { table: table.name, columns: table.columns.map((c) => c.name), rows: expected };
    await sink(JSON.stringify(line));
    let written = 0;
    for await (const batch of batchesOf(q, table)) {
      for (const row of batch) await sink(row);
      written += batch.length;
      done += batch.length;
      options.progress?.(done, total);
    }
    // Inside one snapshot the count and the rows agree; outside one they could not be trusted.
    if (written !== expected) {
      throw new Error(`${table.name}: counted ${expected} rows but read ${written} (not in one snapshot?)`);
    }
  }
  const end: EndLine = { end: true, tables: tables.length, rows: done };
  await sink(JSON.stringify(end));
  return { header, rows: done };
}

/** The rows of a table as `row_to_json` text, in key order, `DUMP_BATCH` per query. */
async function* batchesOf(q: Queryable, table: Table): AsyncGenerator<string[]> {
  // Without a primary key the physical row address orders the rows (stable inside a snapshot).
  const key = table.key.length > 0 ? table.key : [{ name: 'ctid', type: 'tid', notNull: true }];
  const keyList = key.map((c) => `t.${ident(c.name)}`).join(', ');
  const keyOut = key.map((c, i) => `t.${ident(c.name)}::text as k${i}`).join(', ');
  const after = key.map((c, i) => `$${i + 1}::${c.type}`).join(', ');
  const from = `from ${ident(table.name)} t`;
  const tail = `order by ${keyList} limit ${DUMP_BATCH}`;
  let last: string[] | undefined;
  while (true) {
    const where = last ? `where (${keyList}) > (${after})` : '';
    const { rows } = await q.query<Record<string, string>>(
      `select row_to_json(t)::text as r, ${keyOut} ${from} ${where} ${tail}`,
      last ?? [],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => row.r as string);
    if (rows.length < DUMP_BATCH) return;
    const final = rows.at(-1) as Record<string, string>;
    last = key.map((_, i) => final[`k${i}`] as string);
  }
}
