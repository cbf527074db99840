import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MailServer, startMailServer } from '../test/mail-server.ts';
import { addAccount, launchChromium, screenshot, setUpWorkspace } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

let mail: MailServer;
let server: RunningServer;
let browser: Browser;
/** Ann, the owner, and Ben, invited by her: two browser contexts, two sessions. */
let owner: Page;
let ben: Page;
let benLink: string;

const PASSWORD = 'correct horse battery';
const DESKTOP = { width: 1440, height: 1000 };
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  mail = await startMailServer();
  server = await startServer({
    LINCHPIN_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'linchpin-people-')), 'data'),
    LINCHPIN_SMTP_URL: mail.url,
    LINCHPIN_MAIL_FROM: 'Linchpin <linchpin@acme.test>',
  });
  browser = await launchChromium();
  owner = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  ben = await (await browser.newContext({ viewport: DESKTOP })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await mail?.close();
});

/** A person's row in Settings → People (names also appear in other rows' "Reports to" pickers). */
const person = (name: string) => owner.locator(`[data-testid="person"][data-person="${name}"]`);
const toast = (page: Page, text: string | RegExp) =>
  page.locator('.toast').filter({ hasText: text }).waitFor();

/** Takes the page at phone width too, and fails if it scrolls sideways there. */
async function screenshotsAtBothWidths(page: Page, name: string) {
  // Toasts off the picture (each may also leave by itself meanwhile).
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0)
    await dismiss
      .first()
      .click({ timeout: 1000 })
      .catch(() => {});
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

async function openPeople() {
  await owner.getByRole('link', { name: 'Settings', exact: true }).click();
  await owner.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'People' }).click();
  await owner.getByRole('heading', { name: 'People' }).waitFor();
}

async function invite(email: string, role: 'Member' | 'Leader') {
  await owner.getByRole('button', { name: 'Invite people' }).click();
  const dialog = owner.getByRole('dialog', { name: 'Invite a colleague' });
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Role').selectOption({ label: role });
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  const sent = owner.getByRole('dialog', { name: `Invitation for ${email}` });
  await expect
    .poll(() => sent.getByTestId('invite-result').textContent())
    .toContain(`We e-mailed this link to ${email}`);
  const shown = await sent.getByTestId('invitation-link').inputValue();
  await screenshot(owner, `people-invited-${role.toLowerCase()}`);
  await sent.getByRole('button', { name: 'Done' }).click();
  await sent.waitFor({ state: 'detached' });
  // The mail carries the same one-time link as the dialog.
  const message = await mail.next(email);
  expect(message.subject).toBe('Ann Owner invited you to Acme Supplies on Linchpin');
  const mailed = /https?:\/\/\S+#\/invite\/\S+/.exec(message.text)?.[0];
  expect(mailed).toBe(shown);
  return shown;
}

describe('people and access, in a browser', () => {
  it('the owner invites Ben from Settings → People, and the link arrives by mail', async () => {
    await setUpWorkspace(owner, server.url);
    await openPeople();
    benLink = await invite('ben@acme.test', 'Member');
    const invited = owner.locator('[data-testid="invitation"][data-person="ben@acme.test"]');
    expect(await invited.textContent()).toMatch(/Invited by Ann Owner.*Member.*Invited/);
  });

  it('Ben joins with the link, lands on his week and logs an activity', async () => {
    await ben.goto(benLink);
    await expect
      .poll(() => ben.getByTestId('invite-intro').textContent())
      .toBe('Ann Owner invited you to join Acme Supplies as a member.');
    expect(await ben.getByLabel('Email').inputValue()).toBe('ben@acme.test');
    await screenshotsAtBothWidths(ben, 'people-invite');

    await ben.getByLabel('Your name').fill('Ben Member');
    await ben.getByLabel('Password').fill(PASSWORD);
    await ben.getByRole('button', { name: 'Join Acme Supplies' }).click();
    await ben.getByTestId('week-label').waitFor();
    expect(new URL(ben.url()).hash).toMatch(/^#\/week/);

    const form = ben.locator('form').filter({ has: ben.getByRole('button', { name: 'Add', exact: true }) });
    await form.getByLabel('Title').fill('Coffee with the Northwind buyer');
    await form.getByLabel('Important').setChecked(true);
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    await ben.getByTestId('activity-card').filter({ hasText: 'Coffee with the Northwind buyer' }).waitFor();
    // An account of Ben's, to need a new owner once he is gone.
    await addAccount(ben, 'Northwind Traders');
  });

  it('Ben, a member, reads who is in the workspace but changes nothing there', async () => {
    await ben.getByRole('link', { name: 'Settings', exact: true }).click();
    await ben.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'People' }).click();
    const people = ben.getByTestId('person');
    await expect
      .poll(() => people.allTextContents())
      .toEqual([
        expect.stringMatching(/^AOAnn Owner.*Owner/),
        expect.stringMatching(/^BMBen MemberYou.*Member/),
      ]);
    expect(await ben.getByRole('list', { name: 'People' }).locator('select, button').count()).toBe(0);
    expect(await ben.getByRole('button', { name: 'Invite people' }).count()).toBe(0);
    expect(await ben.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await screenshotsAtBothWidths(ben, 'people-member-view');
    await ben.getByRole('link', { name: 'Week', exact: true }).click();
    await ben.getByTestId('week-label').waitFor();
  });

  it('an invitation link opened a second time says it was already used', async () => {
    const stranger = await browser.newPage({ viewport: DESKTOP });
    await stranger.goto(benLink);
    await stranger
      .getByRole('heading', { name: 'This invitation was already used — sign in instead' })
      .waitFor();
    await stranger.getByRole('link', { name: 'Sign in' }).click();
    await stranger.getByRole('button', { name: 'Sign in' }).waitFor();
    await stranger.close();
  });

  it('the owner invites a leader and sets Ben to report to her; loops and the last owner are refused', async () => {
    const leeLink = await invite('lee@acme.test', 'Leader');
    const token = leeLink.split('#/invite/')[1];
    const joined = await fetch(`${server.url}/api/public/invitations/${token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lee Leader', password: PASSWORD, timeZone: 'Europe/London' }),
    });
    expect(joined.status).toBe(201);

    await owner.reload();
    await person('Lee Leader').waitFor();
    expect(await person('Lee Leader').textContent()).toMatch(/lee@acme\.test.*Active/);
    expect(await owner.getByTestId('invitation').count()).toBe(0);

    await person('Ben Member').getByLabel('Ben Member reports to').selectOption({ label: 'Lee Leader' });
    await toast(owner, 'Ben Member now reports to Lee Leader.');
    await person('Lee Leader').getByLabel('Lee Leader reports to').selectOption({ label: 'Ann Owner' });
    await toast(owner, 'Lee Leader now reports to Ann Owner.');

    // Ann reporting to Lee, who reports to Ann: the server refuses, the row says why.
    await person('Ann Owner').getByLabel('Ann Owner reports to').selectOption({ label: 'Lee Leader' });
    await person('Ann Owner')
      .getByText(/would make a loop/)
      .waitFor();
    expect(await person('Ann Owner').getByLabel('Ann Owner reports to').inputValue()).toBe('');
    // The only owner cannot stop being one.
    await person('Ann Owner').getByLabel('Role of Ann Owner').selectOption('member');
    await person('Ann Owner')
      .getByText(/last owner/)
      .waitFor();
    expect(await person('Ann Owner').getByLabel('Role of Ann Owner').inputValue()).toBe('owner');

    await owner.reload();
    await person('Ben Member').waitFor();
    expect(await person('Ben Member').getByLabel('Ben Member reports to').inputValue()).not.toBe('');
    await screenshotsAtBothWidths(owner, 'people-settings');
  });

  it('a withdrawn invitation says whom to ask for a new one; a made-up link is not valid', async () => {
    const catLink = await invite('cat@acme.test', 'Member');
    const row = owner.locator('[data-testid="invitation"][data-person="cat@acme.test"]');
    await row.getByRole('button', { name: 'Withdraw' }).click();
    await toast(owner, 'Withdrew the invitation for cat@acme.test.');
    await expect.poll(() => row.count()).toBe(0);

    const cat = await browser.newPage({ viewport: DESKTOP });
    await cat.goto(catLink);
    await cat.getByRole('heading', { name: 'This invitation has expired or was withdrawn' }).waitFor();
    expect(await cat.locator('.auth__intro').textContent()).toMatch(/ask Ann Owner for a new one/);
    await cat.goto(`${server.url}/#/invite/made-up`);
    await cat.getByRole('heading', { name: 'This invitation link is not valid' }).waitFor();
    await cat.close();
  });

  it('the owner deactivates Ben, and his open page drops to sign-in on its next request', async () => {
    const deactivateBen = async () => {
      await person('Ben Member').getByRole('button', { name: 'Deactivate' }).click();
      const confirm = owner.getByRole('dialog', { name: 'Deactivate Ben Member?' });
      await screenshot(owner, 'people-deactivate-confirm');
      expect(await confirm.textContent()).toMatch(
        /stop working at once.*Accounts they own will need a new owner/s,
      );
      await confirm.getByRole('button', { name: 'Deactivate' }).click();
      await toast(owner, 'Ben Member is deactivated.');
      await person('Ben Member').getByText('Deactivated', { exact: true }).waitFor();
    };
    const signedOutNote = () => ben.getByTestId('sign-in-note').textContent();

    await deactivateBen();
    // Ben's tab still shows his week; the next page he opens asks the server, and is refused.
    await ben.getByRole('link', { name: 'Reflections', exact: true }).click();
    await expect.poll(signedOutNote).toMatch(/You were signed out/);

    // Back again, he signs in; deactivated once more, his next reload lands on sign-in with the note.
    await person('Ben Member').getByRole('button', { name: 'Reactivate' }).click();
    await toast(owner, 'Ben Member is active again.');
    await ben.getByLabel('Email').fill('ben@acme.test');
    await ben.getByLabel('Password').fill(PASSWORD);
    await ben.getByRole('button', { name: 'Sign in' }).click();
    await ben
      .getByRole('heading', { name: /Reflections/ })
      .first()
      .waitFor();
    await deactivateBen();
    await ben.reload();
    await expect.poll(signedOutNote).toMatch(/You were signed out/);
    await screenshot(ben, 'people-signed-out');

    await owner.getByRole('link', { name: 'Accounts', exact: true }).click();
    const card = owner.getByTestId('account-card').filter({ hasText: 'Northwind Traders' });
    await card.getByTestId('needs-owner').waitFor();
    await card.getByRole('link', { name: 'Northwind Traders' }).click();
    await owner.getByTestId('needs-owner').waitFor();
    await owner.getByRole('button', { name: 'Hand over…' }).waitFor();
    await screenshot(owner, 'people-needs-owner');
  });

  it('the owner makes an access token, sees it once and revokes it; then changes her password', async () => {
    await owner.getByRole('link', { name: 'Settings', exact: true }).click();
    await owner.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Tokens' }).click();
    await owner.getByLabel('Name').fill('Reporting script');
    await owner.getByLabel('Expires in (days)').fill('30');
    await owner.getByRole('button', { name: 'Create token' }).click();
    const token = await owner.getByTestId('new-token').inputValue();
    const asScript = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(asScript.status).toBe(200);
    const row = owner.getByTestId('token').filter({ hasText: 'Reporting script' });
    expect(await row.textContent()).toMatch(/Created .*Last used never.*Expires /);
    await screenshotsAtBothWidths(owner, 'people-tokens');

    await row.getByRole('button', { name: 'Revoke' }).click();
    await owner
      .getByRole('dialog', { name: 'Revoke “Reporting script”?' })
      .getByRole('button', { name: 'Revoke token' })
      .click();
    await toast(owner, 'Revoked Reporting script.');
    await expect.poll(() => row.count()).toBe(0);
    const revoked = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.status).toBe(401);

    await owner.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Password' }).click();
    await owner.getByLabel('Current password').fill('not my password');
    await owner.getByLabel('New password', { exact: true }).fill('a new horse battery');
    await owner.getByLabel('New password again').fill('a new horse battery');
    await owner.getByRole('button', { name: 'Change password' }).click();
    // The server's word, beside the field it is about.
    await owner.locator('.field--invalid').getByText('is not your current password').waitFor();
    await owner.getByLabel('Current password').fill(PASSWORD);
    await owner.getByRole('button', { name: 'Change password' }).click();
    await toast(owner, 'Password changed; other sessions were signed out');
    // This session stays.
    await owner.reload();
    await owner.getByRole('heading', { name: 'Password' }).waitFor();
  });

  it('a forgotten password is reset with the mailed link, then used to sign in', async () => {
    const lee = await browser.newPage({ viewport: DESKTOP });
    await lee.goto(server.url);
    await lee.getByRole('link', { name: 'Forgot password?' }).click();
    await lee.getByLabel('Email').fill('lee@acme.test');
    await lee.getByRole('button', { name: 'Send the link' }).click();
    await expect
      .poll(() => lee.getByTestId('reset-requested').textContent())
      .toBe('If that address has an account, we sent a link. It works for one hour.');
    const link = /https?:\/\/\S+#\/reset\/\S+/.exec((await mail.next('lee@acme.test')).text)?.[0];
    expect(link).toBeDefined();

    await lee.goto(link ?? '');
    await lee.getByLabel('New password', { exact: true }).fill('lee resets her horse');
    await lee.getByLabel('New password again').fill('lee resets her horse');
    await lee.getByRole('button', { name: 'Save the new password' }).click();
    await expect.poll(() => lee.getByTestId('sign-in-note').textContent()).toMatch(/password is changed/);
    await lee.getByLabel('Email').fill('lee@acme.test');
    await lee.getByLabel('Password').fill('lee resets her horse');
    await lee.getByRole('button', { name: 'Sign in' }).click();
    await lee.getByTestId('week-label').waitFor();

    // A leader invites members only, into her own team unless she says otherwise.
    await lee.goto(`${server.url}/#/settings/people`);
    await lee.getByRole('button', { name: 'Invite people' }).click();
    const dialog = lee.getByRole('dialog', { name: 'Invite a colleague' });
    expect(await dialog.getByLabel('Role').isDisabled()).toBe(true);
    expect(await dialog.getByLabel('Role').inputValue()).toBe('member');
    expect(await dialog.getByLabel('Reports to').locator('option:checked').textContent()).toBe('Lee Leader');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The link works once.
    await lee.goto(link ?? '');
    await lee.getByLabel('New password', { exact: true }).fill('another horse battery');
    await lee.getByLabel('New password again').fill('another horse battery');
    await lee.getByRole('button', { name: 'Save the new password' }).click();
    await lee.getByRole('heading', { name: 'This reset link has expired or was used' }).waitFor();
    await lee.close();
  });

  it('the audit log says who did what, newest first', async () => {
    await owner.getByRole('link', { name: 'Settings', exact: true }).click();
    await owner
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    const entries = owner.getByTestId('audit-entry');
    await entries.first().waitFor();
    expect(await entries.first().textContent()).toMatch(/Lee Leader.*Password reset/);
    const all = (await entries.allTextContents()).join('\n');
    expect(all).toMatch(/Ann Owner.*Deactivated.*Ben Member <ben@acme\.test>/);
    expect(all).toMatch(/Ben Member.*Invitation accepted/);
    expect(all).toMatch(/Ann Owner.*Invitation sent.*lee@acme\.test/);
    expect(all).toMatch(/Ann Owner.*Access token revoked/);
    expect(all).toMatch(/Ann Owner.*Password changed/);
    await screenshotsAtBothWidths(owner, 'people-audit');
  });
});
