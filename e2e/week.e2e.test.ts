import { describe, expect, it } from 'vitest';
import { FOUNDER } from './api.ts';
import { screenshot } from './browser.ts';
import { localToday } from './dates.ts';
import { fileHarness, freshDataDir, type Person } from './harness.ts';
import { SetupPage, SignInPage } from './pages/sign-in.ts';
import { WeekPage } from './pages/week.ts';
import { startServer } from './server.ts';

const app = fileHarness({ name: 'week', context: { viewport: { width: 1440, height: 1000 } } });

const FORECAST = 'Forecast call with sales ops';
const COFFEE = 'Coffee with the buyer';

/** Logs an hour at 09:00 today through the API. */
const log = (person: Person, title: string, flags: { urgent: boolean; important: boolean }) =>
  person.post('/activities', { title, startsAt: `${localToday()}T09:00`, minutes: 60, ...flags });

/** A new person's Week page, with the activities logged first. */
async function weekWith(...activities: [string, { urgent: boolean; important: boolean }][]) {
  const person = await app.person('Wendy Week');
  for (const [title, flags] of activities) await log(person, title, flags);
  const week = new WeekPage(await app.page(person));
  await week.open();
  return { person, week };
}

describe('the week on the matrix, in a browser', () => {
  it('sets up the workspace on the first visit', async () => {
    // A server no one has set up yet.
    const fresh = await startServer({ LINCHPIN_DATA_DIR: freshDataDir('first-visit') });
    try {
      const setup = new SetupPage(await app.page(undefined, { baseURL: fresh.url }));
      await setup.open();
      await setup.createWorkspace(FOUNDER);
      const week = new WeekPage(setup.page);
      await expect.poll(() => week.summary.textContent()).toMatch(/Nothing logged/);
      await screenshot(week.page, '01-empty-week');
    } finally {
      await fresh.stop();
    }
  });

  it('adds activities with quick-add and shows the shares', async () => {
    const { week } = await weekWith();
    await week.quickAdd({ title: FORECAST, urgent: true, important: false, minutes: 60, start: '09:00' });
    await week.quickAdd({ title: COFFEE, urgent: false, important: true, minutes: 60, start: '09:00' });
    expect(await week.card(FORECAST).getAttribute('data-quadrant')).toBe('q3');
    await expect.poll(() => week.share('q2').textContent()).toMatch(/50\s?%/);
    await expect.poll(() => week.share('q3').textContent()).toMatch(/50\s?%/);
  });

  it('drags a card from Q3 to Q2 and the shares follow', async () => {
    const { week } = await weekWith(
      [FORECAST, { urgent: true, important: false }],
      [COFFEE, { urgent: false, important: true }],
    );
    // Drag and drop loads right after the board shows; a person reaching for the mouse has it by then.
    await week.page.locator('.board[data-drag="on"]').waitFor();
    await week.drag(FORECAST, 'q2');
    await expect.poll(() => week.card(FORECAST).getAttribute('data-quadrant')).toBe('q2');
    await expect.poll(() => week.share('q2').textContent()).toMatch(/100\s?%/);
    await expect.poll(() => week.share('q3').textContent()).toMatch(/^\s*0\s?%/);
    await screenshot(week.page, '02-after-drag');
  });

  it('moves a card by keyboard: focus it and press 1', async () => {
    const { week } = await weekWith(
      [FORECAST, { urgent: false, important: true }],
      [COFFEE, { urgent: false, important: true }],
    );
    await week.card(COFFEE).focus();
    await week.page.keyboard.press('1');
    await expect.poll(() => week.card(COFFEE).getAttribute('data-quadrant')).toBe('q1');
    await expect.poll(() => week.share('q1').textContent()).toMatch(/50\s?%/);
    // The move is stored, not just shown.
    await week.page.reload();
    await expect.poll(() => week.card(COFFEE).getAttribute('data-quadrant')).toBe('q1');
  });

  it('deletes with undo', async () => {
    const { week } = await weekWith([COFFEE, { urgent: true, important: true }]);
    await (await week.edit(COFFEE)).delete();
    await expect.poll(() => week.card(COFFEE).count()).toBe(0);
    await week.button('Undo').click();
    await expect.poll(() => week.card(COFFEE).count()).toBe(1);
  });

  it('asks for the week before the bell, the trend and the account list', async () => {
    const person = await app.person('Wendy Week');
    await log(person, COFFEE, { urgent: false, important: true });
    const page = await app.page(person);
    // What the browser sent and had answered, in order: the server answers one query at a time on
    // the embedded database, so the board's requests go first and the rest after them.
    const events: string[] = [];
    const path = (url: string) => new URL(url).pathname;
    page.on('request', (request) => events.push(`asked ${path(request.url())}`));
    page.on('response', (response) => events.push(`answered ${path(response.url())}`));
    // Also when the page's code comes after the signed-in person (a slow network, a busy machine):
    // the shell then waits for the page's chunk, and the secondary requests must wait with it.
    let delayed = 0;
    await page.route(/\/assets\/WeekPage-[^/]*\.js$/, async (route) => {
      delayed++;
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    const week = new WeekPage(page);
    await week.open();
    await week.card(COFFEE).waitFor();
    expect(delayed, 'the Week chunk was delayed (its file name still matches)').toBe(1);
    await expect.poll(() => events.includes('asked /api/notifications')).toBe(true);
    await expect.poll(() => events.includes('asked /api/reports/trend')).toBe(true);
    await expect.poll(() => events.includes('asked /api/accounts')).toBe(true);
    const boardAnswered = Math.max(
      events.indexOf('answered /api/reports/week'),
      events.indexOf('answered /api/activities'),
    );
    for (const later of ['/api/notifications', '/api/reports/trend', '/api/accounts']) {
      expect(events.indexOf(`asked ${later}`), later).toBeGreaterThan(boardAnswered);
    }
  });

  it('signs out and in again, and the week is still there', async () => {
    const { person, week } = await weekWith([FORECAST, { urgent: false, important: true }]);
    await week.signOut();
    const signIn = new SignInPage(week.page);
    await signIn.submit(person.email, 'wrong password');
    await expect.poll(() => signIn.invalid.count()).toBeGreaterThan(0);
    await signIn.submit(person.email, person.password);
    await week.card(FORECAST).waitFor();
    await screenshot(week.page, '03-signed-in-again');
  });
});

describe('demo data in a browser', () => {
  it('fills an empty history with 12 weeks and shows the trend', async () => {
    const { week } = await weekWith();
    await week.loadDemo();
    await expect.poll(() => week.cards.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await week.trendChart.locator('svg').first().waitFor();
    await expect.poll(() => week.summary.textContent()).not.toMatch(/Nothing logged/);
    await week.previousWeek();
    await expect.poll(() => week.cards.count()).toBeGreaterThan(20);
    await screenshot(week.page, '04-demo-week');
  });
});
