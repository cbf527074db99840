import { join } from 'node:path';
import { fetchCalendarObjects, getBasicAuthHeaders } from 'tsdav';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { emptyTarget, tempDir } from '../../../test/backup.ts';
import { apiClient, buildPerson, buildPlanItem } from '../../../test/factories.ts';
import { icsCalendar } from '../../../test/ics.ts';
import { startRadicale } from '../../../test/radicale.ts';
import { createApp } from '../../server/app.ts';
import type { Core } from '../index.ts';
import { backupToFile, restoreFile } from './service.ts';

// The restore drill for CalDAV: a connected account (its calendars, its sealed password, the plan
// events it wrote) is backed up, restored on the other engine, and syncs again with the same key:
// nothing fetched twice, nothing written twice. With another key the password cannot be read.
process.env.LINCHPIN_SECRET_KEY = 'caldav-drill-key';
process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS = '1';
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const radicale = await startRadicale();
cleanups.push(() => radicale.close());
const source = await testApp();
cleanups.push(source.close);
const work = await radicale.makeCalendar('work', 'Work');
const plan = await radicale.makeCalendar('plan', 'Plan');
const tomorrow = new Date(Date.now() + 86_400_000);
const at = (hour: number) =>
  `${tomorrow.toISOString().slice(0, 10).replaceAll('-', '')}T${String(hour).padStart(2, '0')}0000Z`;
await radicale.putEvent(
  work,
  'qbr',
  icsCalendar([{ uid: 'qbr', summary: 'Quarterly business review', start: at(9), end: at(10) }]),
);
const me = await buildPerson(source.core);
for (const title of ['Call Nina', 'Draft the account plan']) {
  await buildPlanItem(source.core, { by: me, day: tomorrow.toISOString().slice(0, 10), title });
}
const connected = await apiClient(source.app, me.token).post('/calendars', {
  kind: 'caldav',
  name: 'Radicale',
  url: radicale.url,
  username: radicale.username,
  password: radicale.password,
  calendars: [work],
  writeBack: plan,
});
expect(connected.status, connected.text).toBe(201);
expect(connected.body.sync.remote.written).toMatchObject({ created: 2 });
const calendarId: string = connected.body.calendar.id;

const dir = tempDir();
const backupPath = join(dir, 'caldav.jsonl.gz');
await backupToFile(source.core.database, backupPath);

const sourceEngine = source.core.database.driver;
const otherEngine =
  sourceEngine === 'postgres' ? 'pglite' : process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
const target = await emptyTarget(otherEngine);
cleanups.push(target.drop);
await restoreFile(target.database, backupPath);
const restored: Core = await target.reopen();
cleanups.push(() => restored.close());
const api = apiClient(createApp(restored), me.token);

/** The server's objects in a calendar, by file name. */
const objectsIn = async (calendar: string) => {
  const found = await fetchCalendarObjects({
    calendar: { url: calendar },
    headers: getBasicAuthHeaders({ username: radicale.username, password: radicale.password }),
  });
  return found.map((o) => o.url.split('/').at(-1) ?? '').sort();
};
const titles = async () => ((await api.get('/review')).body.items as { title: string }[]).map((i) => i.title);

describe(`a CalDAV account restored (${sourceEngine} → ${otherEngine})`, () => {
  it('syncs again with the same key, fetching and writing nothing twice', async () => {
    const planEvents = await objectsIn(plan);
    expect(planEvents).toHaveLength(2);
    const again = await api.post(`/calendars/${calendarId}/sync`);
    expect(again.status, again.text).toBe(200);
    // Linchpin's own plan events come back from the server (changed since the token): skipped.
    expect(again.body).toMatchObject({
      added: 0,
      updated: 0,
      removed: 0,
      toReview: 0,
      remote: { method: 'sync-token', written: { created: 0, updated: 0, removed: 0, conflicts: 0 } },
    });
    expect(await objectsIn(plan)).toEqual(planEvents);
    expect(await titles()).toEqual(['Quarterly business review']);

    // And it goes on from there: a new meeting comes in once, a new action is written once.
    await radicale.putEvent(
      work,
      'kickoff',
      icsCalendar([{ uid: 'kickoff', summary: 'Kickoff with Globex', start: at(11), end: at(12) }]),
    );
    await buildPlanItem(restored, {
      by: me,
      day: tomorrow.toISOString().slice(0, 10),
      title: 'Send the notes',
    });
    const next = await api.post(`/calendars/${calendarId}/sync`);
    expect(next.body).toMatchObject({ added: 1, remote: { written: { created: 1, conflicts: 0 } } });
    expect((await titles()).sort()).toEqual(['Kickoff with Globex', 'Quarterly business review']);
    expect(await objectsIn(plan)).toHaveLength(3);
  });

  it('on a machine with another key, says the password cannot be read and keeps the calendar', async () => {
    process.env.LINCHPIN_SECRET_KEY = 'another-machine';
    try {
      const res = await api.post(`/calendars/${calendarId}/sync`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /cannot be read with this server's key \(was LINCHPIN_SECRET_KEY/,
      );
      const [calendar] = (await api.get('/calendars')).body.items;
      expect(calendar).toMatchObject({ id: calendarId, lastError: res.body.error.message });
    } finally {
      process.env.LINCHPIN_SECRET_KEY = 'caldav-drill-key';
    }
  });
});
