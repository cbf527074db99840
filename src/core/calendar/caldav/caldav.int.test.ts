import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { fetchCalendarObjects, getBasicAuthHeaders } from 'tsdav';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { apiClient, buildPerson, buildPlanItem } from '../../../../test/factories.ts';
import { icsCalendar } from '../../../../test/ics.ts';
import { type Radicale, startRadicale } from '../../../../test/radicale.ts';
import { calendars } from '../../db/schema/index.ts';
import { completeItem, unscheduleItem } from '../../plan/service.ts';
import { addressProblem } from '../addresses.ts';
import { syncDueSubscriptions, syncSubscription } from '../subscriptions.ts';
import { discoverCalendars } from './discover.ts';

process.env.LINCHPIN_SECRET_KEY = 'caldav-test-key';
const { core, app, close } = await testApp();
afterAll(close);

let radicale: Radicale;
let work: string;
let home: string;
beforeAll(async () => {
  // Radicale listens on loopback: allowed here as an admin would for an internal server.
  process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS = '1';
  radicale = await startRadicale();
  work = await radicale.makeCalendar('work', 'Work', { color: '#2a6fdb' });
  home = await radicale.makeCalendar('home', 'Home');
}, 30_000);
afterAll(() => radicale?.close());

/** A day from now at `hour` UTC, as iCalendar writes it (inside the import window). */
const soon = (days: number, hour: number) => {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
};
const event = (uid: string, summary: string, days = 1, hour = 9) =>
  icsCalendar([{ uid, summary, start: soon(days, hour), end: soon(days, hour + 1) }]);

/** Everything the user can see of their calendars and review inbox: where a leaked password would show. */
const visible = async (api: ReturnType<typeof apiClient>) =>
  JSON.stringify([(await api.get('/calendars')).body, (await api.get('/review')).body]);

/** Connects Radicale's calendars at `url` as the person behind `api` (Radicale's login unless told). */
const connect = (api: ReturnType<typeof apiClient>, name: string, url: string, more: object = {}) =>
  api.post('/calendars', {
    kind: 'caldav',
    name,
    url,
    username: radicale.username,
    password: radicale.password,
    ...more,
  });

/** Asks the API which calendars Radicale holds, with Radicale's login unless `password` is told. */
const discover = (api: ReturnType<typeof apiClient>, password = radicale.password) =>
  api.post('/calendars/discover', { url: radicale.url, username: radicale.username, password });

const titles = async (api: ReturnType<typeof apiClient>) =>
  ((await api.get('/review')).body.items as { title: string }[]).map((i) => i.title).sort();

describe('discovery', () => {
  it.each([
    ['the server root', () => radicale.url],
    ['the principal', () => radicale.principal],
    ['a calendar', () => work],
  ])('finds every calendar from %s', async (_, url) => {
    const found = await discoverCalendars({
      url: url(),
      username: radicale.username,
      password: radicale.password,
    });
    const names = found.calendars.map((c) => c.name).sort();
    expect(names).toEqual(['Home', 'Work']);
    const workFound = found.calendars.find((c) => c.name === 'Work');
    expect(workFound).toMatchObject({ href: work, supportsEvents: true });
    expect(workFound?.color?.toLowerCase()).toMatch(/^#2a6fdb/);
    expect(found.given).toBe(url() === work ? work : null);
  });

  it('answers through the API, and a wrong password is a 400 naming the password', async () => {
    const api = apiClient(app, (await buildPerson(core)).token);
    const ok = await discover(api);
    expect(ok.status).toBe(200);
    expect(ok.body.calendars).toHaveLength(2);
    const wrong = await discover(api, 'not-it');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty('password');
    expect(wrong.body.error.message).toMatch(/refused by 127\.0\.0\.1/);
    expect(wrong.text).not.toContain('not-it');
  });
});

/** Every line the server logs while these tests run: none may hold a password. */
const logged: string[] = [];
beforeAll(() => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
    });
  }
});
afterAll(() => {
  vi.restoreAllMocks();
});

describe('sync', () => {
  it('connects, syncs incrementally with the sync-token, removes deleted events, never shows the password', async () => {
    await radicale.putEvent(work, 'kickoff', event('kickoff', 'Kickoff with Globex'));
    await radicale.putEvent(work, 'review', event('review', 'Quarterly review', 2));
    await radicale.putEvent(home, 'dentist', event('dentist', 'Dentist', 1, 14));
    const api = apiClient(app, (await buildPerson(core)).token);

    const made = await connect(api, 'Radicale', radicale.url, { calendars: [work] });
    expect(made.status).toBe(201);
    expect(made.body.calendar).toMatchObject({
      kind: 'caldav',
      name: 'Radicale',
      caldav: { username: radicale.username, calendars: [{ href: work, name: 'Work' }] },
    });
    expect(made.body.sync).toMatchObject({ notModified: false, added: 2, remote: { method: 'sync-token' } });
    expect(await titles(api)).toEqual(['Kickoff with Globex', 'Quarterly review']);
    const id = made.body.calendar.id as string;

    // Nothing changed on the server: nothing is fetched or merged.
    const idle = await api.post(`/calendars/${id}/sync`);
    expect(idle.body).toMatchObject({
      notModified: true,
      remote: { method: 'sync-token', changed: 0, removed: 0 },
    });

    // One event changes: the sync-token report names only it.
    await radicale.putEvent(work, 'review', event('review', 'Quarterly business review', 2));
    const changed = await api.post(`/calendars/${id}/sync`);
    expect(changed.body).toMatchObject({
      notModified: false,
      updated: 1,
      unchanged: 1,
      added: 0,
      remote: { method: 'sync-token', changed: 1, removed: 0 },
    });
    expect(await titles(api)).toEqual(['Kickoff with Globex', 'Quarterly business review']);

    await radicale.deleteEvent(work, 'kickoff');
    const deleted = await api.post(`/calendars/${id}/sync`);
    expect(deleted.body).toMatchObject({
      removed: 1,
      remote: { method: 'sync-token', changed: 0, removed: 1 },
    });
    expect(await titles(api)).toEqual(['Quarterly business review']);

    const everything = [made.text, idle.text, changed.text, deleted.text, await visible(api)].join('\n');
    expect(everything).not.toContain(radicale.password);
    const [row] = await core.db.select({ sealed: calendars.passwordSealed }).from(calendars);
    expect(row?.sealed).toMatch(/^v1\./);
    expect(row?.sealed).not.toContain(radicale.password);
  });

  it('keeps a manual classification when the event changes on the server', async () => {
    await radicale.putEvent(home, 'gym', event('gym', 'Gym', 3, 7));
    const api = apiClient(app, (await buildPerson(core)).token);
    const made = await connect(api, 'Home', home);
    expect(made.status).toBe(201);
    // The address names one calendar: only it is synced.
    expect(made.body.calendar.caldav.calendars.map((c: { name: string }) => c.name)).toEqual(['Home']);
    const [gym] = (await api.get('/review')).body.items.filter((i: { title: string }) => i.title === 'Gym');
    await api.post('/review/classify', { ids: [gym.id], urgent: false, important: true });
    await radicale.putEvent(home, 'gym', event('gym', 'Gym and swim', 3, 7));
    await api.post(`/calendars/${made.body.calendar.id}/sync`);
    const activity = await api.get(`/activities/${gym.id}`);
    expect(activity.body).toMatchObject({ title: 'Gym and swim', important: true, urgent: false });
  });

  it('is synced on the subscriptions’ schedule, through the same rules', async () => {
    const api = apiClient(app, (await buildPerson(core)).token);
    const cal = await radicale.makeCalendar('scheduled', 'Scheduled');
    await radicale.putEvent(cal, 'one', event('one', 'Account planning'));
    const made = await connect(api, 'Scheduled', cal);
    // A starter rule classifies planning: it never reaches the review inbox.
    expect(made.body.sync).toMatchObject({ added: 1, toReview: 0 });
    await radicale.putEvent(cal, 'two', event('two', 'Pipeline call', 2));
    const { eq } = await import('drizzle-orm');
    await core.db
      .update(calendars)
      .set({ lastSyncedAt: new Date(Date.now() - 3_600_000) })
      .where(eq(calendars.id, made.body.calendar.id));
    const { synced } = await syncDueSubscriptions(core.db, 30);
    expect(synced).toBeGreaterThanOrEqual(1);
    expect(await titles(api)).toEqual(['Pipeline call']);
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const listed = await api.get(`/activities?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    expect(listed.body.items.map((a: { title: string; kind: string }) => [a.title, a.kind])).toEqual(
      expect.arrayContaining([['Account planning', 'planning']]),
    );
  });

  it('falls back to comparing ETags when the server lost the sync-token', async () => {
    const api = apiClient(app, (await buildPerson(core)).token);
    const cal = await radicale.makeCalendar('lost', 'Lost token');
    await radicale.putEvent(cal, 'a', event('a', 'First'));
    const made = await connect(api, 'Lost', cal);
    const { caldavCollections } = await import('../../db/schema/index.ts');
    const { eq } = await import('drizzle-orm');
    await core.db
      .update(caldavCollections)
      .set({ syncToken: 'http://radicale.org/ns/sync/not-a-token' })
      .where(eq(caldavCollections.calendarId, made.body.calendar.id));
    await radicale.putEvent(cal, 'b', event('b', 'Second'));
    const synced = await api.post(`/calendars/${made.body.calendar.id}/sync`);
    expect(synced.body).toMatchObject({ added: 1, remote: { method: 'etag', changed: 1 } });
  });
});

describe('refusals', () => {
  it('a wrong password keeps nothing', async () => {
    const api = apiClient(app, (await buildPerson(core)).token);
    const res = await api.post('/calendars', {
      kind: 'caldav',
      name: 'Nope',
      url: radicale.url,
      username: radicale.username,
      password: 'wrong-password',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('password');
    expect((await api.get('/calendars')).body.items).toEqual([]);
  });

  it('a calendar href the server does not have is named', async () => {
    const api = apiClient(app, (await buildPerson(core)).token);
    const res = await connect(api, 'Nope', radicale.url, { calendars: ['/alice/nowhere/'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.calendars).toMatch(/not one of the server's calendars/);
    const unreadable = await connect(api, 'Nope', radicale.url, { calendars: ['http://['] });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.error.fields.calendars).toMatch(/not a web address/);
  });

  it('a private address is refused without the opt-in, before any request', async () => {
    delete process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS;
    try {
      const before = radicale.log().length;
      const api = apiClient(app, (await buildPerson(core)).token);
      const res = await discover(api);
      expect(res.status).toBe(400);
      expect(res.body.error.fields.url).toMatch(/loopback/);
      expect(res.body.error.message).toMatch(/LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS/);
      expect(radicale.log().slice(before)).not.toMatch(/request for/);
    } finally {
      process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS = '1';
    }
  });

  it('a redirect into the server’s own network is refused, and nothing reaches it', async () => {
    // 127.0.0.2 plays a public CalDAV host that sends every request on to Radicale on loopback.
    const internet = (address: string) => (address === '127.0.0.2' ? null : addressProblem(address));
    const sender = createHttpServer((req, res) =>
      res.writeHead(307, { location: new URL(req.url ?? '/', radicale.url).href }).end(),
    );
    await new Promise<void>((resolve) => sender.listen(0, '127.0.0.2', resolve));
    const port = (sender.address() as { port: number }).port;
    const before = radicale.log().length;
    try {
      const error = await discoverCalendars(
        { url: `http://127.0.0.2:${port}/`, username: radicale.username, password: radicale.password },
        { check: internet },
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 400, fields: { url: expect.stringMatching(/loopback/) } });
      expect(radicale.log().slice(before)).not.toMatch(/request for/);
    } finally {
      sender.close();
    }
  });

  it('a server that never answers times out with a clear error', async () => {
    // Accepts the connection, then says nothing.
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      const error = await discoverCalendars(
        { url: `http://127.0.0.1:${port}/`, username: 'a', password: 'b' },
        { timeoutMs: 800 },
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({
        status: 400,
        message: `127.0.0.1:${port} did not answer within 1 second`,
      });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      silent.close();
    }
  });

  it('a name lookup that never ends times out the same way', async () => {
    const started = Date.now();
    const error = await discoverCalendars(
      { url: 'https://caldav.example.com/', username: 'a', password: 'b' },
      { timeoutMs: 600, resolve: () => new Promise(() => {}) },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      message: 'caldav.example.com did not answer within 1 second',
    });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('another person cannot sync or see someone else’s CalDAV calendar', async () => {
    const me = await buildPerson(core);
    const owner = apiClient(app, me.token);
    const made = await connect(owner, 'Mine', work);
    const other = apiClient(app, (await buildPerson(core, { workspace: 'Rival Corp' })).token);
    expect((await other.post(`/calendars/${made.body.calendar.id}/sync`)).status).toBe(404);
    expect((await other.get('/calendars')).body.items).toEqual([]);
    await expect(
      syncSubscription(core.db, (await buildPerson(core, { colleagueOf: me })).actor, made.body.calendar.id),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('write-back of scheduled plan actions', () => {
  /** Every object in a Radicale calendar, by file name, with its text. */
  const objectsIn = async (calendar: string) => {
    const found = await fetchCalendarObjects({
      calendar: { url: calendar },
      headers: getBasicAuthHeaders({ username: radicale.username, password: radicale.password }),
    });
    return new Map(found.map((o) => [o.url.split('/').at(-1) ?? '', String(o.data)]));
  };

  it('creates, updates and deletes only the events Linchpin made, and never imports them back', async () => {
    const me = await buildPerson(core);
    const api = apiClient(app, me.token);
    const cal = await radicale.makeCalendar('plan', 'Plan');
    await radicale.putEvent(cal, 'mine', event('mine', 'My own meeting', 1, 8));
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { item: call } = await buildPlanItem(core, {
      by: me,
      day: tomorrow,
      startTime: '10:00',
      title: 'Call Nina',
    });
    const { item: draft } = await buildPlanItem(core, {
      by: me,
      day: tomorrow,
      title: 'Draft the account plan',
    });

    const made = await connect(api, 'With plan', cal, { writeBack: cal });
    expect(made.status).toBe(201);
    expect(made.body.calendar.caldav.calendars).toEqual([
      expect.objectContaining({ href: cal, writeBack: true }),
    ]);
    // The first sync, done on connecting, writes both actions.
    expect(made.body.sync.remote.written).toEqual({ created: 2, updated: 0, removed: 0, conflicts: 0 });
    let objects = await objectsIn(cal);
    expect([...objects.keys()].sort()).toEqual(
      ['mine.ics', `linchpin-plan-${call.id}.ics`, `linchpin-plan-${draft.id}.ics`].sort(),
    );
    expect(objects.get(`linchpin-plan-${call.id}.ics`)).toMatch(/SUMMARY:Call Nina/);
    expect(objects.get(`linchpin-plan-${call.id}.ics`)).toMatch(
      new RegExp(`X-LINCHPIN-PLAN-ITEM:${call.id}`),
    );

    // The next sync sees Linchpin's own events on the server and leaves them out of the import.
    const again = await api.post(`/calendars/${made.body.calendar.id}/sync`);
    expect(again.body.remote.written).toEqual({ created: 0, updated: 0, removed: 0, conflicts: 0 });
    expect(await titles(api)).toEqual(['My own meeting']);

    await completeItem(core.db, me.actor, call.id, true);
    await unscheduleItem(core.db, me.actor, draft.id);
    const changed = await api.post(`/calendars/${made.body.calendar.id}/sync`);
    expect(changed.body.remote.written).toEqual({ created: 0, updated: 1, removed: 1, conflicts: 0 });
    objects = await objectsIn(cal);
    expect([...objects.keys()].sort()).toEqual(['mine.ics', `linchpin-plan-${call.id}.ics`].sort());
    expect(objects.get(`linchpin-plan-${call.id}.ics`)).toMatch(/SUMMARY:✓ Call Nina/);
    expect(objects.get('mine.ics')).toMatch(/SUMMARY:My own meeting/);

    // Someone edits Linchpin's event on the server: Linchpin leaves their version alone.
    const edited = objects
      .get(`linchpin-plan-${call.id}.ics`)
      ?.replace('✓ Call Nina', 'Call Nina (moved by me)');
    await radicale.putEvent(cal, `linchpin-plan-${call.id}`, edited ?? '');
    await completeItem(core.db, me.actor, call.id, false);
    const conflict = await api.post(`/calendars/${made.body.calendar.id}/sync`);
    expect(conflict.body.remote.written).toMatchObject({ updated: 0, conflicts: 1 });
    expect((await objectsIn(cal)).get(`linchpin-plan-${call.id}.ics`)).toMatch(/Call Nina \(moved by me\)/);
  });

  it('refuses a write-back calendar the server does not have', async () => {
    const api = apiClient(app, (await buildPerson(core)).token);
    const res = await connect(api, 'Nope', work, { writeBack: `${radicale.principal}nowhere/` });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.writeBack).toMatch(/not one of the server's calendars/);
  });
});

describe('the password', () => {
  it('never appears in a log line, after every test above (wrong passwords included)', () => {
    const text = logged.join('\n');
    for (const password of [radicale.password, 'not-it', 'wrong-password'])
      expect(text).not.toContain(password);
  });
});
