import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

let server: RunningServer;
let browser: Browser;
let page: Page;
let accountId: string;

beforeAll(async () => {
  server = await startServer({
    LINCHPIN_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'linchpin-accounts-')), 'data'),
  });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const cell = (fn: string, level: string) => page.getByTestId(`coverage-${fn}-${level}`);
const singleContact = () => page.getByTestId('warning-single_contact');

async function addStakeholder(person: { name: string; title: string; fn: string; level: string }) {
  await page.getByRole('button', { name: 'Add stakeholder', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add stakeholder' });
  await dialog.getByLabel('Name').fill(person.name);
  await dialog.getByLabel('Title').fill(person.title);
  await dialog.getByLabel('Function').selectOption(person.fn);
  await dialog.getByLabel('Level').selectOption(person.level);
  await dialog.getByLabel('Relationship strength').fill('4');
  await dialog.getByRole('button', { name: 'Add stakeholder' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('stakeholder-row').filter({ hasText: person.name }).waitFor();
}

describe('accounts and stakeholders, in a browser', () => {
  it('sets up a workspace and creates an account', async () => {
    await page.goto(server.url);
    await page.getByLabel('Workspace name').fill('Acme Supplies');
    await page.getByLabel('Your name').fill('Ann Owner');
    await page.getByLabel('Email').fill('ann@acme.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByTestId('week-label').waitFor();

    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByText('No accounts yet.').waitFor();
    await page.getByRole('button', { name: 'New account' }).click();
    const dialog = page.getByRole('dialog', { name: 'New account' });
    await dialog.getByLabel('Name').fill('Northwind Traders');
    await dialog.getByLabel('Email domains').fill('northwind.com');
    await dialog.getByRole('button', { name: 'Create account' }).click();
    // Creating opens the new account; back to the list to see its card.
    await page.getByRole('heading', { name: 'Northwind Traders' }).waitFor();
    accountId = decodeURIComponent(new URL(page.url()).hash.replace('#/accounts/', ''));
    expect(accountId).not.toBe('');
    await page.getByRole('link', { name: '← Accounts' }).click();
    const card = page.getByTestId('account-card').filter({ hasText: 'Northwind Traders' });
    await card.waitFor();
    await expect.poll(() => card.textContent()).toMatch(/0 stakeholders/);
    await expect.poll(() => card.textContent()).toMatch(/No contacts/);
  });

  it('adds a stakeholder: single-threaded, and the grid cell fills', async () => {
    await page.getByRole('link', { name: 'Northwind Traders' }).click();
    await page.getByRole('heading', { name: 'Northwind Traders' }).waitFor();
    expect(page.url()).toContain(`#/accounts/${accountId}`);
    await page.getByText('No stakeholders yet.').first().waitFor();

    await addStakeholder({
      name: 'Paula Buyer',
      title: 'Head of Procurement',
      fn: 'procurement',
      level: 'senior',
    });
    await singleContact().waitFor();
    await expect.poll(() => cell('procurement', 'senior').getAttribute('data-count')).toBe('1');
    expect(await cell('procurement', 'senior').getAttribute('class')).toContain('coverage-cell--4');
    expect(await cell('finance', 'executive').getAttribute('class')).toContain('coverage-cell--empty');
    await expect
      .poll(() => page.getByTestId('stakeholder-row').filter({ hasText: 'Paula Buyer' }).textContent())
      .toMatch(/never/);
  });

  it('adds a second stakeholder in another function and the single-contact warning goes', async () => {
    await addStakeholder({ name: 'Frank Finance', title: 'CFO', fn: 'finance', level: 'executive' });
    await expect.poll(() => singleContact().count()).toBe(0);
    await expect.poll(() => cell('finance', 'executive').getAttribute('data-count')).toBe('1');
    await expect.poll(() => page.getByTestId('losing-touch').count()).toBe(2);
    await screenshot(page, 'accounts-detail');
  });

  it('edits and deletes a stakeholder', async () => {
    await page.getByRole('button', { name: 'Edit Frank Finance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Frank Finance' });
    await dialog.getByLabel('Attitude').selectOption('champion');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('stakeholder-row').filter({ hasText: 'Frank Finance' }).textContent())
      .toMatch(/Champion/);

    await page.getByRole('button', { name: 'Delete Frank Finance' }).click();
    await page.getByRole('button', { name: 'Delete stakeholder' }).click();
    await expect.poll(() => page.getByTestId('stakeholder-row').count()).toBe(1);
    await singleContact().waitFor();
  });
});
