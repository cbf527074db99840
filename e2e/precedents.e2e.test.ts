import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, launchChromium, screenshot } from './browser.ts';
import { type RunningServer, runCli, startServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;

const env = { LINCHPIN_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'linchpin-precedents-')), 'data') };
const PASSWORD = 'correct horse battery';

async function signIn(email: string) {
  await page.goto(server.url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('week-label').waitFor();
}

beforeAll(async () => {
  // Two people in one workspace, made before the server holds the data folder: the owner and a successor.
  for (const [name, email, role] of [
    ['Ann Owner', 'ann@acme.test', 'member'],
    ['Ben Successor', 'ben@acme.test', 'member'],
  ]) {
    const made = await runCli(
      [
        'admin',
        'create-user',
        '--workspace',
        'Acme Supplies',
        '--name',
        name ?? '',
        '--email',
        email ?? '',
        '--password',
        PASSWORD,
        '--role',
        role ?? 'member',
      ],
      env,
    );
    expect(made.code, made.stderr).toBe(0);
  }
  server = await startServer(env);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const card = (title: string) => page.getByTestId('activity-card').filter({ hasText: title });

describe('precedents and reflection, in a browser', () => {
  it('signs in and creates an account', async () => {
    await signIn('ann@acme.test');
    await addAccount(page, 'Northwind Traders');
  });

  it('records a decision from a Q1 activity, asked whether it may set a precedent', async () => {
    await page.getByRole('link', { name: 'Week' }).click();
    await page.getByTestId('week-label').waitFor();
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Add', exact: true }) });
    await form.getByLabel('Title').fill('Escalation: late deliveries at Northwind');
    await form.getByLabel('Account').selectOption({ label: 'Northwind Traders' });
    await form.getByLabel('Urgent').setChecked(true);
    await form.getByLabel('Important').setChecked(true);
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await card('Escalation: late deliveries').click();

    const edit = page.getByRole('dialog', { name: 'Edit activity' });
    await edit.getByRole('button', { name: 'Record a decision' }).click();
    const record = page.getByRole('dialog', { name: 'Record a decision' });
    expect(await record.getByLabel('Decision').inputValue()).toBe('Escalation: late deliveries at Northwind');
    await record.getByLabel('Decision').fill('Free express shipping on late orders this quarter');
    // It will not save until the precedent question is answered.
    await record.getByRole('button', { name: 'Record decision' }).click();
    await record.getByText('Say whether it may set a precedent').waitFor();
    await record.getByLabel('Yes, it may').check();
    await record.getByLabel('Agreed by (them)').fill('Tom Becker');
    const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
    await record.getByLabel('Review by').fill(today);
    await record.getByRole('button', { name: 'Record decision' }).click();
    await record.waitFor({ state: 'detached' });
    await edit.getByRole('button', { name: 'Cancel' }).click();

    // Due for review this week: beside the week's report.
    await page.getByTestId('due-decisions').filter({ hasText: 'Free express shipping' }).waitFor();
    await page.getByRole('link', { name: 'Free express shipping on late orders this quarter' }).click();
    const logged = page.getByTestId('decision').filter({ hasText: 'Free express shipping' });
    await logged.waitFor();
    expect(await logged.textContent()).toMatch(/May set a precedent.*Q1.*Active.*agreed with Tom Becker/);
    await screenshot(page, 'precedents-account');
  });

  it('writes a private reflection on last week and finds it in the history', async () => {
    await page.getByRole('link', { name: 'Week' }).click();
    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.getByRole('button', { name: 'Reflect on this week' }).click();
    const dialog = page.getByRole('dialog', { name: /Reflection on \d{4}-W\d{2}/ });
    await dialog
      .getByLabel('If I left today, what legacy would I leave?')
      .fill('A buyer who trusts us; not yet a partner.');
    await dialog.getByLabel("May go into my accounts' handover packs").check();
    await dialog.getByRole('button', { name: 'Save reflection' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Written, private to you.').waitFor();
    await page.getByRole('link', { name: 'Reflections', exact: true }).click();
    const entry = page.getByTestId('reflection').first();
    await expect
      .poll(() => entry.textContent())
      .toMatch(/Private.*A buyer who trusts us; not yet a partner\./);
    await screenshot(page, 'precedents-reflections');
  });

  it('generates the handover pack with the precedent and the reflection, as HTML and PDF', async () => {
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('link', { name: 'Northwind Traders' }).click();
    const link = page.getByRole('link', { name: 'Handover pack' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/handover\?format=html$/);
    const html = await (await page.request.get(new URL(href, server.url).toString())).text();
    expect(html).toContain('Handover pack: Northwind Traders');
    expect(html).toMatch(
      /Free express shipping on late orders this quarter<\/strong> — decided \d{4}-\d{2}-\d{2}; under urgency; agreed with Tom Becker/,
    );
    expect(html).toContain('A buyer who trusts us; not yet a partner.');
    expect(html).toMatch(/<div class="chart"><svg/);
    const pdf = await page.request.get(
      new URL(href.replace('format=html', 'format=pdf'), server.url).toString(),
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('hands the account to a successor, who works through the inheritance review', async () => {
    await page.getByRole('button', { name: 'Hand over…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand over Northwind Traders' });
    await dialog.getByLabel('Successor', { exact: true }).selectOption({ label: 'Ben Successor' });
    await dialog.getByLabel('Note for the successor').fill('Tom prefers calls on Fridays.');
    await dialog.getByRole('button', { name: 'Hand over' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('account-team').textContent()).toMatch(/Owner Ben Successor/);
    // Ann still reads the account and her decision, but no longer changes it.
    await page.getByTestId('decision').filter({ hasText: 'Free express shipping' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit account' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('ben@acme.test');
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('link', { name: 'Northwind Traders' }).click();
    const review = page.getByTestId('inheritance');
    await expect
      .poll(() => review.textContent())
      .toMatch(/Ann Owner → Ben Successor.*1 to do.*Tom prefers calls on Fridays/);
    const precedent = review.getByTestId('inherited-precedent').filter({ hasText: 'Free express shipping' });
    await precedent.getByLabel('Revisit').check();
    await precedent
      .getByLabel('Reason for Free express shipping on late orders this quarter')
      .fill('Only for orders late by a week');
    await precedent.getByRole('button', { name: 'Decide' }).click();
    await expect.poll(() => review.textContent()).toMatch(/completed \d{4}-\d{2}-\d{2}/);
    await expect
      .poll(() => page.getByTestId('decision').filter({ hasText: 'Free express shipping' }).textContent())
      .toMatch(/Revisited.*Only for orders late by a week/);
    await screenshot(page, 'precedents-inheritance');
  });
});
