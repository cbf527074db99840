import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, setUpWorkspace } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({
    LINCHPIN_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'linchpin-plan-')), 'data'),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const rock = (title: string) => page.getByTestId('rock').filter({ hasText: title });

async function addRock(title: string, hours: string) {
  await page.getByLabel('New big rock').fill(title);
  await page.getByLabel('Budget').selectOption(hours);
  await page.getByRole('button', { name: 'Add big rock' }).click();
  await rock(title).waitFor();
}

describe('planning the week, in a browser', () => {
  it('plans two big rocks, schedules one, marks it done and sees planned vs actual', async () => {
    await setUpWorkspace(page, server.url);
    await page.getByRole('link', { name: 'Plan', exact: true }).click();
    await page.getByText('No big rocks yet this week.').waitFor();

    await addRock('Meet the COO', '2');
    await addRock('Draft the joint account plan', '1');

    // Monday of this week at 00:00: already begun whenever the test runs.
    await rock('Meet the COO').getByLabel('Time for Meet the COO').fill('00:00');
    await rock('Meet the COO').getByRole('button', { name: 'Schedule' }).click();
    const item = page.getByTestId('plan-item').filter({ hasText: 'Meet the COO' });
    await item.waitFor();
    await expect
      .poll(() => rock('Meet the COO').getByTestId('rock-figures').textContent())
      .toBe('0.0 h done · 1.0 h scheduled of 2.0 h');

    await item.getByRole('checkbox').click();
    await expect.poll(() => item.getByRole('checkbox').isChecked()).toBe(true);
    await expect
      .poll(() => rock('Meet the COO').getByTestId('rock-figures').textContent())
      .toBe('1.0 h done · 1.0 h scheduled of 2.0 h');
    const table = page.getByTestId('planned-vs-actual');
    await expect
      .poll(() => table.getByRole('row', { name: /Q2/ }).textContent())
      .toMatch(/Q2\s*3\.0 h\s*1\.0 h/);
    await screenshot(page, 'plan-week');

    // The done action is time on the matrix: the week report counts it in Q2.
    await page.getByRole('link', { name: 'The week’s report' }).click();
    await page.getByTestId('activity-card').filter({ hasText: 'Meet the COO' }).waitFor();
    await expect
      .poll(() => page.getByTestId('plan-summary').textContent())
      .toMatch(/Q2 planned 3\.0 h, actual 1\.0 h/);
    expect(
      await page
        .getByTestId('activity-card')
        .filter({ hasText: 'Meet the COO' })
        .getAttribute('data-quadrant'),
    ).toBe('q2');
  });
});
