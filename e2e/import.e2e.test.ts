import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, setUpWorkspace } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
const owner = { email: 'ann@acme.test', password: 'correct horse battery' };
const files = mkdtempSync(join(tmpdir(), 'linchpin-import-files-'));

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const compact = (day: string) => day.replaceAll('-', '');

/** Last week's Monday (UTC): inside the import window and the rule test's last 8 weeks. */
function lastWeek(): { monday: string; week: string } {
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = new Date(today - ((now.getUTCDay() || 7) - 1) * DAY_MS - 7 * DAY_MS);
  const thursday = new Date(monday.getTime() + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return { monday: isoDay(monday), week: `${year}-W${String(week).padStart(2, '0')}` };
}

const { monday, week } = lastWeek();
const day = (offset: number) =>
  compact(isoDay(new Date(Date.parse(`${monday}T00:00:00Z`) + offset * DAY_MS)));

function event(lines: string[]): string[] {
  return ['BEGIN:VEVENT', `DTSTAMP:${day(0)}T080000Z`, ...lines, 'END:VEVENT'];
}

const calendar = (events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Linchpin e2e//EN',
    ...events.flat(),
    'END:VCALENDAR',
    '',
  ].join('\r\n');

const goodIcs = calendar([
  event([
    'UID:qbr@e2e.test',
    `DTSTART:${day(1)}T100000Z`,
    `DTEND:${day(1)}T110000Z`,
    'SUMMARY:Northwind quarterly business review',
    'ORGANIZER;CN=Ann Owner:mailto:ann@acme.test',
    'ATTENDEE;CN=Nina Buyer;PARTSTAT=ACCEPTED:mailto:nina@northwind.example',
    'ATTENDEE;CN=Olaf Ops;PARTSTAT=ACCEPTED:mailto:olaf@northwind.example',
    'ATTENDEE;CN=Ann Owner;PARTSTAT=ACCEPTED:mailto:ann@acme.test',
    'LOCATION:Northwind HQ',
  ]),
  event([
    'UID:catchup@e2e.test',
    `DTSTART:${day(2)}T150000Z`,
    `DTEND:${day(2)}T154500Z`,
    'SUMMARY:Catch-up with Sam',
    'ATTENDEE;CN=Sam Partner;PARTSTAT=ACCEPTED:mailto:sam@partner.example',
  ]),
  event([
    'UID:offsite@e2e.test',
    `DTSTART;VALUE=DATE:${day(2)}`,
    `DTEND;VALUE=DATE:${day(3)}`,
    'SUMMARY:Company offsite',
  ]),
  event([
    'UID:pitch@e2e.test',
    `DTSTART:${day(3)}T140000Z`,
    `DTEND:${day(3)}T150000Z`,
    'SUMMARY:Vendor pitch',
    'ORGANIZER:mailto:sales@vendor.example',
    'ATTENDEE;PARTSTAT=DECLINED:mailto:ann@acme.test',
  ]),
]);

const brokenIcs = calendar([
  event([
    'UID:fine@e2e.test',
    `DTSTART:${day(4)}T090000Z`,
    `DTEND:${day(4)}T100000Z`,
    'SUMMARY:Forecast review',
  ]),
  event(['UID:broken@e2e.test', 'DTSTART:not-a-date', 'SUMMARY:Broken event']),
]);

beforeAll(async () => {
  server = await startServer({
    LINCHPIN_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'linchpin-import-')), 'data'),
  });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId: 'UTC' });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const card = (title: string) => page.getByTestId('activity-card').filter({ hasText: title });
const result = () => page.getByTestId('import-result');

describe('importing a calendar, reviewing and writing rules, in a browser', () => {
  it('sets up the workspace and opens Import', async () => {
    await setUpWorkspace(page, server.url, { email: owner.email, password: owner.password });
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import', exact: true }).waitFor();
    await page.getByText('No calendars yet').waitFor();
    await screenshot(page, 'import-01-empty');
  });

  it('previews an .ics file: nothing written, figures shown', async () => {
    const path = join(files, 'work-calendar.ics');
    writeFileSync(path, goodIcs);
    await page.getByLabel('Calendar file').setInputFiles(path);
    await expect.poll(() => page.getByTestId('chosen-file').textContent()).toBe('work-calendar.ics');
    expect(await page.getByLabel('Calendar name').inputValue()).toBe('work-calendar');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await result().waitFor();
    await expect.poll(() => result().textContent()).toMatch(/Preview/);
    const text = (await result().textContent()) ?? '';
    expect(text).toMatch(/would add/);
    expect(text).toMatch(/all-day/);
    await screenshot(page, 'import-02-preview');
    // A dry run creates nothing.
    expect(await page.getByTestId('calendar-row').count()).toBe(0);
  });

  it('imports the file and shows the summary', async () => {
    await page.getByRole('button', { name: 'Import now' }).click();
    await expect
      .poll(() => result().textContent(), { timeout: 15_000 })
      .toMatch(/Imported into ‘work-calendar’/);
    const text = (await result().textContent()) ?? '';
    expect(text).toMatch(/4\s*added/);
    expect(text).toMatch(/1 all-day/);
    expect(text).toMatch(/1 declined/);
    await page.getByTestId('calendar-row').filter({ hasText: 'work-calendar' }).waitFor();
    await expect.poll(() => page.getByTestId('calendar-row').textContent()).toMatch(/4 activities/);
    await screenshot(page, 'import-03-imported');
  });

  it('shows the events on the Week page, with the ones that do not count apart', async () => {
    await page.goto(`${server.url}/#/week/${week}`);
    await card('Northwind quarterly business review').waitFor();
    await card('Catch-up with Sam').waitFor();
    const strip = page.getByTestId('not-counted');
    await strip.waitFor();
    expect(await strip.textContent()).toMatch(/Company offsite.*All day/);
    expect(await strip.textContent()).toMatch(/Vendor pitch.*Declined/);
    // Not-counted events are not cards on the board.
    expect(await card('Company offsite').count()).toBe(0);
    await screenshot(page, 'import-04-week');
  });

  it('classifies an event from the review inbox with the keyboard', async () => {
    await page.getByTestId('review-banner').waitFor();
    await page.getByRole('link', { name: /Review them/ }).click();
    const items = page.getByTestId('review-item');
    await items.first().waitFor();
    const before = await items.count();
    const titleOf = async (index: number) =>
      (await items.nth(index).locator('.review-row__title').textContent()) ?? '';
    const title = await titleOf(0);
    await screenshot(page, 'import-05-review');
    await items.first().focus();
    await page.keyboard.press('2');
    await expect.poll(() => items.filter({ hasText: title }).count()).toBe(0);
    expect(await items.count()).toBe(before - 1);
    // The decision is stored: the event sits in Q2 on its week.
    await page.goto(`${server.url}/#/week/${week}`);
    await expect.poll(() => card(title).getAttribute('data-quadrant')).toBe('q2');
  });

  it('writes a rule, testing it against the last 8 weeks first', async () => {
    await page.getByRole('link', { name: 'Rules', exact: true }).click();
    await page.getByRole('heading', { name: 'Rules', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New rule' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Rule name').fill('Northwind meetings');
    await dialog.getByLabel('Attendee email domains').fill('northwind.example');
    await dialog.getByLabel('Important').setChecked(true);
    await dialog.getByLabel('Urgent').setChecked(false);
    await dialog.getByRole('button', { name: 'Test against the last and next 8 weeks' }).click();
    await expect
      .poll(() => dialog.getByTestId('rule-test-result').textContent(), { timeout: 15_000 })
      .toMatch(/Matches \d+ events?, would change \d+/);
    await screenshot(page, 'import-06-rule-test');
    await dialog.getByRole('button', { name: 'Save rule' }).click();
    await page.getByText(/Rule saved; \d+ events? re-classified/).waitFor();
    await page.getByTestId('rule-row').filter({ hasText: 'Northwind meetings' }).waitFor();
    await screenshot(page, 'import-07-rules');
  });

  it('lists the lines it cannot read, and imports the rest when asked', async () => {
    const path = join(files, 'broken.ics');
    writeFileSync(path, brokenIcs);
    // A fresh page, whatever the previous step left open.
    await page.goto(`${server.url}/#/import`);
    await page.reload();
    await page.getByLabel('Calendar file').setInputFiles(path);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const failure = page.getByTestId('import-error');
    await failure.waitFor();
    expect(await failure.textContent()).toMatch(/Line \d+/);
    await screenshot(page, 'import-08-unreadable');
    await page.getByRole('button', { name: 'Skip them and preview again' }).click();
    await expect.poll(() => result().textContent()).toMatch(/1\s*would add/);
    expect(await result().textContent()).toMatch(/1 event skipped/);
    expect(await page.getByLabel('Skip events that cannot be read').isChecked()).toBe(true);
  });
});
