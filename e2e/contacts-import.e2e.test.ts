import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { fileHarness, tempDir } from './harness.ts';
import { AccountPage } from './pages/accounts.ts';
import { ContactsImportDialog } from './pages/contacts-import.ts';

const app = fileHarness({ name: 'contacts-import', context: { viewport: { width: 1280, height: 1000 } } });
beforeEach(() => app.deleteAccounts());

/** Google's export as it comes, and Northwind and Contoso as accounts of the person. */
async function setUp() {
  const person = await app.person('Carla Manager');
  const northwind = await person.post('/accounts', { name: 'Northwind', domains: ['northwind.example'] });
  await person.post('/accounts', { name: 'Contoso' });
  const file = join(tempDir('contacts'), 'contacts.csv');
  writeFileSync(file, readFileSync(new URL('../src/core/contacts/fixtures/google.csv', import.meta.url)));
  return { person, northwind, file };
}

/** The account page open on Northwind, with `file` chosen in Import stakeholders. */
async function preview(page: Page, northwindId: string, file: string) {
  const account = new AccountPage(page);
  await account.open(northwindId);
  await account.heading('Northwind').first().waitFor();
  const dialog = new ContactsImportDialog(page);
  await dialog.openFrom();
  await dialog.choose(file);
  return { account, dialog };
}

describe('importing stakeholders on the account page', () => {
  it('previews a Google export, takes a corrected level, and shows the new stakeholders', async () => {
    const { person, northwind, file } = await setUp();
    const { account, dialog } = await preview(await app.page(person), northwind.id, file);
    await expect
      .poll(() => dialog.summary.textContent())
      .toBe('3 to add · 0 to update · 0 unchanged · 1 skipped');
    await expect
      .poll(() => dialog.row('Sam Unknown').textContent())
      .toMatch(/no account named Globex Corporation/);
    expect(await dialog.dialogBox.getByLabel('Level of Jürgen Müller').inputValue()).toBe('senior');
    expect(await dialog.dialogBox.getByLabel('Function of Jürgen Müller').inputValue()).toBe('procurement');
    await dialog.setLevel('Jürgen Müller', 'executive');
    await screenshot(account.page, 'contacts-import-preview');

    await dialog.importAll();
    await account.toast('3 stakeholders added, 1 skipped.');
    await account.stakeholder('Zoë Lefèvre').waitFor();
    await expect.poll(() => account.stakeholders.count()).toBe(2);
    await expect.poll(() => account.stakeholder('Jürgen Müller').textContent()).toMatch(/Executive/);
    await expect.poll(() => account.stakeholder('Jürgen Müller').textContent()).toMatch(/Buying office/);
    const saved = await person.get(`/accounts/${northwind.id}/stakeholders`);
    expect(saved.items.map((s: any) => [s.name, s.level, s.function])).toEqual([
      ['Jürgen Müller', 'executive', 'procurement'],
      ['Zoë Lefèvre', 'executive', 'finance'],
    ]);

    // Again: nothing new; the unknown company can be created from the preview.
    await dialog.openFrom();
    await dialog.choose(file);
    await expect
      .poll(() => dialog.summary.textContent())
      .toBe('0 to add · 0 to update · 3 unchanged · 1 skipped');
    await dialog.createAccount('Globex Corporation');
    await expect
      .poll(() => dialog.summary.textContent())
      .toBe('1 to add · 0 to update · 3 unchanged · 0 skipped');
  });

  it('draws a large export 200 rows at a time, and imports every row', async () => {
    const { person, northwind } = await setUp();
    const file = join(tempDir('contacts'), 'crm-export.csv');
    const lines = Array.from(
      { length: 450 },
      (_, i) => `Person,${i + 1},Northwind,Buyer,p${i + 1}@northwind.example`,
    );
    writeFileSync(
      file,
      ['First Name,Last Name,Organization Name,Organization Title,E-mail 1 - Value', ...lines].join('\n'),
    );
    const { account, dialog } = await preview(await app.page(person), northwind.id, file);
    await expect
      .poll(() => dialog.summary.textContent())
      .toBe('450 to add · 0 to update · 0 unchanged · 0 skipped');
    expect(await dialog.rows.count()).toBe(200);
    await dialog.dialogBox.getByText('Showing 200 of 450 contacts; all of them are imported.').waitFor();
    await dialog.dialogBox.getByRole('button', { name: 'Show 200 more' }).click();
    await expect.poll(() => dialog.rows.count()).toBe(400);
    await dialog.dialogBox.getByRole('button', { name: 'Show 50 more' }).click();
    await expect.poll(() => dialog.rows.count()).toBe(450);
    await dialog.importAll();
    await account.toast('450 stakeholders added.');
    expect((await person.get(`/accounts/${northwind.id}/stakeholders`)).items).toHaveLength(450);
  });

  it('reads on a phone: the preview as cards, nothing wider than the screen', async () => {
    const { person, northwind, file } = await setUp();
    const page = await app.page(person, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const { dialog } = await preview(page, northwind.id, file);
    await dialog.row('Kenji Tanaka').waitFor();
    await screenshot(page, 'contacts-import-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await dialog.row('Kenji Tanaka').boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
  });
});
