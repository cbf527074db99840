import { beforeEach, describe, expect, it } from 'vitest';
import { Api } from './api.ts';
import { screenshot } from './browser.ts';
import { fileHarness } from './harness.ts';
import { AccountsPage } from './pages/accounts.ts';
import { RatingFormPage, RoundPage } from './pages/scorecard.ts';
import { WeekPage } from './pages/week.ts';

const app = fileHarness({ name: 'scorecard', context: { viewport: { width: 1440, height: 1100 } } });
beforeEach(() => app.deleteAccounts());

const NORTHWIND = 'Northwind Traders';
/** Our view of both organisations, and the customer's, as the score buttons name them. */
const OURS = {
  us: { trading: 4, credibility: 4, connectivity: 5, collaboration: 4 },
  them: { trading: 3, opportunity: 4 },
};
const THEIRS = {
  us: { trading: 2, credibility: 3, connectivity: 2 },
  them: { trading: 4, opportunity: 2 },
};

const scores = (rating: Record<string, Record<string, number>>) =>
  Object.entries(rating).flatMap(([target, bySubject]) =>
    Object.entries(bySubject).map(([subject, score]) => ({ target, subject, score })),
  );

/** A new person's Northwind Traders with the round Q4 2026, made through the API; its page open. */
async function round() {
  const person = await app.person('Rita Rater');
  const account = await person.post('/accounts', { name: NORTHWIND });
  const made = await person.post(`/accounts/${account.id}/scorecard`, { name: 'Q4 2026' });
  const page = new RoundPage(await app.page(person));
  await page.open(made.id);
  await page.heading(/Q4 2026/).waitFor();
  return { person, id: made.id as string, page };
}

describe('the honest-conversation scorecard, in two browsers', () => {
  it('opens a round for an account', async () => {
    const accounts = new AccountsPage(await app.page(await app.person('Rita Rater')));
    await accounts.open();
    const account = await accounts.create({ name: NORTHWIND });
    const page = await account.openRound('Q4 2026');
    // Before anyone rates, the views say so instead of showing zero.
    await expect.poll(() => page.raters('We rate us (no raters yet)').count()).toBe(1);
  });

  it('rates both organisations as the owner', async () => {
    const { page } = await round();
    await page.rate('Acme Supplies', OURS.us);
    await page.rate(NORTHWIND, OURS.them);
    await page.page.getByLabel('Evidence for Connectivity: Acme Supplies').fill('We meet their COO monthly');
    await page.saveRating();
    await page.page.getByText('Your rating is saved.').waitFor();
    await expect.poll(() => page.raters('We rate us (1 rater)').count()).toBe(1);
  });

  it('creates a customer link', async () => {
    const { page } = await round();
    expect(await page.createLink('Tom Becker')).toMatch(/#\/rate\/[\w-]{43}$/);
  });

  it('lets the customer rate in a second browser context, without an account', async () => {
    const { person, id } = await round();
    const { path } = await person.post(`/scorecard/rounds/${id}/invitations`, { label: 'Tom Becker' });
    const form = new RatingFormPage(await app.page(undefined, { viewport: { width: 1200, height: 1100 } }));
    const requests: string[] = [];
    form.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await form.open(path);
    await form.heading('Acme Supplies and Northwind Traders: Q4 2026').waitFor();
    // The form asks for nothing else of the workspace.
    expect(requests.filter((p) => p.startsWith('/api/') && !p.startsWith('/api/public/'))).toEqual([]);
    await form.raterName.fill('Tom Becker');
    await form.rate('Acme Supplies (supplier)', THEIRS.us);
    await form.rate('Northwind Traders (your organisation)', THEIRS.them);
    await screenshot(form.page, 'scorecard-customer-form');
    await form.send();
    await form.thanks.waitFor();
    // The link works once.
    await form.page.reload();
    await form.page.getByText('this rating link has already been used').waitFor();
  });

  it('shows the gap table and the radars in the first browser', async () => {
    const { person, id, page } = await round();
    await person.put(`/scorecard/rounds/${id}/my-rating`, { scores: scores(OURS) });
    const { token } = await person.post(`/scorecard/rounds/${id}/invitations`, { label: 'Tom Becker' });
    await new Api(app.url).post(`/public/scorecard/${token}`, {
      scores: scores(THEIRS),
      raterName: 'Tom Becker',
    });
    await page.page.reload();
    await expect.poll(() => page.raters('They rate us (1 rater)').count()).toBe(1);
    // We rate our connectivity 5, they rate it 2: the top of the agenda.
    await expect
      .poll(() => page.gapRows.first().textContent())
      .toMatch(/Connectivity\s*5\.0\s*2\.0\s*\+3\.0/);
    await page.radar('us').locator('svg').waitFor();
    await page.radar('them').locator('svg').waitFor();
    expect(await page.radar('us').getAttribute('aria-label')).toMatch(
      /Connectivity 5\.0 by us, 2\.0 by them/,
    );
    await page.page.getByRole('listitem').filter({ hasText: 'Tom Becker' }).first().waitFor();
    await screenshot(page.page, 'scorecard-round');
  });

  it('turns an agreed action into a planned Q2 activity', async () => {
    const { page } = await round();
    await page.addAction('Introduce our COO to their supply-chain director');
    await page.follow(`← ${NORTHWIND}`);
    await page.page.getByTestId('round-row').filter({ hasText: 'Q4 2026' }).waitFor();
    // Planned for next Monday 09:00: a Q2 card on next week's board.
    const week = new WeekPage(page.page);
    await week.openFromHeader();
    await week.nextWeek();
    await page.page.locator('.card--q2').filter({ hasText: 'Introduce our COO' }).waitFor();
  });
});
