import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { knownMigrations, latestMigration } from './journal.ts';

const everyWhen = () => knownMigrations().map((migration) => migration.when);
const dataDir = mkdtempSync(join(tmpdir(), 'linchpin-client-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const recorded = async (db: Awaited<ReturnType<typeof openDatabase>>['db']) =>
  (await db.execute<{ created_at: string }>(sql`select created_at from drizzle.__drizzle_migrations`)).rows
    .map((row) => Number(row.created_at))
    .sort((a, b) => a - b);

describe('opening a PGlite data folder', () => {
  it('migrates a new folder, and opens it again without applying anything twice', async () => {
    const first = await openDatabase({ dataDir });
    expect(await recorded(first.db)).toEqual(everyWhen());
    await first.close();

    const again = await openDatabase({ dataDir });
    expect(await recorded(again.db)).toEqual(everyWhen());
    await again.close();
  });

  it('applies the migrations a folder has not recorded yet', async () => {
    const opened = await openDatabase({ dataDir });
    const newest = latestMigration().when;
    // As a folder from before the newest migration: its record and what it made are not there.
    await opened.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${newest}`);
    await opened.close();

    // Its newest migration runs again, against what it already made: it fails or records itself again.
    const outcome = await openDatabase({ dataDir }).then(
      async (database) => {
        const migrated = (await recorded(database.db)).includes(newest);
        await database.close();
        return migrated ? 'recorded again' : 'skipped';
      },
      () => 'ran and failed',
    );
    expect(outcome).not.toBe('skipped');
  });
});
