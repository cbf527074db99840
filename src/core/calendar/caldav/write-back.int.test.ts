import { eq } from 'drizzle-orm';
import { fetchCalendarObjects, getBasicAuthHeaders } from 'tsdav';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { apiClient, buildPerson, buildPlanItem } from '../../../../test/factories.ts';
import { type Radicale, startRadicale } from '../../../../test/radicale.ts';
import { caldavCollections, caldavWritten } from '../../db/schema/index.ts';
import { completeItem, type PlanItemView } from '../../plan/service.ts';
import { syncSubscription } from '../subscriptions.ts';
import { addCaldavCalendar } from './connect.ts';

// Write-back against a real Radicale when the server's copy is not the one Linchpin last wrote:
// an earlier write whose answer was lost, an edit or a deletion on the server, a broken connection.
process.env.LINCHPIN_SECRET_KEY = 'caldav-test-key';
const { core, app, close } = await testApp();
afterAll(close);

let radicale: Radicale;
beforeAll(async () => {
  process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS = '1';
  radicale = await startRadicale();
}, 30_000);
afterAll(() => radicale?.close());

const headers = () => getBasicAuthHeaders({ username: radicale.username, password: radicale.password });

/** Linchpin's events in a Radicale calendar, by file name, with their text. */
const planEvents = async (calendar: string) => {
  const found = await fetchCalendarObjects({ calendar: { url: calendar }, headers: headers() });
  return new Map(
    found
      .map((o) => [o.url.split('/').at(-1) ?? '', String(o.data)] as const)
      .filter(([name]) => name.startsWith('linchpin-plan-')),
  );
};

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** A person with `count` scheduled actions and a new Radicale calendar to write them into. */
async function planned(slug: string, count: number) {
  const me = await buildPerson(core);
  const items = [];
  for (let i = 0; i < count; i++) {
    items.push(
      (await buildPlanItem(core, { by: me, day: tomorrow(), startTime: `1${i}:00`, title: `Call ${i}` }))
        .item,
    );
  }
  const calendar = await radicale.makeCalendar(slug, slug);
  return { me, api: apiClient(app, me.token), items, calendar };
}

const connect = (api: ReturnType<typeof apiClient>, url: string, writeBack: string) =>
  api.post('/calendars', {
    kind: 'caldav',
    name: 'Plan',
    url,
    username: radicale.username,
    password: radicale.password,
    writeBack,
  });

const sync = async (api: ReturnType<typeof apiClient>, id: string) => {
  const res = await api.post(`/calendars/${id}/sync`);
  expect(res.status, res.text).toBe(200);
  return res.body.remote.written;
};

const fileOf = (item: { id: string }) => `linchpin-plan-${item.id}.ics`;

/** A write-back that wrote nothing and found nothing changed. */
const quiet = { created: 0, updated: 0, removed: 0, conflicts: 0 };

describe('write-back when the server’s copy differs', () => {
  it('takes over events already on the server as written (records lost), without a conflict', async () => {
    const { api, items, calendar } = await planned('adopt', 2);
    const made = await connect(api, calendar, calendar);
    expect(made.body.sync.remote.written).toMatchObject({ created: 2, conflicts: 0 });
    // What Linchpin knew of its writes is lost (as after restoring an older backup).
    const [collection] = await core.db
      .select()
      .from(caldavCollections)
      .where(eq(caldavCollections.calendarId, made.body.calendar.id));
    await core.db.delete(caldavWritten).where(eq(caldavWritten.collectionId, collection?.id ?? ''));

    expect(await sync(api, made.body.calendar.id)).toEqual(quiet);
    expect(await sync(api, made.body.calendar.id)).toEqual(quiet);
    expect([...(await planEvents(calendar)).keys()].sort()).toEqual(items.map(fileOf).sort());
  });

  it('lets an edit on the server win, and reports it once, not on every sync', async () => {
    const { me, api, items, calendar } = await planned('edited', 1);
    const [call] = items as [PlanItemView];
    const made = await connect(api, calendar, calendar);
    const edited = (await planEvents(calendar)).get(fileOf(call))?.replace('Call 0', 'Call 0 (moved by me)');
    await radicale.putEvent(calendar, fileOf(call).replace('.ics', ''), edited ?? '');

    await completeItem(core.db, me.actor, call.id, true);
    expect(await sync(api, made.body.calendar.id)).toMatchObject({ updated: 0, conflicts: 1 });
    await completeItem(core.db, me.actor, call.id, false);
    expect(await sync(api, made.body.calendar.id)).toEqual(quiet);
    expect((await planEvents(calendar)).get(fileOf(call))).toMatch(/SUMMARY:Call 0 \(moved by me\)/);
  });

  it('does not write again an event deleted on the server (a tombstone), and says so once', async () => {
    const { me, api, items, calendar } = await planned('deleted', 2);
    const [gone, kept] = items as [PlanItemView, PlanItemView];
    const made = await connect(api, calendar, calendar);
    await radicale.deleteEvent(calendar, fileOf(gone).replace('.ics', ''));

    await completeItem(core.db, me.actor, gone.id, true);
    expect(await sync(api, made.body.calendar.id)).toMatchObject({ created: 0, updated: 0, conflicts: 1 });
    await completeItem(core.db, me.actor, gone.id, false);
    await completeItem(core.db, me.actor, kept.id, true);
    expect(await sync(api, made.body.calendar.id)).toEqual({ ...quiet, updated: 1 });
    expect([...(await planEvents(calendar)).keys()]).toEqual([fileOf(kept)]);
  });
});

describe('a write-back that fails on connecting', () => {
  /** A calendar reached through a connection that breaks on the second and third plan event. */
  async function flaky(slug: string) {
    const setup = await planned(slug, 3);
    let puts = 0;
    const state = { broken: true };
    // The second event reaches the server but its answer is lost; the third never gets there.
    const root = await radicale.proxy(({ method, path }) => {
      if (!state.broken || method !== 'PUT' || !path.includes('linchpin-plan-')) return null;
      puts++;
      return puts === 2 ? 'after' : puts === 3 ? 'before' : null;
    });
    return { ...setup, state, through: setup.calendar.replace(radicale.url, root) };
  }
  const failure =
    /^your events were synced, but writing your plan into “\w+” failed .*: the next sync tries again$/;

  it('keeps what was synced and written, and the next sync finishes without duplicates', async () => {
    const { me, api, items, calendar, state, through } = await flaky('unsteady');
    const login = { url: through, username: radicale.username, password: radicale.password };
    const id = await addCaldavCalendar(core.db, me.actor, { ...login, name: 'Plan', writeBack: through });
    await expect(syncSubscription(core.db, me.actor, id)).rejects.toThrow(failure);
    const [kept] = (await api.get('/calendars')).body.items;
    expect(kept).toMatchObject({ id, lastError: expect.stringMatching(failure) });
    expect((await planEvents(calendar)).size).toBe(2);

    state.broken = false;
    expect(await sync(api, id)).toEqual({ ...quiet, created: 1 });
    expect((await api.get('/calendars')).body.items[0].lastError).toBeNull();
    expect([...(await planEvents(calendar)).keys()].sort()).toEqual(items.map(fileOf).sort());
  });

  it('does not drop the connection it was connecting', async () => {
    const { api, through } = await flaky('dropped');
    const made = await connect(api, through, through);
    expect(made.status).toBe(400);
    expect(made.body.error.message).toMatch(failure);
    const calendars = (await api.get('/calendars')).body.items;
    expect(calendars).toEqual([
      expect.objectContaining({ kind: 'caldav', lastError: made.body.error.message }),
    ]);
  });
});

describe('connecting', () => {
  it('discovers the server once, not again for the first sync', async () => {
    const { api, calendar } = await planned('once', 0);
    const before = radicale.log().length;
    expect((await connect(api, radicale.url, calendar)).status).toBe(201);
    const asked = radicale.log().slice(before);
    // Each discovery starts at /.well-known/caldav and lists the calendar home (depth 1).
    expect(asked.match(/request for '\/\.well-known\/caldav'/g)).toHaveLength(1);
    expect(asked.match(/PROPFIND request for '\/alice\/' with depth '1'/g)).toHaveLength(1);
  });
});
