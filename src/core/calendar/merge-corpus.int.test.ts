import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../test/core.ts';
import { buildPerson } from '../../../test/factories.ts';
import { activities } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { Core } from '../index.ts';
import { packageRoot } from '../paths.ts';
import { importCalendar } from './merge.ts';
import { decodeSource } from './source.ts';

// Every real-world calendar in the shared corpus goes through the whole import into a database:
// it imports (skipping unreadable events, listed with their lines) or is refused with a clear
// AppError, never anything else; importing it again changes nothing.
const ROOT = join(packageRoot(), '../shared/corpus/ics');
const WINDOW = { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') };
const files = existsSync(ROOT)
  ? readdirSync(ROOT, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.toLowerCase().endsWith('.ics'))
      .sort()
  : [];

let core: Core;

beforeAll(async () => {
  core = await createTestCore();
});
afterAll(() => core.close());

describe.skipIf(files.length === 0)('the shared .ics corpus, imported', () => {
  it.each(files)('%s', async (name) => {
    const user = await buildPerson(core, { timeZone: 'Europe/Amsterdam' });
    const text = decodeSource(readFileSync(join(ROOT, name)));
    const request = { calendar: { name }, text, skipInvalid: true, window: WINDOW };
    let first: Awaited<ReturnType<typeof importCalendar>>;
    try {
      first = await importCalendar(core.db, user.actor, request);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBeLessThan(500);
      return;
    }
    for (const skipped of first.skipped) expect(skipped.line).toBeGreaterThan(0);
    const [stored] = await core.db
      .select({ n: count() })
      .from(activities)
      .where(and(eq(activities.userId, user.actor.userId), isNull(activities.deletedAt)));
    expect(stored?.n).toBeGreaterThanOrEqual(first.added);
    const again = await importCalendar(core.db, user.actor, request);
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: first.added });
  });
});
