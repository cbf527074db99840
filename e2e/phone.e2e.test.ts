import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { icsCalendar } from '../test/ics.ts';
import { screenshot } from './browser.ts';
import { addDays, compactDay, localToday } from './dates.ts';
import { fileHarness, freshDataDir, type Person } from './harness.ts';
import { everySignedInPage } from './pages/every-page.ts';
import { PHONE, PhoneShell, TodayPage } from './pages/phone.ts';
import { TouchWeekPage, WeekPage } from './pages/week.ts';
import { startServer } from './server.ts';

const app = fileHarness({ name: 'phone' });

/** The narrowest phone the layout is for. */
const NARROW: BrowserContextOptions = { ...PHONE, viewport: { width: 360, height: 780 } };

/** A person's activities of today, as the API lists them. */
async function todaysActivities(person: Person) {
  const today = localToday();
  const { items } = await person.get(`/activities?from=${today}T00:00&to=${addDays(today, 1)}T00:00`);
  return items as {
    id: string;
    title: string;
    urgent: boolean;
    important: boolean;
    minutes: number;
    accountId: string | null;
  }[];
}

/** The page's width and the screen's, once the page has loaded (nothing busy any more). */
async function sideways(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

describe('Linchpin on a phone', () => {
  it('opens on Today, with tabs at the bottom that lead where they say and More for the rest', async () => {
    const person = await app.person('Pia Phone');
    const shell = new PhoneShell(await app.page(person, PHONE));
    await shell.page.goto('/');
    await new TodayPage(shell.page).form.waitFor();
    expect(shell.location()).toBe('today');
    expect(await shell.bottomNav.isVisible()).toBe(true);
    expect(await shell.headerNav.isVisible()).toBe(false);
    expect(await shell.tab('Today').getAttribute('aria-current')).toBe('page');

    for (const [tab, route] of [
      ['Week', /^week\/\d{4}-W\d{2}$/],
      ['Plan', /^plan$/],
      ['Accounts', /^accounts$/],
      ['Today', /^today$/],
    ] as const) {
      await shell.tab(tab).click();
      await expect.poll(() => shell.location()).toMatch(route);
      // The address changes first; the tabs follow on the next render.
      await expect.poll(() => shell.tab(tab).getAttribute('aria-current')).toBe('page');
    }

    // More: the other pages in a sheet; Escape closes it and focus goes back to More.
    await shell.openMore();
    await screenshot(shell.page, 'phone-more');
    for (const name of ['Review inbox', 'Import', 'Rules', 'Reflections', 'Settings'])
      expect(await shell.moreItem(name).isVisible()).toBe(true);
    // A member leads no team.
    expect(await shell.moreItem('Team').count()).toBe(0);
    expect(await shell.moreSheet.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    await shell.page.keyboard.press('Escape');
    await shell.moreSheet.waitFor({ state: 'detached' });
    expect(await shell.more.evaluate((button) => button === document.activeElement)).toBe(true);

    await shell.openMore();
    await shell.moreItem('Rules').click();
    await shell.moreSheet.waitFor({ state: 'detached' });
    await expect.poll(() => shell.location()).toBe('rules');
    expect(await shell.more.getAttribute('class')).toContain('bottom-nav__tab--within');
  });

  it('logs time from Today: a title, 45 minutes, an account and Q2', async () => {
    const person = await app.person('Quinn Quick');
    const account = await person.post('/accounts', { name: 'Harbour Freight' });
    const today = new TodayPage(await app.page(person, PHONE));
    await today.open();
    await today.logTime({
      title: 'Site visit at the depot',
      minutes: 45,
      account: 'Harbour Freight',
      quadrant: 'q2',
    });
    await screenshot(today.page, 'phone-today');

    const [logged] = (await todaysActivities(person)).filter((a) => a.title === 'Site visit at the depot');
    expect(logged).toMatchObject({ urgent: false, important: true, minutes: 45, accountId: account.id });
    // Ready for the next one.
    expect(await today.form.getByLabel('What did you do?').inputValue()).toBe('');

    const week = new TouchWeekPage(today.page);
    await new PhoneShell(today.page).tab('Week').click();
    await week.cardsIn('q2').filter({ hasText: 'Site visit at the depot' }).waitFor();
  });

  it('stacks the quadrants on the Week and moves a card with Move to…', async () => {
    const person = await app.person('Mo Mover');
    const forecast = await person.post('/activities', {
      title: 'Forecast call with sales ops',
      startsAt: `${localToday()}T09:00`,
      minutes: 60,
      urgent: true,
      important: false,
    });
    const week = new TouchWeekPage(await app.page(person, PHONE));
    await week.open();
    await week.card('Forecast call with sales ops').waitFor();

    // One column, Q1 to Q4 from the top; each says its share and time.
    const boxes = await Promise.all(
      (['q1', 'q2', 'q3', 'q4'] as const).map((q) => week.page.getByTestId(`quadrant-${q}`).boundingBox()),
    );
    for (const [above, below] of [
      [0, 1],
      [1, 2],
      [2, 3],
    ] as const) {
      expect(boxes[above]?.x).toBe(boxes[below]?.x);
      expect((boxes[above]?.y ?? 0) + (boxes[above]?.height ?? 0)).toBeLessThanOrEqual(boxes[below]?.y ?? 0);
    }
    expect(await week.share('q3').textContent()).toMatch(/100\s?%/);
    expect(await week.page.getByTestId('hours-q3').textContent()).toMatch(/1(\.0)? h/);
    await screenshot(week.page, 'phone-week');

    // Escape closes the menu without moving anything; focus is back on the card's Move.
    await week.moveButton('Forecast call with sales ops').click();
    await week.moveSheet.waitFor();
    await screenshot(week.page, 'phone-move-to');
    // A sheet from the bottom of the screen, within a thumb's reach.
    const sheet = await week.moveSheet.boundingBox();
    expect(Math.round((sheet?.y ?? 0) + (sheet?.height ?? 0))).toBe(844);
    expect(await week.moveSheet.getByRole('button', { name: /^Q3 / }).count()).toBe(0);
    await week.page.keyboard.press('Escape');
    await week.moveSheet.waitFor({ state: 'detached' });
    expect(
      await week
        .moveButton('Forecast call with sales ops')
        .evaluate((button) => button === document.activeElement),
    ).toBe(true);

    await week.moveTo('Forecast call with sales ops', 'q2');
    await week.cardsIn('q2').filter({ hasText: 'Forecast call with sales ops' }).waitFor();
    expect(await week.cardsIn('q3').count()).toBe(0);
    await expect.poll(() => week.share('q2').textContent()).toMatch(/100\s?%/);
    expect(await week.page.locator('[aria-live="polite"]').allTextContents()).toContain(
      'Moved ‘Forecast call with sales ops’ to Q2 Build the legacy.',
    );
    const stored = await person.get(`/activities/${forecast.id}`);
    expect(stored).toMatchObject({ urgent: false, important: true });
  });

  describe('with the demo loaded, at 360 px', () => {
    // One demo for every check below; each check is its own test so none runs for minutes.
    let northwind: { id: string };
    let roundId: string;
    let ratingPath: string;
    const narrowest = () => app.page(app.owner, NARROW);
    const wider = (widths: Record<string, { scrollWidth: number; innerWidth: number }>) =>
      Object.fromEntries(
        Object.entries(widths).filter(([, w]) => w.scrollWidth > 360 || w.innerWidth !== 360),
      );
    const measure = async (page: Page, hash: string) => {
      await page.goto('about:blank');
      await page.goto(`/#/${hash}`);
      return sideways(page);
    };

    beforeAll(async () => {
      const owner = app.owner;
      await owner.post('/demo');
      const { items: accounts } = await owner.get('/accounts');
      northwind = accounts.find((a: { name: string }) => a.name === 'Northwind Foods');
      // A goal named by one long word, on an activity listed on the account page.
      const goal = await owner.post(`/accounts/${northwind.id}/goals`, {
        dimension: 'capability',
        title: 'Northwind-runs-its-own-supply-chain-forecasting-in-every-region-by-2028',
      });
      const workshop = await owner.post('/activities', {
        title: 'Forecasting workshop',
        startsAt: `${addDays(localToday(), -1)}T10:00`,
        minutes: 60,
        urgent: false,
        important: true,
        accountId: northwind.id,
      });
      await owner.patch(`/activities/${workshop.id}`, { goalId: goal.id });
      const [round] = (await owner.get(`/accounts/${northwind.id}/scorecard`)).items;
      roundId = round.id;
      ratingPath = (await owner.post(`/scorecard/rounds/${round.id}/invitations`, {})).path;
    });

    it('scrolls no signed-in page sideways', async () => {
      const page = await narrowest();
      const widths: Record<string, { scrollWidth: number; innerWidth: number }> = {};
      for (const [name, hash] of everySignedInPage({ accountId: northwind.id, roundId }))
        widths[name] = await measure(page, hash);
      await screenshot(page, 'phone-360-settings-audit');
      expect(wider(widths)).toEqual({});
    });

    it('scrolls the review inbox sideways neither empty nor full of long titles', async () => {
      const page = await narrowest();
      const reviewItems = page.getByTestId('review-item');
      const widths: Record<string, { scrollWidth: number; innerWidth: number }> = {};
      widths['Review, empty'] = await measure(page, 'review');
      expect(await reviewItems.count()).toBe(0);

      const day = compactDay(addDays(localToday(), -2));
      const events: [string, string][] = [
        ['Quarterly pipeline and territory planning review with regional leads', '10'],
        ['Catch-up', '14'],
      ];
      await app.owner.call(
        'POST',
        '/imports?calendar=phone-calendar',
        icsCalendar(
          events.map(([summary, hour], i) => ({
            uid: `phone-${i}@e2e.test`,
            summary,
            start: `${day}T${hour}0000Z`,
            end: `${day}T${hour}4500Z`,
          })),
        ),
        'text/calendar',
      );
      widths['Review, full'] = await measure(page, 'review');
      expect(await reviewItems.count()).toBeGreaterThan(0);
      expect(wider(widths)).toEqual({});
    });

    it('scrolls no signed-out page sideways: the rating form, sign-in and setup', async () => {
      const widths: Record<string, { scrollWidth: number; innerWidth: number }> = {};
      const visitor = await app.page(undefined, NARROW);
      await visitor.goto(ratingPath);
      await visitor.getByRole('button', { name: 'Send my answers' }).waitFor();
      widths['the rating form'] = await sideways(visitor);
      await visitor.goto('/#/');
      await visitor.getByRole('button', { name: 'Sign in' }).waitFor();
      widths['sign-in'] = await sideways(visitor);

      const fresh = await startServer({ LINCHPIN_DATA_DIR: freshDataDir('phone-setup') });
      try {
        const setup = await app.page(undefined, { ...NARROW, baseURL: fresh.url });
        await setup.goto('/');
        await setup.getByLabel('Workspace name').waitFor();
        widths.setup = await sideways(setup);
      } finally {
        await fresh.stop();
      }
      expect(wider(widths)).toEqual({});
    });

    it('shows the pages a phone opens most as a person sees them (screenshots)', async () => {
      const phone = await app.page(app.owner, PHONE);
      const shots: [string, string][] = [
        ['phone-plan', 'plan'],
        ['phone-account', `accounts/${northwind.id}`],
        ['phone-week-demo', 'week'],
        ['phone-today-demo', 'today'],
        ['phone-round', `scorecard/${roundId}`],
        ['phone-review', 'review'],
        ['phone-team', 'team'],
      ];
      for (const [name, hash] of shots) {
        const width = await measure(phone, hash);
        expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);
        await screenshot(phone, name);
      }
    });
  });

  it('keeps the header’s navigation at 1280 px, with no tabs at the bottom', async () => {
    const person = await app.person('Dee Desktop');
    await person.post('/activities', {
      title: 'Account plan for the quarter',
      startsAt: `${localToday()}T09:00`,
      minutes: 90,
      urgent: false,
      important: true,
    });
    const page = await app.page(person, { viewport: { width: 1280, height: 900 } });
    const week = new WeekPage(page);
    await page.goto('/');
    await week.card('Account plan for the quarter').waitFor();
    const shell = new PhoneShell(page);
    expect(await shell.headerNav.isVisible()).toBe(true);
    expect(await shell.bottomNav.isVisible()).toBe(false);
    expect(await week.button(/^Move ‘/).count()).toBe(0);
    await screenshot(page, 'desktop-week');
  });
});
