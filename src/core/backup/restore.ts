import { knownMigrations } from '../db/journal.ts';
import { AppError } from '../errors.ts';
import { readCatalog, type Table } from './catalog.ts';
import { type BackupHeader, badLine, objectOf, parseHeader, REPLACEABLE_TABLES } from './format.ts';
import { appliedMigration, applyMigrations } from './migrations.ts';
import { ident, type Queryable } from './session.ts';

/** Rows (and bytes) sent per insert. */
const BATCH_ROWS = 5000;
const BATCH_BYTES = 8 * 1024 * 1024;

export interface RestoreSummary {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  rows: number;
  /** The backup's migration when it was older than this version's: its rows were migrated on. */
  upgradedFrom?: string;
  /** Columns the backup has and this schema no longer does (`table.column`): their values were dropped. */
  ignoredColumns: string[];
}

/** A row waiting to be written, with the line it came from (errors name it). */
interface Pending {
  line: number;
  text: string;
}

interface Current {
  table: Table;
  columns: string[];
  /** Columns that point at rows not written yet (the table itself, or a table later in the file). */
  deferred: string[];
  remaining: number;
  rows: number;
}

/**
 * Loads backup lines into the database, one line at a time (`push`), then `finish`. Run it inside
 * one read-write transaction (`inTransaction(…, 'write', …)`): any error leaves nothing written.
 *
 * The first line decides the schema: into a new database the backup's own migrations are applied
 * first, its rows written, then this version's newer migrations run over them (so a data migration
 * sees the restored rows); into a database that is already migrated only the columns the backup
 * has are written, newer columns take their defaults. Anything but an empty database is refused.
 */
export class Restorer {
  private line = 0;
  private header?: BackupHeader & { index: number };
  private catalog = new Map<string, Table>();
  private position = new Map<string, number>();
  private current?: Current;
  private nextTable = 0;
  private batch: Pending[] = [];
  private batchBytes = 0;
  private deferredUpdates: { current: Current; rows: Pending[] }[] = [];
  private upgradeFrom?: number;
  private ended = false;
  private done = 0;
  private readonly written: { name: string; rows: number }[] = [];
  private readonly ignored: string[] = [];

  private readonly progress?: (done: number, total: number) => void;
  private readonly verb: string;

  constructor(
    private readonly q: Queryable,
    options: { progress?: (done: number, total: number) => void; verb?: 'restore' | 'migrate' } = {},
  ) {
    this.progress = options.progress;
    this.verb = options.verb ?? 'restore';
  }

  async push(text: string): Promise<void> {
    this.line += 1;
    if (this.line === 1) return this.begin(text);
    if (this.ended) throw badLine(this.line, 'text after the end line');
    const current = this.current;
    if (current && current.remaining > 0) return this.row(current, text);
    const line = objectOf(text, this.line, 'a table or end line');
    if (line.end === true) return this.end(line);
    return this.table(line);
  }

  async finish(): Promise<RestoreSummary> {
    const header = this.header;
    if (!header) throw badLine(1, 'the file is empty');
    if (!this.ended) {
      const where = this.current?.remaining
        ? `${this.current.remaining} rows of ${this.current.table.name} are missing`
        : 'the end line is missing';
      throw badLine(this.line, `the file ends too early (${where}): is it truncated?`);
    }
    for (const { current, rows } of this.deferredUpdates) await this.fillDeferred(current, rows);
    if (this.upgradeFrom !== undefined) {
      await applyMigrations(this.q, this.upgradeFrom, knownMigrations().length - 1);
    }
    return {
      header,
      tables: this.written,
      rows: this.done,
      upgradedFrom: header.index < knownMigrations().length - 1 ? header.migration : undefined,
      ignoredColumns: this.ignored,
    };
  }

  private async begin(text: string) {
    const header = parseHeader(text);
    this.header = header;
    // A server starting on the same PostgreSQL database migrates under this lock (client.ts's
    // MIGRATION_LOCK_ID): it waits until the restore is done, then finds the schema up to date.
    await this.q.query('select pg_advisory_xact_lock(727001)');
    const applied = await appliedMigration(this.q);
    const latest = knownMigrations().length - 1;
    if (applied < 0) {
      // A new database: the backup's schema, its rows, then the newer migrations (in finish).
      await applyMigrations(this.q, -1, header.index);
      this.upgradeFrom = header.index;
    } else {
      await applyMigrations(this.q, applied, latest);
    }
    this.catalog = await readCatalog(this.q);
    await this.refuseUnlessEmpty();
    for (const [i, t] of header.tables.entries()) this.position.set(t.name, i);
  }

  private async refuseUnlessEmpty() {
    const held: string[] = [];
    for (const name of [...this.catalog.keys()].filter((t) => !REPLACEABLE_TABLES.includes(t))) {
      const { rows } = await this.q.query<{ n: string }>(`select count(*)::text as n from ${ident(name)}`);
      const n = Number(rows[0]?.n ?? 0);
      if (n > 0) held.push(`${n} ${n === 1 ? 'row' : 'rows'} in ${name}`);
    }
    if (held.length > 0) {
      throw new AppError(
        'conflict',
        `${this.verb} needs an empty database: ${held.slice(0, 4).join(', ')}${held.length > 4 ? ', …' : ''}`,
      );
    }
  }

  private async table(line: Record<string, unknown>) {
    const header = this.header as BackupHeader;
    const { table: name, columns, rows } = line;
    if (typeof name !== 'string' || !Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) {
      throw badLine(this.line, 'expected a table line ({"table":…,"columns":[…],"rows":…}) or the end line');
    }
    const expected = header.tables[this.nextTable];
    if (!expected || expected.name !== name || expected.rows !== rows) {
      throw badLine(
        this.line,
        `table ${name} (${String(rows)} rows) is not the one the header lists next (${expected ? `${expected.name}, ${expected.rows} rows` : 'none'})`,
      );
    }
    const table = this.catalog.get(name);
    if (!table) throw badLine(this.line, `table ${name} does not exist in this database`);
    this.nextTable += 1;
    const known = new Set(table.columns.map((c) => c.name));
    for (const column of columns) if (!known.has(column)) this.ignored.push(`${name}.${column}`);
    const here = this.position.get(name) ?? 0;
    const deferred = table.foreignKeys
      .filter((fk) => fk.references === name || (this.position.get(fk.references) ?? -1) > here)
      .flatMap((fk) => fk.columns)
      .filter((c) => columns.includes(c) && !table.columns.find((col) => col.name === c)?.notNull);
    this.current = {
      table,
      columns: columns.filter((c) => known.has(c)),
      deferred: [...new Set(deferred)],
      remaining: rows as number,
      rows: 0,
    };
    this.written.push({ name, rows: rows as number });
    if (rows === 0) await this.flush();
  }

  private async row(current: Current, text: string) {
    const row = objectOf(text, this.line, `a row of ${current.table.name}`);
    const has = (column: string) => current.table.columns.some((c) => c.name === column);
    const startsTable = typeof row.table === 'string' && Array.isArray(row.columns) && !has('table');
    if (startsTable || (row.end === true && !has('end'))) {
      throw badLine(
        this.line,
        `${current.remaining} more rows of ${current.table.name} were expected, found ${startsTable ? `table ${String(row.table)}` : 'the end line'}`,
      );
    }
    this.batch.push({ line: this.line, text });
    this.batchBytes += text.length;
    if (current.deferred.some((c) => row[c] !== null && row[c] !== undefined)) {
      const kept = Object.fromEntries(
        [...current.table.key.map((c) => c.name), ...current.deferred].map((c) => [c, row[c] ?? null]),
      );
      this.deferredRows(current).push({ line: this.line, text: JSON.stringify(kept) });
    }
    current.remaining -= 1;
    current.rows += 1;
    if (current.remaining === 0 || this.batch.length >= BATCH_ROWS || this.batchBytes >= BATCH_BYTES) {
      await this.flush();
    }
  }

  private deferredRows(current: Current): Pending[] {
    let entry = this.deferredUpdates.find((d) => d.current === current);
    if (!entry) {
      entry = { current, rows: [] };
      this.deferredUpdates.push(entry);
    }
    return entry.rows;
  }

  private end(line: Record<string, unknown>) {
    const header = this.header as BackupHeader;
    if (this.nextTable < header.tables.length) {
      throw badLine(this.line, `the end comes before table ${header.tables[this.nextTable]?.name}`);
    }
    if (line.tables !== header.tables.length || line.rows !== this.done) {
      throw badLine(
        this.line,
        `the end line counts ${String(line.tables)} tables and ${String(line.rows)} rows; the file has ${header.tables.length} and ${this.done}`,
      );
    }
    this.ended = true;
  }

  /** Writes the rows read so far of the current table. */
  private async flush() {
    const current = this.current;
    if (!current || this.batch.length === 0) return;
    const { table, columns, deferred } = current;
    const name = ident(table.name);
    const values = columns.map((c) => (deferred.includes(c) ? 'null' : ident(c))).join(', ');
    const replace =
      REPLACEABLE_TABLES.includes(table.name) && table.key.length > 0
        ? ` on conflict (${table.key.map((c) => ident(c.name)).join(', ')}) do update set ${columns
            .map((c) => `${ident(c)} = excluded.${ident(c)}`)
            .join(', ')}`
        : '';
    const statement = `insert into ${name} (${columns.map(ident).join(', ')})
      select ${values} from json_populate_recordset(null::${name}, $1::json)${replace}`;
    await this.inSavepoint(statement, this.batch, `a row of ${table.name}`);
    this.done += this.batch.length;
    this.batch = [];
    this.batchBytes = 0;
    this.progress?.(this.done, this.header?.tables.reduce((sum, t) => sum + t.rows, 0) ?? 0);
  }

  /** Sets the columns that pointed at rows written later, now that every row is there. */
  private async fillDeferred(current: Current, rows: Pending[]) {
    const { table, deferred } = current;
    if (table.key.length === 0) throw new Error(`${table.name} refers to itself and has no primary key`);
    const name = ident(table.name);
    const keys = table.key.map((c) => ident(c.name));
    const statement = `update ${name} as t set ${deferred.map((c) => `${ident(c)} = s.${ident(c)}`).join(', ')}
      from json_populate_recordset(null::${name}, $1::json) s
      where (${keys.map((k) => `t.${k}`).join(', ')}) = (${keys.map((k) => `s.${k}`).join(', ')})`;
    for (let i = 0; i < rows.length; i += BATCH_ROWS) {
      await this.inSavepoint(statement, rows.slice(i, i + BATCH_ROWS), `a row of ${table.name}`);
    }
  }

  /**
   * Runs `statement` over the rows (a JSON array in $1) inside a savepoint; when the database refuses
   * the batch, finds the row it refuses by trying them one at a time, and names its line.
   */
  private async inSavepoint(statement: string, rows: Pending[], what: string) {
    const run = (some: Pending[]) => this.q.query(statement, [`[${some.map((r) => r.text).join(',')}]`]);
    await this.q.query('savepoint restore_batch');
    try {
      await run(rows);
      await this.q.query('release savepoint restore_batch');
      return;
    } catch {
      await this.q.query('rollback to savepoint restore_batch');
    }
    for (const row of rows) {
      try {
        await run([row]);
        await this.q.query('release savepoint restore_batch');
        await this.q.query('savepoint restore_batch');
      } catch (error) {
        throw badLine(row.line, `the database refuses ${what}: ${(error as Error).message}`);
      }
    }
    const first = rows[0]?.line ?? this.line;
    throw badLine(first, `the database refuses the rows of lines ${first}–${rows.at(-1)?.line ?? first}`);
  }
}
