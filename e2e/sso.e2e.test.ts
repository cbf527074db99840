import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { startOidcProvider, type TestOidcProvider } from '../test/oidc-provider.ts';
import { tokenOf } from './api.ts';
import { screenshot } from './browser.ts';
import { fileHarness } from './harness.ts';

let provider: TestOidcProvider | undefined;
const app = fileHarness({
  name: 'sso',
  // The provider first: the server is pointed at it by LINCHPIN_OIDC_* when it starts.
  beforeStart: async (env) => {
    provider = await startOidcProvider({
      ivy: { email: 'ivy@partner.test', emailVerified: true, name: 'Ivy Invited' },
      sam: { email: 'sam@stranger.test', emailVerified: true, name: 'Sam Stranger' },
      pia: { email: 'pia@elsewhere.test', emailVerified: true, name: 'Pia Leader' },
    });
    Object.assign(env, provider.env);
  },
});
afterAll(() => provider?.close());

/** Clicks "Sign in with Acme ID" (on the sign-in page unless `from` names another) and logs in at the provider's own page as `login`. */
async function signInWithSso(page: Page, login: string, from = '/') {
  await page.goto(from);
  await page.getByRole('button', { name: 'Sign in with Acme ID' }).click();
  await page.waitForURL((url) => url.href.startsWith(provider?.issuer ?? '-'));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('whatever the provider wants');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.waitForURL((url) => url.href.startsWith(app.url));
}

describe('single sign-on in the browser', () => {
  it('lets an invited person in through the provider, as a member', async () => {
    await app.owner.post('/invitations', { email: 'ivy@partner.test', role: 'member' });
    const page = await app.page();
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in with Acme ID' }).waitFor();
    await page.getByText('or with your password').waitFor();
    await screenshot(page, 'sso-sign-in');
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, 'sso-sign-in-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    await signInWithSso(page, 'ivy');
    // Landed in Linchpin, signed in: the header offers to sign out.
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
    expect(me).toMatchObject({ email: 'ivy@partner.test', name: 'Ivy Invited', role: 'member' });
  });

  it('sends a stranger back to the sign-in page saying whom to ask', async () => {
    const page = await app.page();
    await signInWithSso(page, 'sam');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Ask your workspace owner for an invitation/);
    // The message is shown once: the address no longer carries it.
    expect(new URL(page.url()).search).toBe('');
    await screenshot(page, 'sso-refused');
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.status));
    expect(me).toBe(401);
  });

  it('lets the owner turn passwords off, after which the page offers only the provider', async () => {
    const page = await app.page(app.owner);
    await page.goto('/#/settings/sign-in');
    await page.getByLabel('E-mail domains that may join by single sign-on').fill('partner.test');
    await page.getByLabel('Passwords off: sign in with SSO only').check();
    await page.getByRole('button', { name: 'Save sign-in' }).click();
    await page.getByText('Sign-in settings saved.').waitFor();
    await screenshot(page, 'sso-settings');
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, 'sso-settings-phone');

    const signedOut = await app.page();
    await signedOut.goto('/');
    await signedOut.getByRole('button', { name: 'Sign in with Acme ID' }).waitFor();
    expect(await signedOut.getByLabel('Password').count()).toBe(0);
    await screenshot(signedOut, 'sso-only');
    await app.owner.put('/workspace/sign-in', { ssoDomains: ['partner.test'], passwordsOff: false });
  });

  it('with passwords off, has an invitation link offer the provider instead of a password', async () => {
    await app.owner.put('/workspace/sign-in', { ssoDomains: [], passwordsOff: true });
    try {
      const { url } = await app.owner.post('/invitations', { email: 'pia@elsewhere.test', role: 'leader' });
      const page = await app.page();
      const link = `/#/invite/${tokenOf(url)}`;
      await page.goto(link);
      await page.getByRole('button', { name: 'Sign in with Acme ID' }).waitFor();
      expect(await page.getByTestId('invite-sso').textContent()).toMatch(
        /signs in with Acme ID, not with passwords\. Sign in there as pia@elsewhere\.test to join/,
      );
      expect(await page.getByLabel('Password').count()).toBe(0);
      await screenshot(page, 'sso-invitation');

      await signInWithSso(page, 'pia', link);
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
      expect(me).toMatchObject({ email: 'pia@elsewhere.test', role: 'leader' });

      // Forgot password has nothing to send: the page says how to sign in instead.
      const signedOut = await app.page();
      await signedOut.goto('/#/forgot');
      expect(await signedOut.getByTestId('passwords-off').textContent()).toMatch(
        /signs in with Acme ID only/,
      );
    } finally {
      await app.owner.put('/workspace/sign-in', { ssoDomains: ['partner.test'], passwordsOff: false });
    }
  });
});
