import { afterAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../test/core.ts';
import { buildActivity, buildActivityRows, buildPerson } from '../../../test/factories.ts';
import { dump } from './dump.ts';
import { inTransaction } from './session.ts';

const core = await createTestCore();
afterAll(() => core.close());

describe('a backup while the server writes', () => {
  it('holds the database as it was when the backup began', async () => {
    const ann = await buildPerson(core);
    await buildActivityRows(core, ann, 12_000, (i) => ({ startsAt: new Date(Date.UTC(2026, 0, 1, 0, i)) }));
    let writing: Promise<unknown> | undefined;
    const lines: string[] = [];
    const summary = await inTransaction(core.database, 'snapshot', (q) =>
      dump(
        q,
        async (line) => {
          lines.push(line);
          // Past the first batch of activities, someone logs an hour and another person joins: on
          // PostgreSQL through another connection at once, on PGlite as soon as the backup lets go.
          if (lines.length === 8000 && !writing) {
            writing = Promise.all([buildActivity(core, { by: ann }), buildPerson(core)]);
            if (core.database.driver === 'postgres') await writing;
          }
        },
        { engine: core.database.driver },
      ),
    );
    await writing;
    const header = JSON.parse(lines[0] as string);
    const rowsOf = (name: string) => header.tables.find((t: { name: string }) => t.name === name)?.rows;
    expect(rowsOf('activities')).toBe(12_000);
    expect(rowsOf('users')).toBe(1);
    expect(JSON.parse(lines.at(-1) as string)).toEqual({
      end: true,
      tables: header.tables.length,
      rows: summary.rows,
    });
    expect(summary.rows).toBe(lines.length - 2 - header.tables.length);
  });
});
