import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragTo, launchChromium, screenshot, setUpWorkspace } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
const owner = { email: 'ann@acme.test', password: 'correct horse battery' };

beforeAll(async () => {
  server = await startServer({
    LINCHPIN_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'linchpin-web-')), 'data'),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const share = (q: string) => page.getByTestId(`share-${q}`);
const card = (title: string) => page.getByTestId('activity-card').filter({ hasText: title });

async function quickAdd(title: string, flags: { urgent: boolean; important: boolean }, minutes = 60) {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add', exact: true }) });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Minutes').fill(String(minutes));
  await form.getByLabel('Start').fill('09:00');
  await form.getByLabel('Urgent').setChecked(flags.urgent);
  await form.getByLabel('Important').setChecked(flags.important);
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await card(title).waitFor();
}

describe('the week on the matrix, in a browser', () => {
  it('sets up the workspace on the first visit', async () => {
    await setUpWorkspace(page, server.url, { email: owner.email, password: owner.password });
    await expect.poll(() => page.getByTestId('week-summary').textContent()).toMatch(/Nothing logged/);
    await screenshot(page, '01-empty-week');
  });

  it('adds activities with quick-add and shows the shares', async () => {
    await quickAdd('Forecast call with sales ops', { urgent: true, important: false });
    await quickAdd('Coffee with the buyer', { urgent: false, important: true });
    expect(await card('Forecast call with sales ops').getAttribute('data-quadrant')).toBe('q3');
    await expect.poll(() => share('q2').textContent()).toMatch(/50\s?%/);
    await expect.poll(() => share('q3').textContent()).toMatch(/50\s?%/);
  });

  it('drags a card from Q3 to Q2 and the shares follow', async () => {
    await dragTo(
      page,
      '[data-testid="activity-card"]:has-text("Forecast call with sales ops")',
      '[data-testid="quadrant-q2"]',
    );
    await expect.poll(() => card('Forecast call with sales ops').getAttribute('data-quadrant')).toBe('q2');
    await expect.poll(() => share('q2').textContent()).toMatch(/100\s?%/);
    await expect.poll(() => share('q3').textContent()).toMatch(/^\s*0\s?%/);
    await screenshot(page, '02-after-drag');
  });

  it('moves a card by keyboard: focus it and press 1', async () => {
    await card('Coffee with the buyer').focus();
    await page.keyboard.press('1');
    await expect.poll(() => card('Coffee with the buyer').getAttribute('data-quadrant')).toBe('q1');
    await expect.poll(() => share('q1').textContent()).toMatch(/50\s?%/);
    // The move is stored, not just shown.
    await page.reload();
    await expect.poll(() => card('Coffee with the buyer').getAttribute('data-quadrant')).toBe('q1');
  });

  it('deletes with undo', async () => {
    await card('Coffee with the buyer').click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => card('Coffee with the buyer').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => card('Coffee with the buyer').count()).toBe(1);
  });

  it('signs out and in again, and the week is still there', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText(/invalid email or password/i).count()).toBeGreaterThan(0);
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await card('Forecast call with sales ops').waitFor();
    await screenshot(page, '03-signed-in-again');
  });
});

describe('demo data in a browser', () => {
  it('fills an empty workspace with 12 weeks and shows the trend', async () => {
    const fresh = await startServer({
      LINCHPIN_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'linchpin-demo-')), 'data'),
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const demoPage = await context.newPage();
    try {
      await setUpWorkspace(demoPage, fresh.url, {
        workspace: 'Demo Co',
        name: 'Dana Demo',
        email: 'dana@demo.test',
        password: owner.password,
      });
      await demoPage.getByRole('button', { name: 'Load demo data' }).click();
      await expect
        .poll(() => demoPage.getByTestId('activity-card').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      await demoPage.getByTestId('trend-chart').locator('canvas').first().waitFor();
      await expect
        .poll(() => demoPage.getByTestId('week-summary').textContent())
        .not.toMatch(/Nothing logged/);
      await demoPage.getByRole('button', { name: 'Previous week' }).click();
      await expect.poll(() => demoPage.getByTestId('activity-card').count()).toBeGreaterThan(20);
      await screenshot(demoPage, '04-demo-week');
    } finally {
      await context.close();
      await fresh.stop();
    }
  });
});
