import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icsCalendar } from '../test/ics.ts';
import { type Radicale, startRadicale } from '../test/radicale.ts';
import { screenshot } from './browser.ts';
import { addDays, compactDay, localToday } from './dates.ts';
import { fileHarness } from './harness.ts';
import { CaldavConnect, ImportPage, ReviewPage } from './pages/calendar.ts';

// Radicale runs on this machine's loopback: allowed as an admin would for an internal server.
const app = fileHarness({
  name: 'caldav',
  env: { LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS: '1', LINCHPIN_SECRET_KEY: 'e2e-caldav-key' },
  context: { viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' },
});

let radicale: Radicale;
beforeAll(async () => {
  radicale = await startRadicale();
  const work = await radicale.makeCalendar('work', 'Work', { color: '#2a6fdb' });
  const home = await radicale.makeCalendar('home', 'Home', { color: '#d9480f' });
  const day = compactDay(addDays(localToday(), 1));
  const event = (uid: string, summary: string, hour: number) =>
    icsCalendar([{ uid, summary, start: `${day}T${hour}0000Z`, end: `${day}T${hour + 1}0000Z` }]);
  await radicale.putEvent(work, 'globex', event('globex', 'Kickoff with Globex', 10));
  await radicale.putEvent(work, 'initech', event('initech', 'Initech renewal call', 13));
  await radicale.putEvent(home, 'dentist', event('dentist', 'Dentist', 16));
}, 30_000);
afterAll(() => radicale?.close());

const login = () => ({ url: radicale.url, username: radicale.username, password: radicale.password });

describe('connecting a CalDAV calendar in a browser', () => {
  it('finds the server’s calendars, connects the ticked one, and its events wait in Review', async () => {
    const person = await app.person('Cara Caldav');
    const connect = new CaldavConnect(await app.page(person));
    await connect.open();
    await connect.signIn(login());
    await expect.poll(() => connect.calendar('Work').isChecked()).toBe(true);
    expect(await connect.calendar('Home').isChecked()).toBe(true);
    await connect.calendar('Home').uncheck();
    await connect.writePlanTo('Work');
    await screenshot(connect.page, 'caldav-choose-1280');
    await connect.connect();
    await connect.toast(/Connected ‘127\.0\.0\.1’: 2 events added/);

    const imports = new ImportPage(connect.page);
    const row = imports.calendar('127.0.0.1');
    await expect
      .poll(() => row.textContent())
      .toMatch(
        /CalDAV.*alice · http:\/\/127\.0\.0\.1:\d+\/.*Work \(your plan is written here\).*2 activities/,
      );
    expect(await row.textContent()).not.toMatch(/Home/);
    await screenshot(connect.page, 'caldav-connected-1280');

    const review = new ReviewPage(connect.page);
    await review.open();
    await expect.poll(() => review.items.count()).toBe(2);
    const titles = [await review.titleOf(0), await review.titleOf(1)].sort();
    expect(titles).toEqual(['Initech renewal call', 'Kickoff with Globex']);
    expect(await connect.page.content()).not.toContain(radicale.password);
  });

  it('says which field is wrong when the password is, and fits a phone', async () => {
    const person = await app.person('Pia Phone');
    const connect = new CaldavConnect(await app.page(person, { viewport: { width: 390, height: 844 } }));
    await connect.open();
    await connect.signIn({ ...login(), password: 'not-the-password' });
    await connect.page.getByText(/was refused by 127\.0\.0\.1/).waitFor();
    await screenshot(connect.page, 'caldav-wrong-password-390');
    await connect.page.getByLabel('App password').fill(radicale.password);
    await connect.button('Find calendars').click();
    await connect.calendar('Work').waitFor();
    await screenshot(connect.page, 'caldav-choose-390');
    expect(await connect.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await connect.connect();
    await connect.toast(/Connected/);
    await screenshot(connect.page, 'caldav-connected-390');
    expect(await connect.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
