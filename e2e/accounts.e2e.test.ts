import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, setUpWorkspace } from './browser.ts';
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

async function addStakeholder(person: {
  name: string;
  title: string;
  fn: string;
  level: string;
  email?: string;
}) {
  await page.getByRole('button', { name: 'Add stakeholder', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add stakeholder' });
  await dialog.getByLabel('Name').fill(person.name);
  await dialog.getByLabel('Title').fill(person.title);
  if (person.email) await dialog.getByLabel('Email').fill(person.email);
  await dialog.getByLabel('Function').selectOption(person.fn);
  await dialog.getByLabel('Level').selectOption(person.level);
  await dialog.getByLabel('Relationship strength').fill('4');
  await dialog.getByRole('button', { name: 'Add stakeholder' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('stakeholder-row').filter({ hasText: person.name }).waitFor();
}

describe('accounts and stakeholders, in a browser', () => {
  it('sets up a workspace and creates an account', async () => {
    await setUpWorkspace(page, server.url);

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
      email: 'paula@northwind.com',
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
    await addStakeholder({
      name: 'Frank Finance',
      title: 'CFO',
      email: 'frank@northwind.com',
      fn: 'finance',
      level: 'executive',
    });
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

  it('imports a meeting with Paula: her last contact is derived and she leaves the losing-touch list', async () => {
    const day = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Linchpin e2e//EN',
      'BEGIN:VEVENT',
      'UID:northwind-review@e2e',
      `DTSTAMP:${day}T080000Z`,
      `DTSTART:${day}T090000Z`,
      `DTEND:${day}T100000Z`,
      'SUMMARY:Supply review with Northwind',
      'ORGANIZER:mailto:ann@acme.test',
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:ann@acme.test',
      'ATTENDEE;PARTSTAT=ACCEPTED:mailto:paula@northwind.com',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const path = join(mkdtempSync(join(tmpdir(), 'linchpin-ics-')), 'northwind.ics');
    writeFileSync(path, ics);
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Calendar file').setInputFiles(path);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('import-result').textContent(), { timeout: 15_000 })
      .toMatch(/1\s*added/);

    await page.goto(`${server.url}/#/accounts/${encodeURIComponent(accountId)}`);
    const paula = page.getByTestId('stakeholder-row').filter({ hasText: 'Paula Buyer' });
    await expect.poll(() => paula.textContent()).toMatch(/2 days ago/);
    await expect.poll(() => page.getByTestId('losing-touch').count()).toBe(0);
    // The imported meeting landed on the account by Paula's domain and counts as its time.
    await page.getByTestId('recent-activity').filter({ hasText: 'Supply review with Northwind' }).waitFor();
    await expect.poll(() => page.getByTestId('account-time-sums').textContent()).toMatch(/1\.0 h/);
  });

  it('adds a legacy goal, links the meeting to it, and sees the time invested', async () => {
    await page.getByRole('button', { name: 'Add goal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New legacy goal' });
    await dialog.getByLabel('Dimension').selectOption('relationships');
    await dialog.getByLabel('Goal').fill('A sponsor in their executive team');
    await dialog.getByLabel('What success looks like').fill('The CFO asks for our view first');
    await dialog.getByRole('button', { name: 'Add goal' }).click();
    await dialog.waitFor({ state: 'detached' });
    const goal = page.getByTestId('goal').filter({ hasText: 'A sponsor in their executive team' });
    await expect.poll(() => goal.getByTestId('goal-time').textContent()).toMatch(/0\.0 h invested/);

    // From the Week page: open the imported meeting and link it to the goal.
    const week = await page.evaluate(() => {
      const d = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
      const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      const dayNum = t.getUTCDay() || 7;
      t.setUTCDate(t.getUTCDate() + 4 - dayNum);
      const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
      const n = Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7);
      return `${t.getUTCFullYear()}-W${String(n).padStart(2, '0')}`;
    });
    await page.goto(`${server.url}/#/week/${week}`);
    await page.getByText('Supply review with Northwind').first().click();
    const edit = page.getByRole('dialog', { name: 'Edit activity' });
    await expect.poll(() => edit.getByLabel('Account').inputValue()).toBe(accountId);
    await edit
      .getByLabel('Legacy goal')
      .selectOption({ label: 'A sponsor in their executive team · Relationships & trust' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });

    await page.goto(`${server.url}/#/accounts/${encodeURIComponent(accountId)}`);
    await expect.poll(() => goal.getByTestId('goal-time').textContent()).toMatch(/1\.0 h invested/);
    await page.getByTestId('relmap-card').first().waitFor();
    await screenshot(page, 'accounts-legacy');
  });

  it('asks before deleting an account with activities, and archives it instead', async () => {
    await page.getByRole('button', { name: 'Edit account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Northwind Traders' });
    await dialog.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.getByText(/has 1 activity\. Archiving keeps them/).waitFor();
    await page
      .getByRole('dialog', { name: 'Delete Northwind Traders?' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await dialog.getByRole('button', { name: 'Archive' }).click();
    await page.getByText('It keeps its history but leaves pickers and rules.').waitFor();
    await page.getByRole('link', { name: '← Accounts' }).click();
    await page.getByText('No accounts yet.').waitFor();
    await page.getByRole('tab', { name: 'Archived' }).click();
    await page.getByTestId('account-card').filter({ hasText: 'Northwind Traders' }).waitFor();
  });
});
