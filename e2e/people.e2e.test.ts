import { afterAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { type MailServer, startMailServer } from '../test/mail-server.ts';
import { Api, acceptInvitation, LOCAL_ZONE, PASSWORD, signIn, tokenOf } from './api.ts';
import { screenshot } from './browser.ts';
import { fileHarness } from './harness.ts';
import { AccountPage, AccountsPage } from './pages/accounts.ts';
import { InvitePage } from './pages/public.ts';
import type { Screen } from './pages/screen.ts';
import { SettingsPage } from './pages/settings.ts';
import { SignInPage } from './pages/sign-in.ts';
import { WeekPage } from './pages/week.ts';

const DESKTOP = { width: 1440, height: 1000 };
const PHONE = { width: 390, height: 844 };
const NEW_PASSWORD = 'a new horse battery';

let mail: MailServer;
const app = fileHarness({
  name: 'people',
  env: { LINCHPIN_MAIL_FROM: 'Linchpin <linchpin@acme.test>' },
  beforeStart: async (env) => {
    mail = await startMailServer();
    env.LINCHPIN_SMTP_URL = mail.url;
  },
  context: { viewport: DESKTOP },
});
afterAll(() => mail?.close());

// Each test starts with Ann Owner the only active person, no open invitation and no account.
beforeEach(async () => {
  await app.deleteAccounts();
  const { items: invitations } = await app.owner.get('/invitations');
  for (const i of invitations.filter((i: { status: string }) => i.status === 'pending'))
    await app.owner.delete(`/invitations/${i.id}`);
  const { items: people } = await app.owner.get('/users');
  for (const p of people.filter(
    (p: { id: string; status: string }) => p.id !== app.owner.id && p.status === 'active',
  ))
    await app.owner.patch(`/users/${p.id}`, { active: false });
});

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The next mail to `email` that carries a link of this kind (an invitation mail may come first). */
async function mailedLink(email: string, kind: 'invite' | 'reset'): Promise<string> {
  const pattern = new RegExp(`https?://\\S+#/${kind}/\\S+`);
  for (;;) {
    const link = pattern.exec((await mail.next(email)).text)?.[0];
    if (link) return link;
  }
}

/** Takes the page at phone width too, and fails if it scrolls sideways there. */
async function screenshotsAtBothWidths(screen: Screen, name: string) {
  await screen.dismissToasts();
  await screenshot(screen.page, `${name}-desktop`);
  await screen.page.setViewportSize(PHONE);
  await expect
    .poll(() => screen.page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(PHONE.width);
  await screenshot(screen.page, `${name}-phone`);
  await screen.page.setViewportSize(DESKTOP);
}

/** Ann's Settings in a fresh context, at a section (`people`, `tokens`, `audit`). */
async function ownerAt(section: 'people' | 'tokens' | 'audit'): Promise<SettingsPage> {
  const settings = new SettingsPage(await app.page(app.owner));
  await settings.open(section);
  return settings;
}

/** Invites from the dialog; the mail carries the same one-time link as the dialog shows. */
async function inviteFromPeople(settings: SettingsPage, email: string, role: 'Member' | 'Leader') {
  const sent = await settings.invite(email, role);
  await expect
    .poll(() => sent.getByTestId('invite-result').textContent())
    .toContain(`We e-mailed this link to ${email}`);
  const shown = await sent.getByTestId('invitation-link').inputValue();
  await screenshot(settings.page, `people-invited-${role.toLowerCase()}`);
  await sent.getByRole('button', { name: 'Done' }).click();
  await sent.waitFor({ state: 'detached' });
  const message = await mail.next(email);
  expect(message.subject).toBe('Ann Owner invited you to Acme Supplies on Linchpin');
  expect(/https?:\/\/\S+#\/invite\/\S+/.exec(message.text)?.[0]).toBe(shown);
  return shown;
}

describe('people and access, in a browser', () => {
  it('the owner invites Ben from Settings → People, and the link arrives by mail', async () => {
    const settings = new SettingsPage(await app.page(app.owner));
    await new WeekPage(settings.page).open();
    await settings.openSection('People');
    await settings.heading('People').waitFor();
    await inviteFromPeople(settings, 'ben@acme.test', 'Member');
    expect(await settings.invitation('ben@acme.test').textContent()).toMatch(
      /Invited by Ann Owner.*Member.*Invited/,
    );
  });

  it('Ben joins with the link, lands on his week and logs an activity', async () => {
    const { url } = await app.owner.post('/invitations', { email: 'ben.joins@acme.test', role: 'member' });
    const join = new InvitePage(await app.page());
    await join.open(url);
    await expect
      .poll(() => join.intro.textContent())
      .toBe('Ann Owner invited you to join Acme Supplies as a member.');
    expect(await join.email.inputValue()).toBe('ben.joins@acme.test');
    await screenshotsAtBothWidths(join, 'people-invite');

    await join.join('Acme Supplies', 'Ben Member', PASSWORD);
    expect(new URL(join.page.url()).hash).toMatch(/^#\/week/);
    await new WeekPage(join.page).quickAdd({ title: 'Coffee with the Northwind buyer', important: true });
    // A member may add accounts of their own.
    await join.follow('Accounts');
    await new AccountsPage(join.page).create({ name: 'Northwind Traders' });
  });

  it('Ben, a member, reads who is in the workspace but changes nothing there', async () => {
    const bea = await app.person('Bea Member');
    const settings = new SettingsPage(await app.page(bea));
    await new WeekPage(settings.page).open();
    await settings.openSection('People');
    await expect
      .poll(() => settings.people.allTextContents())
      .toEqual([
        expect.stringMatching(/^AOAnn Owner.*Owner/),
        expect.stringMatching(/^BMBea MemberYou.*Member/),
      ]);
    expect(await settings.peopleList.locator('select, button').count()).toBe(0);
    expect(await settings.inviteButton.count()).toBe(0);
    expect(await settings.page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await screenshotsAtBothWidths(settings, 'people-member-view');
    await new WeekPage(settings.page).openFromHeader();
  });

  it('an invitation link opened a second time says it was already used', async () => {
    const { url } = await app.owner.post('/invitations', { email: 'bill.used@acme.test', role: 'member' });
    await acceptInvitation(app.url, url, { name: 'Bill Member', password: PASSWORD, timeZone: LOCAL_ZONE });
    const stranger = new InvitePage(await app.page());
    await stranger.open(url);
    await stranger.heading('This invitation was already used — sign in instead').waitFor();
    await stranger.follow('Sign in');
    await stranger.button('Sign in').waitFor();
  });

  it('the owner invites a leader and sets Ben to report to her; loops and the last owner are refused', async () => {
    const bob = await app.person('Bob Member');
    const settings = await ownerAt('people');
    const leeLink = await inviteFromPeople(settings, 'lee@acme.test', 'Leader');
    await acceptInvitation(app.url, leeLink, {
      name: 'Lee Leader',
      password: PASSWORD,
      timeZone: 'Europe/London',
    });

    await settings.page.reload();
    await settings.person('Lee Leader').waitFor();
    expect(await settings.person('Lee Leader').textContent()).toMatch(/lee@acme\.test.*Active/);
    expect(await settings.invitations.count()).toBe(0);

    await settings.reportsTo(bob.name).selectOption({ label: 'Lee Leader' });
    await settings.toast(`${bob.name} now reports to Lee Leader.`);
    await settings.reportsTo('Lee Leader').selectOption({ label: 'Ann Owner' });
    await settings.toast('Lee Leader now reports to Ann Owner.');

    // Ann reporting to Lee, who reports to Ann: the server refuses, the row says why.
    await settings.reportsTo('Ann Owner').selectOption({ label: 'Lee Leader' });
    await settings
      .person('Ann Owner')
      .getByText(/would make a loop/)
      .waitFor();
    expect(await settings.reportsTo('Ann Owner').inputValue()).toBe('');
    // The only owner cannot stop being one.
    await settings.roleOf('Ann Owner').selectOption('member');
    await settings
      .person('Ann Owner')
      .getByText(/last owner/)
      .waitFor();
    expect(await settings.roleOf('Ann Owner').inputValue()).toBe('owner');

    await settings.page.reload();
    await settings.person(bob.name).waitFor();
    expect(await settings.reportsTo(bob.name).inputValue()).not.toBe('');
    await screenshotsAtBothWidths(settings, 'people-settings');
  });

  it('a withdrawn invitation says whom to ask for a new one; a made-up link is not valid', async () => {
    const settings = await ownerAt('people');
    const catLink = await inviteFromPeople(settings, 'cat@acme.test', 'Member');
    const row = settings.invitation('cat@acme.test');
    await row.getByRole('button', { name: 'Withdraw' }).click();
    await settings.toast('Withdrew the invitation for cat@acme.test.');
    await expect.poll(() => row.count()).toBe(0);

    const cat = new InvitePage(await app.page());
    await cat.open(catLink);
    await cat.heading('This invitation has expired or was withdrawn').waitFor();
    expect(await cat.explanation.textContent()).toMatch(/ask Ann Owner for a new one/);
    await cat.open('/#/invite/made-up');
    await cat.heading('This invitation link is not valid').waitFor();
  });

  it('the owner deactivates Ben, and his open page drops to sign-in on its next request', async () => {
    const bert = await app.person('Bert Member');
    await bert.post('/accounts', { name: 'Northwind Traders' });
    const his = new WeekPage(await app.page(bert));
    await his.open();
    const settings = await ownerAt('people');
    const deactivate = async () => {
      await settings.deactivate(bert.name, async (confirm) => {
        await screenshot(settings.page, 'people-deactivate-confirm');
        expect(await confirm.textContent()).toMatch(
          /stop working at once.*Accounts they own will need a new owner/s,
        );
      });
      await settings.toast(`${bert.name} is deactivated.`);
      await settings.person(bert.name).getByText('Deactivated', { exact: true }).waitFor();
    };
    const signedOut = new SignInPage(his.page);

    await deactivate();
    // His tab still shows his week; the next page he opens asks the server, and is refused.
    await his.follow('Reflections');
    await expect.poll(() => signedOut.note.textContent()).toMatch(/You were signed out/);

    // Back again, he signs in; deactivated once more, his next reload lands on sign-in with the note.
    await settings.person(bert.name).getByRole('button', { name: 'Reactivate' }).click();
    await settings.toast(`${bert.name} is active again.`);
    await signedOut.submit(bert.email, PASSWORD);
    await his
      .heading(/Reflections/)
      .first()
      .waitFor();
    await deactivate();
    await his.page.reload();
    await expect.poll(() => signedOut.note.textContent()).toMatch(/You were signed out/);
    await screenshot(his.page, 'people-signed-out');

    await settings.follow('Accounts');
    const card = new AccountsPage(settings.page).card('Northwind Traders');
    await card.getByTestId('needs-owner').waitFor();
    await card.getByRole('link', { name: 'Northwind Traders' }).click();
    await new AccountPage(settings.page).needsOwner.waitFor();
    await settings.button('Hand over…').waitFor();
    await screenshot(settings.page, 'people-needs-owner');
  });

  it('the owner makes an access token, sees it once and revokes it; then changes her password', async () => {
    const settings = await ownerAt('tokens');
    const token = await settings.createToken('Reporting script', 30);
    const asScript = new Api(app.url, { token });
    expect((await asScript.send('GET', '/me')).status).toBe(200);
    const row = settings.token('Reporting script');
    expect(await row.textContent()).toMatch(/Created .*Last used never.*Expires /);
    await screenshotsAtBothWidths(settings, 'people-tokens');

    await settings.revokeToken('Reporting script');
    await settings.toast('Revoked Reporting script.');
    await expect.poll(() => row.count()).toBe(0);
    expect((await asScript.send('GET', '/me')).status).toBe(401);

    await settings.switchTo('Password');
    await settings.changePassword('not my password', NEW_PASSWORD);
    // The server's word, beside the field it is about.
    await settings.fieldError('is not your current password').waitFor();
    // Ann's password is the other tests' too: back to it afterwards, if it changed.
    onTestFinished(async () => {
      const session = await signIn(app.url, app.owner.email, NEW_PASSWORD).catch(() => null);
      if (session)
        await new Api(app.url, { cookie: session }).post('/me/password', {
          currentPassword: NEW_PASSWORD,
          newPassword: PASSWORD,
        });
    });
    await settings.changePassword(PASSWORD, NEW_PASSWORD);
    await settings.toast('Password changed; other sessions were signed out');
    // This session stays.
    await settings.page.reload();
    await settings.heading('Password').waitFor();
  });

  it('a forgotten password is reset with the mailed link, then used to sign in', async () => {
    const liz = await app.person('Liz Leader', { role: 'leader' });
    const page = new SignInPage(await app.page());
    await page.open();
    await page.requestReset(liz.email);
    await expect
      .poll(() => page.resetRequested.textContent())
      .toBe('If that address has an account, we sent a link. It works for one hour.');
    const link = await mailedLink(liz.email, 'reset');

    await page.page.goto(link);
    await page.setNewPassword('liz resets her horse');
    await expect.poll(() => page.note.textContent()).toMatch(/password is changed/);
    await page.signIn(liz.email, 'liz resets her horse');

    // A leader invites members only, into her own team unless she says otherwise.
    const settings = new SettingsPage(page.page);
    await settings.open('people');
    await settings.inviteButton.click();
    const dialog = settings.inviteDialog;
    expect(await dialog.getByLabel('Role').isDisabled()).toBe(true);
    expect(await dialog.getByLabel('Role').inputValue()).toBe('member');
    expect(await dialog.getByLabel('Reports to').locator('option:checked').textContent()).toBe(liz.name);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The link works once.
    await page.page.goto(link);
    await page.setNewPassword('another horse battery');
    await page.heading('This reset link has expired or was used').waitFor();
  });

  it('the audit log says who did what, newest first', async () => {
    const lou = await app.person('Lou Leader', { role: 'leader' });
    const bruno = await app.person('Bruno Member');
    await app.owner.patch(`/users/${bruno.id}`, { active: false });
    const made = await app.owner.post('/me/tokens', { name: 'Audit script' });
    await app.owner.delete(`/me/tokens/${made.id}`);
    // Changed and changed back: Ann's password is the other tests' too.
    await app.owner.post('/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    await app.owner.post('/me/password', { currentPassword: NEW_PASSWORD, newPassword: PASSWORD });
    const anyone = new Api(app.url);
    await anyone.post('/public/password-reset', { email: lou.email });
    const link = await mailedLink(lou.email, 'reset');
    await anyone.post(`/public/password-reset/${tokenOf(link)}`, { password: 'lou resets her horse' });

    const settings = await ownerAt('audit');
    const entries = settings.auditEntries;
    await entries.first().waitFor();
    expect(await entries.first().textContent()).toMatch(/Lou Leader.*Password reset/);
    const all = (await entries.allTextContents()).join('\n');
    expect(all).toMatch(new RegExp(`Ann Owner.*Deactivated.*Bruno Member <${literally(bruno.email)}>`));
    expect(all).toMatch(/Bruno Member.*Invitation accepted/);
    expect(all).toMatch(new RegExp(`Ann Owner.*Invitation sent.*${literally(lou.email)}`));
    expect(all).toMatch(/Ann Owner.*Access token revoked/);
    expect(all).toMatch(/Ann Owner.*Password changed/);
    await screenshotsAtBothWidths(settings, 'people-audit');
  });
});
