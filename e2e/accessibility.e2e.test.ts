import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { icsCalendar } from '../test/ics.ts';
import { blockingViolations, describeFindings, type Finding } from './axe.ts';
import { screenshot } from './browser.ts';
import { addDays, compactDay, localToday } from './dates.ts';
import { fileHarness, freshDataDir, type Person } from './harness.ts';
import { type DemoPlaces, everySignedInPage } from './pages/every-page.ts';
import { PHONE, PhoneShell } from './pages/phone.ts';
import { TouchWeekPage, WeekPage } from './pages/week.ts';
import { startServer } from './server.ts';

const app = fileHarness({ name: 'accessibility' });
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** Axe findings per place, filled as a test walks its pages; the test fails listing them all. */
class Audit {
  readonly findings: Record<string, Finding[]> = {};

  constructor(private readonly theme: 'light' | 'dark') {}

  /**
   * A page in this theme (the system setting the app follows). The app's CSP allows no inline
   * script, so this page lets the test's own axe-core in.
   */
  async page(person: Person | undefined, options: BrowserContextOptions): Promise<Page> {
    const page = await app.page(person, { ...options, bypassCSP: true });
    await page.emulateMedia({ colorScheme: this.theme });
    return page;
  }

  async check(where: string, page: Page): Promise<void> {
    const found = await blockingViolations(page);
    if (found.length > 0) {
      this.findings[where] = found;
      await screenshot(page, `a11y-${this.theme}-${where.replace(/\W+/g, '-')}`);
    }
  }

  async visit(where: string, page: Page, hash: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`/#/${hash}`);
    await this.check(where, page);
  }

  expectNone(): void {
    const lines = describeFindings(this.findings);
    if (lines.length > 0) console.log(`axe-core, ${this.theme}:\n${lines.join('\n')}`);
    expect(lines).toEqual([]);
  }
}

let demo: DemoPlaces;
let ratingLink: string;
/** A Sales Leader with one Customer Manager, who logged a little time this week. */
let leader: Person;

beforeAll(async () => {
  const owner = app.owner;
  await owner.post('/demo');
  const { items: accounts } = await owner.get('/accounts');
  const northwind = accounts.find((a: { name: string }) => a.name === 'Northwind Foods');
  const [round] = (await owner.get(`/accounts/${northwind.id}/scorecard`)).items;
  demo = { accountId: northwind.id, roundId: round.id };
  ratingLink = (await owner.post(`/scorecard/rounds/${round.id}/invitations`, {})).path;
  leader = await app.person('Lena Leader', { role: 'leader' });
  const member = await app.person('Milo Member', { leaderId: leader.id });
  await member.post('/activities', {
    title: 'Site visit',
    startsAt: `${localToday()}T09:00`,
    minutes: 90,
    urgent: false,
    important: true,
  });
  // Events no rule places, so the review inbox has rows to check.
  const day = compactDay(addDays(localToday(), -2));
  await owner.call(
    'POST',
    '/imports?calendar=a11y-calendar',
    icsCalendar(
      ['Catch-up', 'Sync'].map((summary, i) => ({
        uid: `a11y-${i}@e2e.test`,
        summary,
        start: `${day}T1${i}0000Z`,
        end: `${day}T1${i}4500Z`,
      })),
    ),
    'text/calendar',
  );
});

describe.each(['light', 'dark'] as const)('axe-core in the %s theme', (theme) => {
  it('finds nothing serious on any page the owner opens, with the demo loaded', {
    timeout: 240_000,
  }, async () => {
    const audit = new Audit(theme);
    const page = await audit.page(app.owner, DESKTOP);
    for (const [name, hash] of [...everySignedInPage(demo), ['Review inbox', 'review'] as const])
      await audit.visit(name, page, hash);

    const week = new WeekPage(page);
    await week.open();
    await week.cards.first().click();
    await week.dialog('Edit activity').waitFor();
    await audit.check('the edit dialog', page);
    await audit.visit('Team, a leader', await audit.page(leader, DESKTOP), 'team');
    audit.expectNone();
  });

  it('finds nothing serious on a phone: Today, the Week, the More and Move to… sheets', {
    timeout: 120_000,
  }, async () => {
    const audit = new Audit(theme);
    const page = await audit.page(app.owner, PHONE);
    await audit.visit('Today, phone', page, 'today');
    const week = new TouchWeekPage(page);
    await audit.visit('Week, phone', page, 'week');
    await week.cards.first().waitFor();
    await week
      .button(/^Move ‘.*’ to…$/)
      .first()
      .click();
    await week.moveSheet.waitFor();
    await audit.check('the Move to… sheet', page);
    await page.keyboard.press('Escape');
    const shell = new PhoneShell(page);
    await shell.openMore();
    await audit.check('the More sheet', page);
    audit.expectNone();
  });

  it('finds nothing serious where nobody is signed in: sign-in, setup, the rating form', {
    timeout: 120_000,
  }, async () => {
    const audit = new Audit(theme);
    const visitor = await audit.page(undefined, DESKTOP);
    await visitor.goto(ratingLink);
    await visitor.getByRole('button', { name: 'Send my answers' }).waitFor();
    await audit.check('the rating form', visitor);
    await audit.visit('sign-in', visitor, '');
    await audit.visit('forgot password', visitor, 'forgot');

    const fresh = await startServer({ LINCHPIN_DATA_DIR: freshDataDir('a11y-setup') });
    try {
      const setup = await audit.page(undefined, { ...DESKTOP, baseURL: fresh.url });
      await setup.goto('/');
      await setup.getByLabel('Workspace name').waitFor();
      await audit.check('setup', setup);
    } finally {
      await fresh.stop();
    }
    audit.expectNone();
  });
});

/** What has focus, as a person reading a failure needs it: tag, name or text. */
const focusedNow = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    return `${el.tagName.toLowerCase()} “${name}”`;
  });

/**
 * Whether the focused element shows that it has focus: an outline or a box-shadow on
 * `:focus-visible`, or for a chart's bar the ring the chart draws around it.
 */
const focusShows = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || !el.matches(':focus-visible')) return true;
    const style = getComputedStyle(el);
    if (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) return true;
    if (style.boxShadow !== 'none') return true;
    return Boolean(el.closest('svg')?.querySelector('.chart__focus'));
  });

/** Presses Tab until `target` has focus, noting every stop where focus does not show. */
async function tabTo(page: Page, target: Locator, unseen: string[]): Promise<void> {
  for (let presses = 0; presses < 120; presses++) {
    await page.keyboard.press('Tab');
    if (!(await focusShows(page))) unseen.push((await focusedNow(page)) ?? 'the page');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

describe('the Week with the keyboard only', () => {
  it('adds an activity, moves it to Q1 with a key, hears the move, edits and comes back', async () => {
    const person = await app.person('Kim Keys');
    const page = await app.page(person, DESKTOP);
    const week = new WeekPage(page);
    await week.open();
    await week.summary.waitFor();
    const unseen: string[] = [];

    // The quick add: the title, Important ticked with Space, Add pressed with Enter.
    const form = page.locator('form').filter({ has: week.button('Add', true) });
    await tabTo(page, form.getByLabel('Title'), unseen);
    await page.keyboard.type('Call the buyer about the pilot');
    await tabTo(page, form.getByLabel('Important'), unseen);
    await page.keyboard.press('Space');
    await tabTo(page, form.getByRole('button', { name: 'Add', exact: true }), unseen);
    await page.keyboard.press('Enter');
    const card = week.card('Call the buyer about the pilot');
    await card.waitFor();
    expect(await card.getAttribute('data-quadrant')).toBe('q2');
    const id = (await card.getAttribute('data-activity-id')) ?? '';

    // To the card, and 1 moves it to Q1: focus follows it and the board says so.
    await tabTo(page, card, unseen);
    await page.keyboard.press('1');
    await page
      .getByTestId('quadrant-q1')
      .getByTestId('activity-card')
      .filter({ hasText: 'Call the buyer' })
      .waitFor();
    await expect
      .poll(() => page.locator('[aria-live="polite"]').allTextContents())
      .toContain('Moved ‘Call the buyer about the pilot’ to Q1 Respond.');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-activity-id')))
      .toBe(id);
    await expect.poll(() => person.get(`/activities/${id}`)).toMatchObject({ urgent: true, important: true });

    // Enter opens the edit dialog, Escape closes it and focus is back on the card.
    await page.keyboard.press('Enter');
    const dialog = week.dialog('Edit activity');
    await dialog.waitFor();
    expect(await focusShows(page)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-activity-id')))
      .toBe(id);

    // The rest of the page, to its end: every stop shows its focus.
    for (let presses = 0; presses < 120 && (await focusedNow(page)) !== null; presses++) {
      await page.keyboard.press('Tab');
      if (!(await focusShows(page))) unseen.push((await focusedNow(page)) ?? 'the page');
    }
    expect(unseen).toEqual([]);
    await screenshot(page, 'keyboard-week');
  });
});

describe('charts in words', () => {
  it('gives the Week’s split and trend, the radar and the team heatmap a text alternative', async () => {
    const page = await app.page(app.owner, DESKTOP);
    const week = new WeekPage(page);
    await week.open();
    await page.getByRole('img', { name: /^Week split: Q1 \d+ %, Q2 \d+ %, Q3 \d+ %, Q4 \d+ %$/ }).waitFor();
    // The trend: a sentence for the whole chart, and each bar (a button to that week) names its figures.
    await week.trendChart
      .getByRole('img', {
        name: /^Stacked hours per quadrant for 12 weeks; on average \d+ % went to Q2 and \d+ % to Q3\.$/,
      })
      .waitFor();
    const bars = week.trendChart.getByRole('button', {
      name: /^\d{4}-W\d{2} · .*: Q1 [\d.]+ h, Q2 [\d.]+ h, Q3 [\d.]+ h, Q4 [\d.]+ h; total [\d.]+ h$/,
    });
    await expect.poll(() => bars.count()).toBe(12);

    // Each radar: one sentence with every subject's score by both sides.
    await page.goto(`/#/scorecard/${demo.roundId}`);
    const radars = page.getByRole('img', { name: /: Trading \S+ by us, \S+ by them; Credibility \S+ by us/ });
    await radars.first().waitFor();
    expect(await radars.count()).toBe(2);

    await page.goto('/#/team');
    const heatmap = page.getByTestId('team-heatmap');
    await heatmap.waitFor();
    expect(await heatmap.locator('caption').textContent()).not.toBe('');
    const cells = heatmap.getByRole('button', { name: / · \d{4}-W\d{2}: / });
    await expect.poll(() => cells.count()).toBeGreaterThanOrEqual(12);
  });
});
