import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testWorld } from '../../../test/app.ts';
import {
  apiClient,
  buildAccount,
  buildActivity,
  buildDecision,
  buildPerson,
  buildPlanItem,
  jsonOf,
  type TestUser,
} from '../../../test/factories.ts';
import { digest } from '../../core/auth/secrets.ts';
import { calendarFeeds } from '../../core/db/schema/index.ts';
import { updatePerson } from '../../core/people/service.ts';
import { completeItem, rollOverPlanItems } from '../../core/plan/service.ts';
import { decideDrain } from '../../core/plan/time-drains.ts';
import { fixedClock, setClock } from '../../core/time/clock.ts';

const MARKER = 'zq-feed-private-marker';
const FEED_URL = /^http:\/\/localhost\/api\/public\/feed\/([A-Za-z0-9_-]{43})\.ics$/;

/** The feed as a calendar app fetches it: the address alone, no session or token. */
const fetchFeed = async (t: TestApp, url: string) => jsonOf(await t.app.request(new URL(url).pathname));

/** An .ics text with its folded lines joined again, so a search cannot miss a split word. */
const unfolded = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');

/** The feed's events by UID. */
function eventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = new Map<string, ICAL.Component>();
  for (const event of calendar.getAllSubcomponents('vevent')) {
    events.set(String(event.getFirstPropertyValue('uid')), event);
  }
  return { calendar, events };
}

const value = (event: ICAL.Component | undefined, name: string) => {
  const v = event?.getFirstPropertyValue(name);
  return v === null || v === undefined ? v : String(v);
};

describe('the calendar feed', () => {
  let t: TestApp & { ann: TestUser; ben: TestUser; boss: TestUser; outsider: TestUser };
  let restoreClock: () => void;

  beforeAll(async () => {
    // Wednesday 24 March 2027 in Berlin; summer time starts on Sunday the 28th.
    restoreClock = setClock(fixedClock('2027-03-24T10:00:00Z'));
    t = await testWorld({
      people: {
        boss: { role: 'owner', name: 'Bo Boss' },
        ann: { name: 'Ann Able', timeZone: 'Europe/Berlin' },
        ben: { name: 'Ben Baker' },
      },
    });
  });
  afterAll(async () => {
    await t.close();
    restoreClock();
  });

  it('gives a stable address, made once even when asked twice at once, and only its hash is stored', async () => {
    const api = apiClient(t.app, t.ann.token);
    const [first, second] = await Promise.all([api.get('/me/feed'), api.get('/me/feed')]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body.url).toMatch(FEED_URL);
    expect(second.body.url).toBe(first.body.url);
    expect((await api.get('/me/feed')).body.url).toBe(first.body.url);

    const token = FEED_URL.exec(first.body.url)?.[1] ?? '';
    const rows = await t.core.db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, t.ann.me.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(digest(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    // Another person's address is another one; without signing in there is none.
    expect((await apiClient(t.app, t.ben.token).get('/me/feed')).body.url).not.toBe(first.body.url);
    expect((await apiClient(t.app).get('/me/feed')).status).toBe(401);
  });

  it('serves text/calendar without sign-in, with or without .ics', async () => {
    const { url } = (await apiClient(t.app, t.ann.token).get('/me/feed')).body;
    const answer = await fetchFeed(t, url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(answer.headers.get('cache-control')).toMatch(/no-cache/);
    expect(answer.headers.get('cache-control')).toMatch(/private/);
    const ics = unfolded(answer.text);
    expect(ics).toContain('X-WR-CALNAME:Linchpin – Ann Able');
    expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(ics).toContain('X-PUBLISHED-TTL:PT1H');
    expect((await fetchFeed(t, url.replace(/\.ics$/, ''))).status).toBe(200);
  });

  it('answers 404 in the error shape to any token that opens no feed', async () => {
    const { url } = (await apiClient(t.app, t.ann.token).get('/me/feed')).body;
    const token = FEED_URL.exec(url)?.[1] ?? '';
    for (const bad of [
      'nope',
      `${'A'.repeat(43)}.ics`,
      `${token}x`,
      `${token}.ics.ics`,
      token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
      'a'.repeat(5000),
      '..%2F..%2Fme',
    ]) {
      const answer = await jsonOf(await t.app.request(`/api/public/feed/${bad}`));
      expect(answer.status, bad).toBe(404);
      expect(answer.body.error.code, bad).toBe('not_found');
    }
  });

  it('rotates: the old address is 404 at once, the new one works and is the one shown', async () => {
    const api = apiClient(t.app, t.ben.token);
    const old = (await api.get('/me/feed')).body.url;
    expect((await fetchFeed(t, old)).status).toBe(200);
    const rotated = await api.post('/me/feed/rotate');
    expect(rotated.status).toBe(200);
    expect(rotated.body.url).toMatch(FEED_URL);
    expect(rotated.body.url).not.toBe(old);
    const gone = await fetchFeed(t, old);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
    expect((await fetchFeed(t, rotated.body.url)).status).toBe(200);
    expect((await api.get('/me/feed')).body.url).toBe(rotated.body.url);
    // Rotating before ever asking makes the first address too.
    const fresh = await buildPerson(t.core, { colleagueOf: t.ann });
    const first = (await apiClient(t.app, fresh.token).post('/me/feed/rotate')).body.url;
    expect((await fetchFeed(t, first)).status).toBe(200);
    expect((await apiClient(t.app, fresh.token).get('/me/feed')).body.url).toBe(first);
  });

  it('holds one person’s plan, review dates and follow-ups at the right times, and nothing else', async () => {
    const { core, ann, ben, outsider } = t;
    const at = (day: string, startTime: string | null, title: string, minutes = 45) =>
      buildPlanItem(core, { by: ann, day, startTime, title, minutes }).then((made) => made.item);
    const morning = await at('2027-03-24', '09:30', 'Call the buyer');
    const afterDst = await at('2027-03-29', '09:30', 'Workshop with the COO', 90);
    const someTime = await at('2027-03-25', null, 'Draft the joint plan');
    const done = await at('2027-03-23', '14:00', 'Send the study');
    await completeItem(core.db, ann.actor, done.id, true);
    const tooEarly = await at('2027-02-01', null, 'Long ago');
    await completeItem(core.db, ann.actor, tooEarly.id, true);
    const tooLate = await at('2027-12-01', null, 'Far ahead');

    const northwind = await buildAccount(core, { owner: ann, name: 'Northwind' });
    const { decision } = await buildDecision(core, {
      on: northwind,
      title: 'Rush orders for Hamburg',
      context: `${MARKER} decision context`,
      agreedByThem: `${MARKER} their buyer`,
      reviewBy: '2027-04-10',
    });
    const { decision: retired } = await buildDecision(core, {
      on: northwind,
      reviewBy: '2027-04-12',
      status: 'retired',
    });
    const bens = await buildAccount(core, { owner: ben, name: `${MARKER} Bens account` });
    await buildDecision(core, { on: bens, title: `${MARKER} bens decision`, reviewBy: '2027-04-01' });
    await decideDrain(core.db, ann.actor, 'q3', {
      title: 'Weekly status sync',
      decision: 'delegate',
      delegateTo: 'Cai',
      followUp: '2027-04-02',
      note: `${MARKER} drain note`,
    });

    await buildActivity(core, { by: ann, title: `${MARKER} title`, notes: `${MARKER} note` });
    await buildPlanItem(core, { by: ben, day: '2027-03-24', title: `${MARKER} bens plan` });
    await buildPlanItem(core, { by: outsider, day: '2027-03-24', title: `${MARKER} rival plan` });
    await decideDrain(core.db, ben.actor, 'q4', {
      title: `${MARKER} bens drain`,
      decision: 'keep',
      followUp: '2027-04-02',
    });

    const { url } = (await apiClient(t.app, ann.token).get('/me/feed')).body;
    const answer = await fetchFeed(t, url);
    expect(answer.status).toBe(200);
    expect(unfolded(answer.text)).not.toContain(MARKER);
    const { events } = eventsOf(answer.text);

    // Timed: the wall-clock time in Berlin, in UTC; +01:00 before the change, +02:00 after it.
    const call = events.get(`plan-${morning.id}@linchpin`);
    expect(value(call, 'summary')).toBe('Call the buyer');
    expect(value(call, 'dtstart')).toBe('2027-03-24T08:30:00Z');
    expect(value(call, 'dtend')).toBe('2027-03-24T09:15:00Z');
    const workshop = events.get(`plan-${afterDst.id}@linchpin`);
    expect(value(workshop, 'dtstart')).toBe('2027-03-29T07:30:00Z');
    expect(value(workshop, 'dtend')).toBe('2027-03-29T09:00:00Z');
    expect(value(workshop, 'description')).toContain('http://localhost/#/plan/2027-W13');
    // Untimed: all-day, not busy.
    const draft = events.get(`plan-${someTime.id}@linchpin`);
    expect(draft?.getFirstPropertyValue('dtstart')).toMatchObject({ isDate: true });
    expect(value(draft, 'dtstart')).toBe('2027-03-25');
    expect(value(draft, 'dtend')).toBe('2027-03-26');
    expect(value(draft, 'transp')).toBe('TRANSPARENT');
    // Done: ticked, still there.
    expect(value(events.get(`plan-${done.id}@linchpin`), 'summary')).toBe('✓ Send the study');
    // Outside 4 weeks back to 26 ahead: not there.
    expect(events.has(`plan-${tooEarly.id}@linchpin`)).toBe(false);
    expect(events.has(`plan-${tooLate.id}@linchpin`)).toBe(false);

    const review = events.get(`decision-review-${decision.id}@linchpin`);
    expect(value(review, 'summary')).toBe('Review decision: Rush orders for Hamburg (Northwind)');
    expect(value(review, 'dtstart')).toBe('2027-04-10');
    expect(review?.getFirstPropertyValue('dtstart')).toMatchObject({ isDate: true });
    expect(value(review, 'url')).toBe(`http://localhost/#/accounts/${northwind.account.id}`);
    expect(events.has(`decision-review-${retired.id}@linchpin`)).toBe(false);

    const followUps = [...events.entries()].filter(([uid]) => uid.startsWith('follow-up-'));
    expect(followUps).toHaveLength(1);
    const [, followUp] = followUps[0] ?? [];
    expect(value(followUp, 'summary')).toBe('Follow up: Weekly status sync');
    expect(value(followUp, 'dtstart')).toBe('2027-04-02');
    expect(value(followUp, 'description')).toContain('delegate it to Cai');

    // Six of Ann's plan actions were made; two are outside the window.
    expect([...events.keys()].filter((uid) => uid.startsWith('plan-'))).toHaveLength(4);
    expect(events.size).toBe(6);
  });

  it('shows a change on the next fetch under the same UID', async () => {
    const { core, ann } = t;
    const { item } = await buildPlanItem(core, {
      by: ann,
      day: '2027-03-22',
      startTime: '11:00',
      title: 'Slipped',
    });
    const { url } = (await apiClient(t.app, ann.token).get('/me/feed')).body;
    const uid = `plan-${item.id}@linchpin`;
    const before = eventsOf((await fetchFeed(t, url)).text).events.get(uid);
    expect(value(before, 'dtstart')).toBe('2027-03-22T10:00:00Z');

    // Unfinished on an earlier day: the scheduled rollover moves it to today.
    await rollOverPlanItems(core.db);
    const moved = eventsOf((await fetchFeed(t, url)).text).events.get(uid);
    expect(value(moved, 'dtstart')).toBe('2027-03-24T10:00:00Z');
    expect(value(moved, 'summary')).toBe('Slipped');

    await completeItem(core.db, ann.actor, item.id, true);
    const ticked = eventsOf((await fetchFeed(t, url)).text).events.get(uid);
    expect(value(ticked, 'summary')).toBe('✓ Slipped');
  });

  it('closes with the person: a deactivated person’s feed is 404', async () => {
    const carl = await buildPerson(t.core, { colleagueOf: t.ann, name: 'Carl Gone' });
    const { url } = (await apiClient(t.app, carl.token).get('/me/feed')).body;
    expect((await fetchFeed(t, url)).status).toBe(200);
    await updatePerson(t.core.db, t.boss.actor, carl.me.id, { active: false }, null);
    const gone = await fetchFeed(t, url);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');
  });
});
