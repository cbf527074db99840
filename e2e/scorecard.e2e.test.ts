import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, launchChromium, screenshot, setUpWorkspace } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let link = '';

beforeAll(async () => {
  server = await startServer({
    LINCHPIN_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'linchpin-scorecard-')), 'data'),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Presses the score buttons of one organisation for each subject. */
async function rate(on: Page, side: string, scores: Record<string, number>) {
  for (const [subject, score] of Object.entries(scores)) {
    await on
      .getByTestId(`rate-${subject}`)
      .getByRole('button', { name: `${side}: ${score} of 5` })
      .click();
  }
}

describe('the honest-conversation scorecard, in two browsers', () => {
  it('opens a round for an account', async () => {
    await setUpWorkspace(page, server.url);
    await addAccount(page, 'Northwind Traders');

    await page.getByRole('button', { name: 'Open a round' }).click();
    const open = page.getByRole('dialog', { name: 'Open a scorecard round' });
    await open.getByLabel('Round').fill('Q4 2026');
    await open.getByRole('button', { name: 'Open round' }).click();
    await page.getByRole('heading', { name: /Q4 2026/ }).waitFor();
    // Before anyone rates, the views say so instead of showing zero.
    await expect.poll(() => page.getByText('We rate us (no raters yet)').count()).toBe(1);
  });

  it('rates both organisations as the owner', async () => {
    await rate(page, 'Acme Supplies', { trading: 4, credibility: 4, connectivity: 5, collaboration: 4 });
    await rate(page, 'Northwind Traders', { trading: 3, opportunity: 4 });
    await page.getByLabel('Evidence for Connectivity: Acme Supplies').fill('We meet their COO monthly');
    await page.getByRole('button', { name: 'Save my rating' }).click();
    await page.getByText('Your rating is saved.').waitFor();
    await expect.poll(() => page.getByText('We rate us (1 rater)').count()).toBe(1);
  });

  it('creates a customer link', async () => {
    await page.getByLabel('For', { exact: true }).fill('Tom Becker');
    await page.getByRole('button', { name: 'Create link' }).click();
    link = await page.getByTestId('rating-link').inputValue();
    expect(link).toMatch(/#\/rate\/[\w-]{43}$/);
  });

  it('lets the customer rate in a second browser context, without an account', async () => {
    const customer = await browser.newContext({ viewport: { width: 1200, height: 1100 } });
    const form = await customer.newPage();
    const requests: string[] = [];
    form.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await form.goto(link);
    await form.getByRole('heading', { name: 'Acme Supplies and Northwind Traders: Q4 2026' }).waitFor();
    // The form asks for nothing else of the workspace.
    expect(requests.filter((p) => p.startsWith('/api/') && !p.startsWith('/api/public/'))).toEqual([]);
    await form.getByLabel('Your name (optional)').fill('Tom Becker');
    await rate(form, 'Acme Supplies (supplier)', { trading: 2, credibility: 3, connectivity: 2 });
    await rate(form, 'Northwind Traders (your organisation)', { trading: 4, opportunity: 2 });
    await screenshot(form, 'scorecard-customer-form');
    await form.getByRole('button', { name: 'Send my answers' }).click();
    await form.getByTestId('rate-thanks').waitFor();
    // The link works once.
    await form.reload();
    await form.getByText('this rating link has already been used').waitFor();
    await customer.close();
  });

  it('shows the gap table and the radars in the first browser', async () => {
    await page.reload();
    await expect.poll(() => page.getByText('They rate us (1 rater)').count()).toBe(1);
    const first = page.getByTestId('gap-row').first();
    // We rate our connectivity 5, they rate it 2: the top of the agenda.
    await expect.poll(() => first.textContent()).toMatch(/Connectivity\s*5\.0\s*2\.0\s*\+3\.0/);
    await page.getByTestId('radar-us').locator('canvas').waitFor();
    await page.getByTestId('radar-them').locator('canvas').waitFor();
    expect(await page.getByTestId('radar-us').getAttribute('aria-label')).toMatch(
      /Connectivity 5\.0 by us, 2\.0 by them/,
    );
    await page.getByRole('listitem').filter({ hasText: 'Tom Becker' }).first().waitFor();
    await screenshot(page, 'scorecard-round');
  });

  it('turns an agreed action into a planned Q2 activity', async () => {
    await page.getByLabel('New agreed action').fill('Introduce our COO to their supply-chain director');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByTestId('agreed-action').filter({ hasText: 'Introduce our COO' }).waitFor();
    await page.getByRole('link', { name: '← Northwind Traders' }).click();
    await page.getByTestId('round-row').filter({ hasText: 'Q4 2026' }).waitFor();
    // Planned for next Monday 09:00: a Q2 card on next week's board.
    await page.getByRole('link', { name: 'Week' }).click();
    await page.getByTestId('week-label').waitFor();
    await page.getByRole('button', { name: /next week/i }).click();
    await page.locator('.card--q2').filter({ hasText: 'Introduce our COO' }).waitFor();
  });
});
