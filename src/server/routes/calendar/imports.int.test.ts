import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import {
  apiClient,
  buildPerson,
  importIcs,
  jsonOf,
  type TestUser,
  type UploadOptions,
  uploadImport,
} from '../../../../test/factories.ts';
import type { IcsEvent } from '../../../../test/ics.ts';
import { syncDueSubscriptions } from '../../../core/calendar/subscriptions.ts';
import { calendars } from '../../../core/db/schema/index.ts';
import { amsterdammer as amsterdammerIn, calendar, week } from './import-fixtures.ts';

const { core, app, close } = await testApp();
afterAll(close);

const amsterdammer = () => amsterdammerIn(core);

/** The owner's calendar of these events (their week unless given), imported as `fileName`. */
const importWeek = async (owner: TestUser, fileName: string, events = week(owner), query = {}) =>
  jsonOf(await importIcs(app, owner, calendar(events, owner), fileName, query));

/** Any body sent to the import endpoint, its JSON back. */
const upload = async (user: TestUser, body: string | Uint8Array<ArrayBuffer>, options: UploadOptions) =>
  jsonOf(await uploadImport(app, user, body, options));

const NOVEMBER_WEEK = '/activities?from=2026-11-16T00:00&to=2026-11-23T00:00';

describe('importing an .ics file', () => {
  it('adds events, shows all-day and declined ones without counting them, and reports the week', async () => {
    const ann = await amsterdammer();
    const api = apiClient(app, ann.token);
    const northwind = await api.post('/accounts', { name: 'Northwind', domains: ['northwind.example'] });
    expect(northwind.status).toBe(201);
    const res = await importWeek(ann, 'work.ics');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      calendar: { name: 'work.ics' },
      format: 'ics',
      dryRun: false,
      added: 4,
      updated: 0,
      removed: 0,
      excluded: { all_day: 1, declined: 1, multi_day: 0, free: 0 },
    });
    // The buyer's domain belongs to Northwind: a customer meeting in Q2, by the starter rules.
    // The team sync no rule places waits for review; neither it, the all-day offsite nor the
    // declined webinar counts as time.
    expect(res.body.toReview).toBe(1);
    const report = await api.get('/reports/week?week=2026-W47');
    expect(report.body.totalMinutes).toBe(90);
    expect(report.body.quadrants.q2.minutes).toBe(90);
    const list = await api.get(NOVEMBER_WEEK);
    const qbr = list.body.items.find((a: any) => a.title === 'Quarterly business review');
    expect(qbr).toMatchObject({
      source: 'calendar',
      startsAt: '2026-11-17T10:00:00+01:00',
      minutes: 90,
      accountName: 'Northwind',
      kind: 'customer_meeting',
      quadrant: 'q2',
      classification: 'rule',
    });
    const offsite = list.body.items.find((a: any) => a.title === 'Offsite');
    expect(offsite).toMatchObject({ allDay: true, excludedReason: 'all_day' });
  });

  it('re-imports safely: unchanged stays, changed updates, vanished goes, nothing doubles', async () => {
    const ann = await amsterdammer();
    expect((await importWeek(ann, 'work.ics')).body).toMatchObject({ added: 4 });
    const again = await importWeek(ann, 'work.ics');
    expect(again.body).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 4 });

    const changed = week(ann)
      .filter((e) => e.uid !== 'sync-1')
      .map((e) => (e.uid === 'qbr-1' ? { ...e, end: '20261117T120000' } : e));
    const res = await importWeek(ann, 'work.ics', changed);
    expect(res.body).toMatchObject({ added: 0, updated: 1, removed: 1, unchanged: 2 });
    const list = await apiClient(app, ann.token).get(NOVEMBER_WEEK);
    expect(list.body.items.map((a: any) => a.title).sort()).toEqual([
      'Offsite',
      'Optional webinar',
      'Quarterly business review',
    ]);
    expect(list.body.items.find((a: any) => a.title === 'Quarterly business review').minutes).toBe(120);
  });

  it('keeps a manual classification on every later import', async () => {
    const ann = await amsterdammer();
    const api = apiClient(app, ann.token);
    await importWeek(ann, 'work.ics');
    const list = await api.get(NOVEMBER_WEEK);
    const qbr = list.body.items.find((a: any) => a.title === 'Quarterly business review');
    await api.patch(`/activities/${qbr.id}`, { urgent: true, important: true });
    const moved = week(ann).map((e) => (e.uid === 'qbr-1' ? { ...e, summary: 'QBR (moved room)' } : e));
    const res = await importWeek(ann, 'work.ics', moved);
    expect(res.body.updated).toBeGreaterThanOrEqual(1);
    const after = await api.get(`/activities/${qbr.id}`);
    expect(after.body).toMatchObject({ title: 'QBR (moved room)', quadrant: 'q1', classification: 'manual' });
  });

  it('shows what a dry run would change without writing anything', async () => {
    const ann = await amsterdammer();
    await importWeek(ann, 'work.ics');
    const extra = [
      ...week(ann),
      { uid: 'new-1', summary: 'Site visit', start: '20261120T090000', end: '20261120T120000' },
    ];
    const res = await importWeek(ann, 'work.ics', extra, { dryRun: 'true' });
    expect(res.body).toMatchObject({ dryRun: true, added: 1 });
    const list = await apiClient(app, ann.token).get(NOVEMBER_WEEK);
    expect(list.body.items.some((a: any) => a.title === 'Site visit')).toBe(false);
  });

  it('refuses a file with a broken event, naming the line, and writes nothing; skipInvalid imports the rest', async () => {
    const ann = await amsterdammer();
    const broken: IcsEvent[] = [
      { uid: 'ok-1', summary: 'Good one', start: '20261124T090000', end: '20261124T100000' },
      { uid: 'bad-1', summary: 'Bad one', start: '2026-13-45T25:00', end: '20261124T100000' },
    ];
    const res = await importWeek(ann, 'broken.ics', broken);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/could not be read.*line \d+/);
    expect(res.body.error.message).toMatch(/nothing was imported/);
    const calendars = await apiClient(app, ann.token).get('/calendars');
    expect(calendars.body.items.some((c: any) => c.name === 'broken.ics')).toBe(false);

    const skipped = await importWeek(ann, 'broken.ics', broken, { skipInvalid: 'true' });
    expect(skipped.status).toBe(200);
    expect(skipped.body).toMatchObject({ added: 1, skippedCount: 1 });
    expect(skipped.body.skipped[0].line).toBeGreaterThan(0);
  });

  it('removes an event cancelled since, and keeps what it had of an event that turned unreadable', async () => {
    const ann = await amsterdammer();
    const series = {
      uid: 'weekly-1',
      summary: 'Weekly ops call',
      start: '20261102T090000',
      end: '20261102T093000',
      lines: ['RRULE:FREQ=WEEKLY;COUNT=3'],
    };
    const call = {
      uid: 'call-1',
      summary: 'Supplier call',
      start: '20261104T090000',
      end: '20261104T100000',
    };
    const first = await importWeek(ann, 'changes.ics', [series, call]);
    expect(first.body.added).toBe(4);
    const cancelled = { ...call, lines: ['STATUS:CANCELLED', 'SEQUENCE:2'] };
    const broken = { ...series, lines: ['RRULE:FREQ=WEEKLY;BYDAY=XX'] };
    const res = await importWeek(ann, 'changes.ics', [broken, cancelled], { skipInvalid: 'true' });
    expect(res.body).toMatchObject({ removed: 1 });
    const list = await apiClient(app, ann.token).get('/activities?from=2026-11-01T00:00&to=2026-11-23T00:00');
    const titles = list.body.items.map((a: any) => a.title);
    expect(titles).not.toContain('Supplier call');
    expect(titles.filter((t: string) => t === 'Weekly ops call')).toHaveLength(3);
  });

  it('says how many events lie outside the import window instead of silently adding nothing', async () => {
    const ann = await amsterdammer();
    const old = [
      { uid: 'old-1', summary: 'Kick-off 2019', start: '20190301T090000', end: '20190301T100000' },
    ];
    const res = await importWeek(ann, 'old.ics', old, { dryRun: 'true' });
    expect(res.body).toMatchObject({ added: 0, outsideWindow: 1 });
    expect(new Date(res.body.window.from).getTime()).toBeLessThan(Date.now());
    expect(new Date(res.body.window.to).getTime()).toBeGreaterThan(Date.now());
  });

  it('keeps emoji whole when cutting long titles, and refuses calendars that expand too far', async () => {
    const ann = await amsterdammer();
    const long = `${'x'.repeat(299)}🎉 and more`;
    const res = await importWeek(ann, 'long.ics', [
      { uid: 'long-1', summary: long, start: '20261105T090000', end: '20261105T100000' },
    ]);
    expect(res.status).toBe(200);
    const { importCalendar } = await import('../../../core/calendar/merge.ts');
    const hourly = calendar(
      [
        {
          uid: 'h-1',
          summary: 'Ping',
          start: '20261101T000000',
          end: '20261101T000500',
          lines: ['RRULE:FREQ=HOURLY;COUNT=2000'],
        },
      ],
      ann,
    );
    await expect(
      importCalendar(core.db, ann.actor, {
        calendar: { name: 'hourly.ics' },
        text: hourly,
        maxInstances: 1000,
      }),
    ).rejects.toMatchObject({ status: 413, message: expect.stringMatching(/more than 1,000 events/) });
  });

  it('explains bad files instead of failing: binary, HTML, empty, wrong type, too large', async () => {
    const ann = await amsterdammer();
    const as = (contentType: string) => ({ contentType });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]);
    const binary = await upload(ann, zip, as('application/octet-stream'));
    expect(binary.status).toBe(400);
    expect(binary.body.error.message).toMatch(/binary/);
    const html = await upload(ann, '<!doctype html><html><body>Sign in</body></html>', as('text/plain'));
    expect(html.status).toBe(400);
    expect(html.body.error.message).toMatch(/web page/);
    const empty = await upload(ann, '', as('text/calendar'));
    expect(empty.status).toBe(400);
    const noBoundary = await upload(ann, 'garbage', as('multipart/form-data'));
    expect(noBoundary.status).toBe(400);
    const pdf = await upload(ann, '%PDF-1.4', as('application/pdf'));
    expect(pdf.status).toBe(415);
    const huge = await upload(ann, new Uint8Array(50 * 1024 * 1024 + 1).fill(65), as('text/calendar'));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toMatch(/50 MB/);
  });

  it('streams progress lines and then the summary when asked for NDJSON', async () => {
    const ann = await amsterdammer();
    const response = await uploadImport(app, ann, calendar(week(ann), ann), {
      query: { fileName: 'stream.ics', dryRun: 'true' },
      accept: 'application/x-ndjson',
    });
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toHaveProperty('summary.added', 4);
    expect(lines.some((l) => 'progress' in l)).toBe(true);
  });

  it("never lets one workspace import into another's calendar", async () => {
    const ann = await amsterdammer();
    const outsider = await buildPerson(core);
    await importWeek(ann, 'work.ics');
    const calendars = await apiClient(app, ann.token).get('/calendars');
    const work = calendars.body.items.find((c: any) => c.name === 'work.ics');
    const res = await upload(outsider, calendar(week(ann), ann), { query: { calendarId: work.id } });
    expect(res.status).toBe(404);
    const del = await apiClient(app, outsider.token).delete(`/calendars/${work.id}`);
    expect(del.status).toBe(404);
  });
});

describe('the review inbox', () => {
  it('lists what no rule decided, classifies in bulk, and refuses other workspaces’ ids', async () => {
    const ann = await amsterdammer();
    const outsider = await buildPerson(core);
    const api = apiClient(app, ann.token);
    await importWeek(ann, 'odd.ics', [
      { uid: 'odd-1', summary: 'Lunch and learn', start: '20261125T120000', end: '20261125T130000' },
      { uid: 'odd-2', summary: 'Coffee chat', start: '20261125T150000', end: '20261125T153000' },
    ]);
    const inbox = await api.get('/review');
    const ids = inbox.body.items
      .filter((a: any) => ['Lunch and learn', 'Coffee chat'].includes(a.title))
      .map((a: any) => a.id);
    expect(ids).toHaveLength(2);
    const theirs = await apiClient(app, outsider.token).post('/review/classify', {
      ids,
      urgent: false,
      important: true,
    });
    expect(theirs.status).toBe(404);
    const res = await api.post('/review/classify', { ids, urgent: false, important: true });
    expect(res.body).toEqual({ updated: 2 });
    const after = await api.get('/review');
    expect(after.body.items.some((a: any) => ids.includes(a.id))).toBe(false);
    expect((await api.get(`/activities/${ids[0]}`)).body).toMatchObject({
      quadrant: 'q2',
      classification: 'manual',
    });
  });
});

describe('subscriptions', () => {
  let server: Server;
  let url: string;
  let requests: { etag?: string }[] = [];
  let body = '';
  let contentType = 'text/calendar';

  beforeAll(async () => {
    process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS = '1'; // the test feed runs on 127.0.0.1
    server = createServer((req, res) => {
      requests.push({ etag: req.headers['if-none-match'] as string | undefined });
      const etag = `"${body.length}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { 'content-type': contentType, etag }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/secret/abc123/basic.ics`;
  });
  beforeEach(() => {
    contentType = 'text/calendar';
    requests = [];
  });
  afterAll(() => {
    delete process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS;
    return new Promise((resolve) => server.close(resolve));
  });

  it('refuses addresses inside the server’s own network unless the admin allows them', async () => {
    const dave = await buildPerson(core);
    const api = apiClient(app, dave.token);
    delete process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS;
    try {
      for (const address of [url, 'http://169.254.169.254/latest/meta-data', 'http://[::1]:5432/x.ics']) {
        const res = await api.post('/calendars', { name: 'Internal', url: address });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/inside this server's network/);
      }
      expect((await api.get('/calendars')).body.items).toEqual([]);
    } finally {
      process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS = '1';
    }
  });

  it('subscribes, merges like a file, and fetches conditionally', async () => {
    const bob = await amsterdammer();
    const api = apiClient(app, bob.token);
    body = calendar(week(bob), bob);
    requests = [];
    const res = await api.post('/calendars', {
      name: 'Work (Outlook)',
      url: url.replace('http://', 'http://'),
    });
    expect(res.status).toBe(201);
    expect(res.body.sync).toMatchObject({ notModified: false, added: 4 });
    expect(res.body.calendar.url).not.toContain('abc123/basic');
    const again = await api.post(`/calendars/${res.body.calendar.id}/sync`);
    expect(again.body).toEqual({ notModified: true, calendarId: res.body.calendar.id });
    expect(requests.at(-1)?.etag).toBeTruthy();
  });

  it('syncs due subscriptions on a schedule, each once even when two processes tick together', async () => {
    const carol = await amsterdammer();
    body = calendar(week(carol), carol);
    const api = apiClient(app, carol.token);
    const created = await api.post('/calendars', { name: 'Carol work', url: `${url}?carol` });
    expect(created.status).toBe(201);
    // Nothing is due right after the first fetch…
    expect(await syncDueSubscriptions(core.db, 30)).toEqual({ synced: 0, failed: 0 });
    // …and with a zero interval everything is, but two ticks at once fetch each calendar once.
    body = calendar(
      [
        ...week(carol),
        { uid: 'new-2', summary: 'Added later', start: '20261127T090000', end: '20261127T100000' },
      ],
      carol,
    );
    requests = [];
    const [a, b] = await Promise.all([syncDueSubscriptions(core.db, 0), syncDueSubscriptions(core.db, 0)]);
    const subscriptions = (await core.db.select().from(calendars).where(eq(calendars.kind, 'subscription')))
      .length;
    expect(a.synced + a.failed + b.synced + b.failed).toBe(subscriptions);
    expect(requests).toHaveLength(subscriptions);
    const list = await api.get('/activities?from=2026-11-27T00:00&to=2026-11-28T00:00');
    expect(list.body.items.map((i: any) => i.title)).toContain('Added later');
  });

  it('refuses an address that answers a web page, and keeps nothing', async () => {
    const bob = await buildPerson(core);
    contentType = 'text/html';
    body = '<html>Please sign in</html>';
    const api = apiClient(app, bob.token);
    const res = await api.post('/calendars', { name: 'Broken', url });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/web page/);
    expect((await api.get('/calendars')).body.items).toEqual([]);
    const bad = await api.post('/calendars', { name: 'Nope', url: 'ftp://example.com/cal.ics' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('url');
  });
});
