import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type MailServer, type ReceivedMail, startMailServer } from '../test/mail-server.ts';
import { fileHarness } from './harness.ts';
import { NotificationCentre } from './pages/notifications.ts';
import { RatingFormPage, RoundPage } from './pages/scorecard.ts';
import { WeekPage } from './pages/week.ts';

/**
 * A customer rating link sent by e-mail, end to end: the dialog on the round page, the server's
 * outbox (its rhythm runs every second here) handing the mail to a real SMTP server, the customer
 * rating through the mailed link without an account, and the sender told in the bell.
 */

const DESKTOP = { width: 1440, height: 1100 };
const PHONE = { width: 390, height: 844 };
/** Screenshots stay out of the repository. */
const SHOTS = '/tmp/linchpin-rating-mail';
mkdirSync(SHOTS, { recursive: true });
/** A screenshot of the viewport (dialogs are modal: the page under them is the page's own), or of one part. */
const shot = (page: Page, name: string, part?: Locator) =>
  (part ?? page).screenshot({ path: join(SHOTS, `${name}.png`) });

let mail: MailServer;
const app = fileHarness({
  name: 'rating-mail',
  env: { LINCHPIN_MAIL_FROM: 'Linchpin <linchpin@acme.test>', LINCHPIN_RHYTHM_SECONDS: '1' },
  beforeStart: async (env) => {
    mail = await startMailServer();
    env.LINCHPIN_SMTP_URL = mail.url;
    // No LINCHPIN_PUBLIC_URL: the links in mail point at the address first-run setup came from,
    // which is this server's own.
  },
  context: { viewport: DESKTOP },
});
afterAll(() => mail?.close());
beforeEach(() => app.deleteAccounts());

const NORTHWIND = 'Northwind Traders';
const ROUND = 'Q4 2026';
const GERMAN = `Guten Tag Herr Becker,

wir würden uns über Ihre ehrliche Einschätzung unserer Zusammenarbeit freuen. Nehmen Sie sich bitte fünf Minuten Zeit für sechs kurze Fragen – über uns und über Ihr eigenes Haus.

Vielen Dank und schöne Grüße aus Köln!`;
const THEIRS = {
  us: { trading: 2, credibility: 3, connectivity: 2 },
  them: { trading: 4, opportunity: 2 },
};

let customers = 0;
/** An address of the customer's no other test mails. */
const customerAddress = () => `tom.becker.${++customers}@northwind.test`;
const mailsTo = (address: string): ReceivedMail[] => mail.messages.filter((m) => m.to.includes(address));
/** Mail to anyone outside the workspace (digests to its people do not count). */
const customerMail = () => mail.messages.filter((m) => m.to.some((a) => !a.endsWith('@acme.test')));

/** A new person's Northwind Traders with the round Q4 2026, made through the API; its page open. */
async function round(viewport = DESKTOP) {
  const person = await app.personOnTopOfTheirWeek('Rita Seller');
  const account = await person.post('/accounts', { name: NORTHWIND });
  const made = await person.post(`/accounts/${account.id}/scorecard`, { name: ROUND });
  const page = new RoundPage(await app.page(person, { viewport }));
  await page.open(made.id);
  await page.heading(new RegExp(ROUND)).waitFor();
  return { person, id: made.id as string, page };
}

/** The mail as the customer's mail client would show it, at a width: how wide the page is then. */
async function mailWidth(html: string, width: number, name: string): Promise<number> {
  const file = join(SHOTS, `${name}.html`);
  writeFileSync(file, html);
  const page = await app.page(undefined, { viewport: { width, height: 900 } });
  await page.goto(`file://${file}`);
  await shot(page, `${name}-${width}`);
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('a rating link sent by e-mail, in real processes', () => {
  it('is mailed with the sender’s German words, rated through the mail’s link, and rings the sender’s bell', async () => {
    const { person, id, page } = await round();
    const to = customerAddress();

    // 1. The dialog: the address and a message in German; sent, a toast says so.
    const dialog = await page.openMailDialog();
    await shot(page.page, 'dialog-desktop-empty');
    await page.fillMail(to, GERMAN);
    await shot(page.page, 'dialog-desktop-filled');
    await page.sendMail();
    await page.toast(`Rating link sent to ${to}`);
    await dialog.waitFor({ state: 'detached' });
    // The link list shows the address and, once the outbox has sent it, that it was mailed.
    const row = page.customerLink(to);
    await row.waitFor();
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/open until .*mailed/);
    await page.dismissToasts();
    await shot(page.page, 'round-links-mailed', page.customerRaters);

    // 2. Exactly one mail to that address: the sender's words, the round, a link to this server.
    const received = await mail.next(to, 15_000);
    expect(received.subject).toBe(`★ ${ROUND} — Acme Supplies`);
    expect(received.headers['reply-to']).toContain(person.email);
    for (const line of GERMAN.split('\n').filter(Boolean)) {
      expect(received.text).toContain(line);
      expect(received.html).toContain(line.replace(/&/g, '&amp;'));
    }
    expect(received.text).toContain('— Rita Seller, Acme Supplies');
    const link = new RegExp(`${app.url}/#/rate/[\\w-]{43}`).exec(received.text)?.[0];
    expect(link, received.text).toBeTruthy();
    expect(received.html).toContain(`href="${link}"`);
    // Not a second one a few rhythm steps later.
    await new Promise((r) => setTimeout(r, 2500));
    expect(mailsTo(to)).toHaveLength(1);
    // Looked at in /tmp; a phone's width is checked below, with a link that cannot break.
    expect(await mailWidth(received.html, 800, 'mail')).toBeLessThanOrEqual(800);
    await mailWidth(received.html, 390, 'mail');

    // The customer opens the link in a browser of their own, with no session, rates and sends.
    const form = new RatingFormPage(await app.page(undefined, { viewport: { width: 1200, height: 1100 } }));
    await form.open(link ?? '');
    await form.heading(`Acme Supplies and ${NORTHWIND}: ${ROUND}`).waitFor();
    await form.raterName.fill('Tom Becker');
    await form.rate('Acme Supplies (supplier)', THEIRS.us);
    await form.rate(`${NORTHWIND} (your organisation)`, THEIRS.them);
    await form.send();
    await form.thanks.waitFor();

    // 3. The sender is told at once (the rating writes the notice): the bell, after a reload (it
    // polls only every minute), leads to the round, which has the customer's rating.
    const rated = `Tom Becker rated ${ROUND} (${NORTHWIND})`;
    await expect
      .poll(
        async () =>
          (await person.get('/notifications?unread=true')).items.map((n: { title: string }) => n.title),
        {
          timeout: 5_000,
        },
      )
      .toEqual([rated]);
    const week = new WeekPage(page.page);
    await week.openFromHeader();
    await page.page.reload();
    const centre = new NotificationCentre(page.page);
    await expect.poll(() => centre.bellName()).toBe('Notifications, 1 unread');
    await centre.openPanel();
    await shot(page.page, 'bell-rated');
    await centre.followNotification(rated);
    expect(centre.location()).toBe(`scorecard/${id}`);
    await expect.poll(() => page.raters('They rate us (1 rater)').count()).toBe(1);
    await expect
      .poll(() => page.gapRows.filter({ hasText: 'Connectivity' }).textContent())
      .toMatch(/Connectivity\s*–\s*2\.0/);
    await page.page
      .getByRole('listitem')
      .filter({ hasText: 'Tom Becker' })
      .filter({ hasText: 'customer' })
      .waitFor();
    await expect.poll(() => row.textContent()).toMatch(/rated\s*mailed/);
    await expect.poll(() => centre.bellName()).toBe('Notifications, none unread');
    await page.dismissToasts();
    await shot(page.page, 'round-rated', page.customerRaters);
  });

  it('refuses an address that is not one, on the field, and mails nothing', async () => {
    const { id, page, person } = await round();
    const before = customerMail().length;
    const dialog = await page.openMailDialog();

    // Nothing typed: the field says what it wants.
    await page.sendMail();
    const to = dialog.getByLabel('To', { exact: true });
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('.field__error').allTextContents()).toEqual(['Enter their e-mail address']);

    const bad = 'tom.becker@northwind';
    await page.fillMail(bad);
    await expect.poll(() => to.getAttribute('aria-invalid')).toBeNull();
    await page.sendMail();
    await expect.poll(() => to.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('.field__error').allTextContents()).toEqual([
      'Check the address — it should look like name@company.com',
    ]);
    await shot(page.page, 'dialog-invalid', dialog);
    // The dialog stays open with what was typed; no link was made and nothing is mailed.
    expect(await to.inputValue()).toBe(bad);
    expect(await dialog.getByLabel('Message', { exact: true }).inputValue()).toMatch(/^Hello,/);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await person.get(`/scorecard/rounds/${id}`)).invitations).toEqual([]);
    expect(customerMail()).toHaveLength(before);
    expect(await page.customerLink(/northwind/).count()).toBe(0);

    // Typing again clears the error; a right address goes.
    const good = customerAddress();
    await page.fillMail(good);
    await expect.poll(() => to.getAttribute('aria-invalid')).toBeNull();
    await page.sendMail();
    await page.toast(`Rating link sent to ${good}`);
    await mail.next(good, 15_000);
  });

  it('fits a phone: the dialog, and the link list with an address in it', async () => {
    const { page } = await round(PHONE);
    const scrollWidth = () => page.page.evaluate(() => document.documentElement.scrollWidth);
    const dialog = await page.openMailDialog();
    await page.fillMail(`tom.becker.with.a.long.address.${++customers}@northwind-traders.test`, GERMAN);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    await shot(page.page, 'dialog-phone', dialog);
    await page.sendMail();
    await dialog.waitFor({ state: 'detached' });
    await page.customerLink('northwind-traders.test').waitFor();
    await page.dismissToasts();
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
    await shot(page.page, 'round-links-phone', page.customerRaters);
    // Withdrawn, it says so in the words of its button.
    const row = page.customerLink('northwind-traders.test');
    await row.getByRole('button', { name: 'Withdraw' }).click();
    await expect.poll(() => row.textContent()).toMatch(/withdrawn/);
    expect(await scrollWidth()).toBeLessThanOrEqual(PHONE.width);
  });

  // The link written out in full is one long word: it must break, or the mail scrolls sideways.
  it('a mailed link that cannot break still fits a phone-wide mail client', async () => {
    const { person, id } = await round();
    const to = customerAddress();
    await person.post(`/scorecard/rounds/${id}/invitations/email`, { to, message: 'Hallo!' });
    const { html } = await mail.next(to, 15_000);
    // The same mail with a token of the same length that has no break opportunity.
    const unbreakable = html.replace(/#\/rate\/[\w-]{43}/g, `#/rate/${'x'.repeat(43)}`);
    expect(await mailWidth(unbreakable, 390, 'mail-unbreakable')).toBeLessThanOrEqual(390);
  });
});
