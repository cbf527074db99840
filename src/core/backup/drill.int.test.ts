import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { allRows, emptyTarget, tempDir } from '../../../test/backup.ts';
import { apiClient, buildPerson, importIcs, signIn } from '../../../test/factories.ts';
import { icsCalendar } from '../../../test/ics.ts';
import { type App, createApp } from '../../server/app.ts';
import type { Core } from '../index.ts';
import { setClock } from '../time/clock.ts';
import { VOLATILE_TABLES } from './format.ts';
import { inspectBackup } from './inspect.ts';
import { backupToFile, countRows, restoreFile } from './service.ts';

// The restore drill: a demo instance with an import, ratings and a replaced decision is backed up,
// restored on the other engine (PostgreSQL → PGlite, and back when TEST_DATABASE_URL is set; PGlite →
// a new PGlite otherwise), and answers every page's question exactly as the original did.
// The clock goes on from a Friday morning: rows made one after the other get distinct times, as they
// would (lists ordered by time are then ordered alike in both databases).
const startedAt = Date.now();
const unsetClock = setClock({
  now: () => new Date(Date.parse('2026-11-20T11:00:00Z') + Date.now() - startedAt),
});
const WEEK = '2026-W47';
const dir = tempDir();

const source = await testApp();
const owner = await buildPerson(source.core, {
  role: 'owner',
  name: 'Olive Owner',
  timeZone: 'Europe/Amsterdam',
});
const api = apiClient(source.app, owner.token);
const cleanups: (() => Promise<void>)[] = [source.close];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  unsetClock();
});

expect((await api.post('/demo')).status).toBe(201);
const imported = await importIcs(
  source.app,
  owner,
  icsCalendar([
    {
      uid: 'qbr-1',
      summary: 'Quarterly business review',
      start: '20261117T100000',
      end: '20261117T113000',
      zone: 'Europe/Amsterdam',
      lines: ['ATTENDEE;CN=Buyer;PARTSTAT=ACCEPTED:mailto:buyer@northwind.example'],
    },
    {
      uid: 'sync-1',
      summary: 'Team sync',
      start: '20261118T090000',
      end: '20261118T093000',
      zone: 'Europe/Amsterdam',
    },
  ]),
  'work.ics',
);
expect(imported.status).toBe(200);
const accounts: { id: string; name: string }[] = (await api.get('/accounts')).body.items;
const northwind = accounts.find((a) => a.name === 'Northwind Foods')?.id as string;
const round = await api.post(`/accounts/${northwind}/scorecard`, { name: 'Drill round' });
const link = await api.post(`/scorecard/rounds/${round.body.id}/invitations`, { label: 'Buyer' });
const rated = await apiClient(source.app).post(`/public/scorecard/${link.body.token}`, {
  raterName: 'Bea Buyer',
  scores: [
    { target: 'us', subject: 'trading', score: 4 },
    { target: 'them', subject: 'opportunity', score: 3, evidence: 'A new DC in 2027 — “maybe”' },
  ],
});
expect(rated.status).toBe(204);
const first = await api.post(`/accounts/${northwind}/decisions`, { title: 'Payment terms 30 days' });
const second = await api.post(`/accounts/${northwind}/decisions`, {
  title: 'Payment terms 45 days',
  replacesId: first.body.id,
});
expect(second.status).toBe(201);

/** What the pages ask, as JSON: the week report, each account page, the team page, the plan. */
async function answers(app: App, token: string) {
  const client = apiClient(app, token);
  const paths = [
    `/reports/week?week=${WEEK}`,
    '/reports/trend',
    `/team?week=${WEEK}`,
    `/plans/${WEEK}`,
    '/decisions/due',
    '/users',
    '/accounts',
    `/scorecard/rounds/${round.body.id}`,
    `/decisions/${second.body.id}`,
    ...accounts.flatMap((a) =>
      ['', '/time', '/decisions', '/scorecard', '/stakeholders', '/goals', '/connectivity'].map(
        (tail) => `/accounts/${a.id}${tail}`,
      ),
    ),
  ];
  const answered: Record<string, unknown> = {};
  for (const path of paths) {
    const { status, body } = await client.get(path);
    answered[path] = { status, body };
  }
  return answered;
}

const expected = await answers(source.app, owner.token);
const backupPath = join(dir, 'drill.jsonl.gz');
const backedUp = await backupToFile(source.core.database, backupPath);
const sourceRows = await allRows(source.core.database, VOLATILE_TABLES);

/** Restores `path` into a new database of `engine` and opens a core on it, as a server would. */
async function restoreInto(engine: 'pglite' | 'postgres', path: string) {
  const target = await emptyTarget(engine);
  cleanups.push(target.drop);
  const summary = await restoreFile(target.database, path);
  const rows = await allRows(target.database, VOLATILE_TABLES);
  const core: Core = await target.reopen();
  cleanups.push(() => core.close());
  return { summary, rows, core, app: createApp(core) };
}

const sourceEngine = source.core.database.driver;
const otherEngine =
  sourceEngine === 'postgres' ? 'pglite' : process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

describe(`the restore drill (${sourceEngine} → ${otherEngine})`, () => {
  it('writes a versioned file whose header and counts match the database', async () => {
    const contents = await inspectBackup(backupPath);
    expect(contents.header).toMatchObject({ format: 'linchpin-backup', version: 1, engine: sourceEngine });
    expect(contents.rows).toBe(backedUp.rows);
    const counts = await countRows(source.core.database);
    for (const { name, rows } of contents.tables) expect([name, rows]).toEqual([name, counts.get(name)]);
    expect(contents.tables.map((t) => t.name)).not.toContain('sessions');
    // Parents come before the tables that point at them.
    const names = contents.tables.map((t) => t.name);
    expect(names.indexOf('workspaces')).toBeLessThan(names.indexOf('users'));
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('activities'));
    expect(names.indexOf('accounts')).toBeLessThan(names.indexOf('decisions'));
  });

  it('restores every row exactly, and every page answers as before', async () => {
    const restored = await restoreInto(otherEngine, backupPath);
    expect(restored.summary.rows).toBe(backedUp.rows);
    expect(restored.rows).toEqual(sourceRows);
    expect(Object.values(restored.rows).flat().length).toBeGreaterThan(2000);
    const got = await answers(restored.app, owner.token);
    for (const path of Object.keys(expected)) expect(got[path], path).toEqual(expected[path]);
    // The same password signs in (sessions are not in the file: people sign in again).
    expect((await signIn(restored.app, owner.email, owner.password)).status).toBe(200);
    // Self-references are back: the demo team's reporting lines, the decision it replaced.
    const people: { name: string; leaderId: string | null }[] = (
      await apiClient(restored.app, owner.token).get('/users')
    ).body.items;
    expect(people.filter((p) => p.leaderId !== null).length).toBeGreaterThan(1);
    expect(
      (await apiClient(restored.app, owner.token).get(`/decisions/${second.body.id}`)).body.replacesId,
    ).toBe(first.body.id);

    if (!process.env.TEST_DATABASE_URL) return;
    // And back to the first engine, from the restored instance.
    const again = join(dir, 'again.jsonl.gz');
    await backupToFile(restored.core.database, again);
    const back = await restoreInto(sourceEngine === 'postgres' ? 'postgres' : 'pglite', again);
    expect(back.rows).toEqual(sourceRows);
    const gotBack = await answers(back.app, owner.token);
    for (const path of Object.keys(expected)) expect(gotBack[path], path).toEqual(expected[path]);
  });

  it('refuses to restore into a database that holds rows, and leaves it as it was', async () => {
    const before = await countRows(source.core.database);
    await expect(restoreFile(source.core.database, backupPath)).rejects.toThrow(
      /^restore needs an empty database: \d+ rows in accounts/,
    );
    expect(await countRows(source.core.database)).toEqual(before);
  });
});
