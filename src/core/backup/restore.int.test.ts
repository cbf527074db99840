import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { emptyTarget, linesOf, rowCount, tempDir, writeLines } from '../../../test/backup.ts';
import { apiClient, buildPerson } from '../../../test/factories.ts';
import { openDatabase } from '../db/client.ts';
import { knownMigrations } from '../db/journal.ts';
import { readCatalog } from './catalog.ts';
import { appliedMigration, applyMigrations } from './migrations.ts';
import { backupToFile, countRows, restoreFile } from './service.ts';
import { inTransaction } from './session.ts';

// What restore refuses, and that a refusal leaves the database exactly as it was: a damaged file, a
// line that is not what it should be, a backup from a newer Linchpin. And an older backup restores.
const dir = tempDir();
const source = await testApp();
afterAll(source.close);
const owner = await buildPerson(source.core, { role: 'owner', timeZone: 'Europe/Berlin' });
expect((await apiClient(source.app, owner.token).post('/demo')).status).toBe(201);
const good = join(dir, 'good.jsonl.gz');
await backupToFile(source.core.database, good);
const lines = linesOf(good);
const counts = await countRows(source.core.database);

/** The line number (1-based) of the `nth` row of `table` in the good file. */
function rowLine(table: string, nth = 1): number {
  const start = lines.findIndex((l) => l.startsWith(`{"table":"${table}",`));
  return start + 1 + nth;
}

const edited = (name: string, edit: (copy: string[]) => void) => {
  const copy = [...lines];
  edit(copy);
  return writeLines(dir, name, copy);
};

const engines = ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres' as const] : [])] as const;

describe.each(engines)('restore into %s', (engine) => {
  /** A new, unmigrated target, closed (and dropped) when the test ends. */
  async function target() {
    const made = await emptyTarget(engine);
    onTestFinished(async () => {
      await made.database.close().catch(() => {});
      await made.drop();
    });
    return made.database;
  }

  /** Nothing at all was written: not a row, not even the schema. */
  async function untouched(database: Awaited<ReturnType<typeof target>>) {
    await inTransaction(database, 'snapshot', async (q) => {
      expect(await appliedMigration(q)).toBe(-1);
      expect((await readCatalog(q)).size).toBe(0);
    });
  }

  it('refuses a truncated file, naming the line it stops at', async () => {
    const bytes = readFileSync(good);
    const truncated = join(dir, 'truncated.jsonl.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const database = await target();
    await expect(restoreFile(database, truncated)).rejects.toThrow(
      /^the backup is not valid: line \d+: the file is damaged or truncated \(unexpected end of file\)/,
    );
    await untouched(database);
  });

  it('refuses a file that is not gzip', async () => {
    const plain = join(dir, 'plain.jsonl');
    writeFileSync(plain, `${lines.join('\n')}\n`);
    const database = await target();
    await expect(restoreFile(database, plain)).rejects.toThrow(/line 1: not a gzip file/);
    await untouched(database);
  });

  it('refuses a line that is not JSON, naming it', async () => {
    const at = rowLine('activities', 10);
    const file = edited('bad-line.jsonl.gz', (copy) => {
      copy[at - 1] = '{"id": broken';
    });
    const database = await target();
    await expect(restoreFile(database, file)).rejects.toThrow(
      `the backup is not valid: line ${at}: a row of activities is not JSON`,
    );
    await untouched(database);
  });

  it('refuses a row the database refuses, naming its line', async () => {
    const at = rowLine('users', 2);
    const file = edited('bad-row.jsonl.gz', (copy) => {
      copy[at - 1] = (copy[at - 1] as string).replace(
        /"created_at":"[^"]+"/,
        '"created_at":"the day before"',
      );
    });
    const database = await target();
    await expect(restoreFile(database, file)).rejects.toThrow(
      new RegExp(
        `^the backup is not valid: line ${at}: the database refuses a row of users: .*the day before`,
      ),
    );
    await untouched(database);
  });

  it('refuses rows of a table this database does not have', async () => {
    const file = edited('ghosts.jsonl.gz', (copy) => {
      const header = JSON.parse(copy[0] as string);
      header.tables.push({ name: 'ghosts', rows: 1 });
      copy[0] = JSON.stringify(header);
      const end = JSON.parse(copy.pop() as string);
      copy.push('{"table":"ghosts","columns":["id"],"rows":1}', '{"id":"boo"}');
      copy.push(JSON.stringify({ ...end, tables: end.tables + 1, rows: end.rows + 1 }));
    });
    const database = await target();
    await expect(restoreFile(database, file)).rejects.toThrow(
      `line ${lines.length}: table ghosts does not exist in this database`,
    );
    await untouched(database);
  });

  it('refuses a table with fewer rows than it announces, and a file without its end', async () => {
    const at = rowLine('accounts', 2);
    const short = edited('short.jsonl.gz', (copy) => {
      copy.splice(at - 1, 1);
    });
    const database = await target();
    await expect(restoreFile(database, short)).rejects.toThrow(
      /line \d+: 1 more rows of accounts were expected/,
    );
    await untouched(database);
    const endless = edited('endless.jsonl.gz', (copy) => {
      copy.pop();
    });
    await expect(restoreFile(database, endless)).rejects.toThrow(
      /the end line is missing\): is it truncated\?/,
    );
    await untouched(database);
  });

  it('refuses a backup made by a newer Linchpin', async () => {
    const newer = (name: string, change: object) =>
      edited(name, (copy) => {
        copy[0] = JSON.stringify({ ...JSON.parse(copy[0] as string), ...change });
      });
    const database = await target();
    await expect(
      restoreFile(database, newer('future.jsonl.gz', { migration: '0099_future' })),
    ).rejects.toThrow(/made by a newer Linchpin \(its database is at migration 0099_future/);
    await expect(restoreFile(database, newer('v2.jsonl.gz', { version: 2 }))).rejects.toThrow(
      /format version 2, made by a newer Linchpin/,
    );
    await untouched(database);
  });

  it('restores a backup of an older schema, then runs the newer migrations over its rows', async () => {
    const older = await olderBackup();
    const database = await target();
    const summary = await restoreFile(database, older.path);
    expect(summary.upgradedFrom).toBe(older.tag);
    await inTransaction(database, 'snapshot', async (q) => {
      expect(await appliedMigration(q)).toBe(knownMigrations().length - 1);
    });
    const restored = await countRows(database);
    for (const name of older.tables) expect([name, restored.get(name)]).toEqual([name, counts.get(name)]);
  });

  it('restores an older backup into an already migrated database: newer columns take their defaults', async () => {
    const older = await olderBackup();
    const database = await target();
    await inTransaction(database, 'write', (q) => applyMigrations(q, -1, knownMigrations().length - 1));
    const summary = await restoreFile(database, older.path);
    expect(summary.upgradedFrom).toBe(older.tag);
    expect(await rowCount(database)).toBe(summary.rows);
  });
});

let older: Promise<{ path: string; tag: string; tables: string[] }> | undefined;

/**
 * The good backup as the previous migration's schema would have had it: the tables and columns the
 * newest migration added are left out, and the header names the previous migration.
 */
function olderBackup() {
  older ??= (async () => {
    const previous = knownMigrations().length - 2;
    const tag = knownMigrations()[previous]?.tag as string;
    const scratch = await openDatabase({ migrate: false });
    const catalog = await inTransaction(scratch, 'write', async (q) => {
      await applyMigrations(q, -1, previous);
      return readCatalog(q);
    });
    await scratch.close();
    const out: string[] = [];
    const header = JSON.parse(lines[0] as string);
    const tables = header.tables.filter((t: { name: string }) => catalog.has(t.name));
    out.push(JSON.stringify({ ...header, migration: tag, tables }));
    let keep: Set<string> | undefined;
    let rows = 0;
    let remaining = 0;
    for (const line of lines.slice(1)) {
      if (remaining > 0) {
        remaining -= 1;
        if (!keep) continue;
        const row = JSON.parse(line);
        out.push(JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => keep?.has(k)))));
        rows += 1;
        continue;
      }
      const record = JSON.parse(line);
      if (record.end) {
        out.push(JSON.stringify({ end: true, tables: tables.length, rows }));
        continue;
      }
      remaining = record.rows;
      const table = catalog.get(record.table);
      keep = table ? new Set(table.columns.map((c) => c.name)) : undefined;
      if (table)
        out.push(JSON.stringify({ ...record, columns: record.columns.filter((c: string) => keep?.has(c)) }));
    }
    return {
      path: writeLines(dir, 'older.jsonl.gz', out),
      tag,
      tables: tables.map((t: { name: string }) => t.name),
    };
  })();
  return older;
}
