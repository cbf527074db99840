import { describe, expect, it } from 'vitest';
import { type IcsEvent, icsCalendar, writeIcs } from '../test/ics.ts';
import { Api, setUp } from './api.ts';
import { screenshot } from './browser.ts';
import { addDays, compactDay, isoWeek, mondayOf } from './dates.ts';
import { fileHarness, type Person, tempDir } from './harness.ts';
import { ImportPage, ReviewPage, RulesPage } from './pages/calendar.ts';
import { WeekPage } from './pages/week.ts';
import { startServer } from './server.ts';

const app = fileHarness({
  name: 'import',
  context: { viewport: { width: 1440, height: 1000 }, timezoneId: 'UTC' },
});
const files = tempDir('import-files');

/** Last week (UTC): inside the import window and the rule test's last 8 weeks. */
const monday = mondayOf(-1);
const week = isoWeek(new Date(`${monday}T00:00:00Z`));
const day = (offset: number) => compactDay(addDays(monday, offset));

/** Four events of last week: two meetings, an all-day offsite and a pitch the person declined. */
const workCalendar = (me: string): IcsEvent[] => [
  {
    uid: 'qbr@e2e.test',
    summary: 'Northwind quarterly business review',
    start: `${day(1)}T100000Z`,
    end: `${day(1)}T110000Z`,
    lines: [
      `ORGANIZER;CN=Ann Owner:mailto:${me}`,
      'ATTENDEE;CN=Nina Buyer;PARTSTAT=ACCEPTED:mailto:nina@northwind.example',
      'ATTENDEE;CN=Olaf Ops;PARTSTAT=ACCEPTED:mailto:olaf@northwind.example',
      `ATTENDEE;CN=Ann Owner;PARTSTAT=ACCEPTED:mailto:${me}`,
      'LOCATION:Northwind HQ',
    ],
  },
  {
    uid: 'catchup@e2e.test',
    summary: 'Catch-up with Sam',
    start: `${day(2)}T150000Z`,
    end: `${day(2)}T154500Z`,
    lines: ['ATTENDEE;CN=Sam Partner;PARTSTAT=ACCEPTED:mailto:sam@partner.example'],
  },
  { uid: 'offsite@e2e.test', summary: 'Company offsite', start: day(2), end: day(3) },
  {
    uid: 'pitch@e2e.test',
    summary: 'Vendor pitch',
    start: `${day(3)}T140000Z`,
    end: `${day(3)}T150000Z`,
    lines: ['ORGANIZER:mailto:sales@vendor.example', `ATTENDEE;PARTSTAT=DECLINED:mailto:${me}`],
  },
];

const brokenCalendar: IcsEvent[] = [
  { uid: 'fine@e2e.test', summary: 'Forecast review', start: `${day(4)}T090000Z`, end: `${day(4)}T100000Z` },
  { uid: 'broken@e2e.test', summary: 'Broken event', start: 'not-a-date' },
];

/** A new person, with the work calendar imported through the API when `imported`. */
async function importer(imported: boolean): Promise<Person> {
  const person = await app.person('Ian Importer');
  if (imported) {
    const body = icsCalendar(workCalendar(person.email));
    await person.call('POST', '/imports?calendar=work-calendar', body, 'text/calendar');
  }
  return person;
}

async function importPage(person: Person): Promise<ImportPage> {
  const page = new ImportPage(await app.page(person));
  await page.open();
  return page;
}

describe('importing a calendar, reviewing and writing rules, in a browser', () => {
  it('opens Import from the header: no calendars yet', async () => {
    const week = new WeekPage(await app.page(await importer(false)));
    await week.open();
    const page = new ImportPage(week.page);
    await page.openFromHeader();
    await page.page.getByText('No calendars yet').waitFor();
    await screenshot(page.page, 'import-01-empty');
  });

  it('previews an .ics file: nothing written, figures shown', async () => {
    const person = await importer(false);
    const page = await importPage(person);
    await page.choose(writeIcs(files, 'work-calendar.ics', workCalendar(person.email)));
    await expect.poll(() => page.chosenFile.textContent()).toBe('work-calendar.ics');
    expect(await page.calendarName.inputValue()).toBe('work-calendar');
    await page.preview();
    await page.result.waitFor();
    await expect.poll(() => page.result.textContent()).toMatch(/Preview/);
    const text = (await page.result.textContent()) ?? '';
    expect(text).toMatch(/would add/);
    expect(text).toMatch(/all-day/);
    await screenshot(page.page, 'import-02-preview');
    // A dry run creates nothing.
    expect(await page.calendars.count()).toBe(0);
  });

  it('imports the file and shows the summary', async () => {
    const person = await importer(false);
    const page = await importPage(person);
    await page.choose(writeIcs(files, 'work-calendar.ics', workCalendar(person.email)));
    await page.preview();
    await page.result.waitFor();
    await page.importNow();
    await expect
      .poll(() => page.result.textContent(), { timeout: 15_000 })
      .toMatch(/Imported into ‘work-calendar’/);
    const text = (await page.result.textContent()) ?? '';
    expect(text).toMatch(/4\s*added/);
    expect(text).toMatch(/1 all-day/);
    expect(text).toMatch(/1 declined/);
    await page.calendar('work-calendar').waitFor();
    await expect.poll(() => page.calendars.textContent()).toMatch(/4 activities/);
    await screenshot(page.page, 'import-03-imported');
  });

  it('shows the events on the Week page, with the ones that do not count apart', async () => {
    const page = new WeekPage(await app.page(await importer(true)));
    await page.open(week);
    await page.card('Northwind quarterly business review').waitFor();
    await page.card('Catch-up with Sam').waitFor();
    await page.notCounted.waitFor();
    expect(await page.notCounted.textContent()).toMatch(/Company offsite.*All day/);
    expect(await page.notCounted.textContent()).toMatch(/Vendor pitch.*Declined/);
    // Not-counted events are not cards on the board.
    expect(await page.card('Company offsite').count()).toBe(0);
    await screenshot(page.page, 'import-04-week');
  });

  it('classifies an event from the review inbox with the keyboard', async () => {
    const page = new WeekPage(await app.page(await importer(true)));
    await page.open(week);
    await page.reviewBanner.waitFor();
    await page.page.getByRole('link', { name: /Review them/ }).click();
    const review = new ReviewPage(page.page);
    await review.items.first().waitFor();
    const before = await review.items.count();
    const title = await review.titleOf(0);
    await screenshot(page.page, 'import-05-review');
    await review.classify(0, '2');
    await expect.poll(() => review.items.filter({ hasText: title }).count()).toBe(0);
    expect(await review.items.count()).toBe(before - 1);
    // The decision is stored: the event sits in Q2 on its week.
    await page.open(week);
    await expect.poll(() => page.card(title).getAttribute('data-quadrant')).toBe('q2');
  });

  it('writes a rule, testing it against the last 8 weeks first', async () => {
    const page = new ImportPage(await app.page(await importer(true)));
    await page.open();
    const rules = new RulesPage(page.page);
    await rules.openFromHeader();
    await rules.draft({
      name: 'Northwind meetings',
      domains: 'northwind.example',
      important: true,
      urgent: false,
    });
    await rules.testDraft();
    await expect
      .poll(() => rules.testResult.textContent(), { timeout: 15_000 })
      .toMatch(/Matches \d+ events?, would change \d+/);
    await screenshot(page.page, 'import-06-rule-test');
    await rules.saveDraft();
    await page.page.getByText(/Rule saved; \d+ events? re-classified/).waitFor();
    await rules.row('Northwind meetings').waitFor();
    await screenshot(page.page, 'import-07-rules');
  });

  it('lists the lines it cannot read, and imports the rest when asked', async () => {
    const page = await importPage(await importer(false));
    await page.choose(writeIcs(files, 'broken.ics', brokenCalendar));
    await page.preview();
    await page.error.waitFor();
    expect(await page.error.textContent()).toMatch(/Line \d+/);
    await screenshot(page.page, 'import-08-unreadable');
    await page.skipUnreadableAndPreview();
    await expect.poll(() => page.result.textContent()).toMatch(/1\s*would add/);
    expect(await page.result.textContent()).toMatch(/1 event skipped/);
    expect(await page.skipInvalid.isChecked()).toBe(true);
  });
});

describe('an import is whole or not there, also when the process dies while it writes', () => {
  /** 20,000 meetings of last year: the rows take the server a moment to write. */
  const year = icsCalendar(
    Array.from({ length: 20_000 }, (_, i) => {
      const start = `${compactDay(addDays(monday, -1 - (i % 300)))}T${String(7 + (i % 11)).padStart(2, '0')}0000Z`;
      return {
        uid: `load-${i}@e2e.test`,
        summary: `Meeting ${i}`,
        start,
        end: start.replace('0000Z', '3000Z'),
      };
    }),
  );

  it('kill -9 once the writing has begun leaves no calendar and no activities', async () => {
    const dataDir = tempDir('e2e-kill-writing');
    const first = await startServer({ LINCHPIN_DATA_DIR: dataDir });
    const cookie = await setUp(first.url, undefined, 'UTC');
    const response = await fetch(`${first.url}/api/imports?fileName=year.ics`, {
      method: 'POST',
      headers: { cookie, origin: first.url, 'content-type': 'text/calendar', accept: 'application/x-ndjson' },
      body: year,
    });
    // Reading the file is the first half of the progress, writing its rows the second.
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let seen = '';
    let writing = false;
    while (!writing) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += decoder.decode(value, { stream: true });
      writing = seen
        .split('\n')
        .slice(0, -1)
        .some((line) => {
          const progress = (JSON.parse(line) as { progress?: { done: number; total: number } }).progress;
          return (
            progress !== undefined && progress.done > progress.total / 2 && progress.done < progress.total
          );
        });
    }
    expect(writing).toBe(true);
    await first.kill9();
    await reader.cancel().catch(() => {});
    const again = await startServer({ LINCHPIN_DATA_DIR: dataDir });
    const api = new Api(again.url, { cookie });
    expect((await api.get<{ items: unknown[] }>('/calendars')).items).toHaveLength(0);
    expect((await api.get<{ items: unknown[] }>('/activities')).items).toHaveLength(0);
    await again.stop();
  }, 120_000);
});
