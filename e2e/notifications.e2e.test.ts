import { describe, expect, it } from 'vitest';
import { localToday } from './dates.ts';
import { fileHarness, type Person } from './harness.ts';
import { AccountPage, AccountsPage } from './pages/accounts.ts';
import { NotificationCentre, NotificationSettings } from './pages/notifications.ts';
import { WeekPage } from './pages/week.ts';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

// The server's rhythm (what became due → notifications) runs every second here, not every minute.
const app = fileHarness({
  name: 'notifications',
  env: { LINCHPIN_RHYTHM_SECONDS: '1' },
  context: { viewport: DESKTOP },
});

const DECISION = 'Free express shipping on late orders this quarter';
const REVIEW = /Review the decision "Free express shipping on late orders this quarter"/;

/** Someone with an account and a decision whose review-by date is today, told so by the server's rhythm. */
async function withDecisionDueToday(name: string) {
  const person = await app.personOnTopOfTheirWeek(name);
  const account = await person.post('/accounts', { name: `Northwind of ${name}` });
  const decision = await person.post(`/accounts/${account.id}/decisions`, {
    title: DECISION,
    urgent: true,
    precedent: false,
    reviewBy: localToday(),
  });
  await expect.poll(async () => (await person.get('/notifications')).unread, { timeout: 20_000 }).toBe(1);
  return { person, accountId: account.id as string, decisionId: decision.id as string };
}

async function centreOf(person: Person, viewport = DESKTOP) {
  const week = new WeekPage(await app.page(person, { viewport }));
  await week.open();
  return new NotificationCentre(week.page);
}

/** On a phone, from the Accounts page (whose own width fits the screen). */
async function centreOnPhone(person: Person) {
  const accounts = new AccountsPage(await app.page(person, { viewport: PHONE }));
  await accounts.open();
  await accounts.button('New account').waitFor();
  return new NotificationCentre(accounts.page);
}

describe('the notification centre, in a browser', () => {
  it('rings for a decision due today and leads to it on the account page, read once followed', async () => {
    const { person, accountId, decisionId } = await withDecisionDueToday('Ann Owner');
    const centre = await centreOf(person);
    await expect.poll(() => centre.bellName()).toBe('Notifications, 1 unread');
    expect(await centre.badge.textContent()).toBe('1');

    await centre.openPanel();
    // Focus moves into the panel; the notification is today's, bold with its dot.
    expect(await centre.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('dialog');
    const days = await centre.days();
    expect(days.map(([day]) => day)).toEqual(['Today']);
    expect(days[0]?.[1]).toEqual([expect.stringMatching(REVIEW)]);
    expect(await centre.isUnread(REVIEW)).toBe(true);

    await centre.followNotification(REVIEW);
    expect(centre.location()).toBe(`accounts/${accountId}/decisions/${decisionId}`);
    const decision = new AccountPage(centre.page).decision(DECISION);
    await decision.waitFor();
    expect(await decision.getAttribute('aria-current')).toBe('true');
    expect(await decision.getAttribute('class')).toMatch(/is-highlighted/);
    // Scrolled to: the decision log is below the fold of the account page.
    await expect
      .poll(() =>
        decision.evaluate((element) => {
          const box = element.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);

    await expect.poll(() => centre.bellName()).toBe('Notifications, none unread');
    expect(await centre.badge.count()).toBe(0);
    await centre.openPanel();
    expect(await centre.items.count()).toBe(1);
    expect(await centre.isUnread(REVIEW)).toBe(false);
    expect((await person.get('/notifications')).unread).toBe(0);
  });

  it('works from the keyboard: Escape and clicking elsewhere close it, arrows and Enter follow', async () => {
    const { person, accountId } = await withDecisionDueToday('Kim Keys');
    const centre = await centreOf(person);
    await expect.poll(() => centre.bellName()).toBe('Notifications, 1 unread');
    await centre.bell.focus();
    await centre.page.keyboard.press('Enter');
    await centre.panel.waitFor();
    await centre.page.keyboard.press('Escape');
    await centre.panel.waitFor({ state: 'detached' });
    expect(await centre.bell.evaluate((bell) => bell === document.activeElement)).toBe(true);

    await centre.openPanel();
    await centre.page.locator('h1').first().click();
    await centre.panel.waitFor({ state: 'detached' });

    await centre.openPanel();
    await centre.page.keyboard.press('ArrowDown');
    await centre.page.keyboard.press('Enter');
    await centre.panel.waitFor({ state: 'detached' });
    expect(centre.location()).toMatch(new RegExp(`^accounts/${accountId}/decisions/`));
    await expect.poll(() => centre.bellName()).toBe('Notifications, none unread');
  });

  it('marks everything read at once, and says so when nothing is there', async () => {
    const { person } = await withDecisionDueToday('Mo Many');
    const centre = await centreOf(person);
    await expect.poll(() => centre.bellName()).toBe('Notifications, 1 unread');
    await centre.openPanel();
    await centre.markAllRead.click();
    await expect.poll(() => centre.bellName()).toBe('Notifications, none unread');
    // The bell and the panel's list re-render from the same answer, not necessarily in one frame.
    await expect.poll(() => centre.markAllRead.isDisabled()).toBe(true);
    await expect.poll(() => centre.isUnread(REVIEW)).toBe(false);

    const newcomer = await centreOf(await app.personOnTopOfTheirWeek('Nia New'));
    await newcomer.openPanel();
    expect(await newcomer.empty.textContent()).toBe("Nothing due. You're on top of things.");
  });

  it('fits a phone: the panel covers the screen without sideways scrolling', async () => {
    const { person } = await withDecisionDueToday('Pat Phone');
    const centre = await centreOnPhone(person);
    expect(await centre.page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
    await expect.poll(() => centre.bellName()).toBe('Notifications, 1 unread');
    await centre.openPanel();
    const box = await centre.panel.boundingBox();
    expect(box?.x).toBe(0);
    expect(box?.width).toBe(PHONE.width);
    expect(await centre.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await centre.followNotification(REVIEW);
    await expect.poll(() => centre.bellName()).toBe('Notifications, none unread');
  });
});

describe('Settings → Notifications', () => {
  it('turns the daily digest on, and it stays on after a reload', async () => {
    const person = await app.person('Dee Daily');
    const settings = new NotificationSettings(await app.page(person));
    await settings.open();
    const daily = settings.switch(/^Daily 08:00/);
    expect(await daily.isChecked()).toBe(false);
    expect(await settings.switch(/^Monday 08:00/).isChecked()).toBe(true);
    await settings.turn(/^Daily 08:00/, true, 'The daily digest on.');
    await settings.page.reload();
    await settings.heading('Notifications').waitFor();
    expect(await settings.switch(/^Daily 08:00/).isChecked()).toBe(true);
    expect((await person.get('/me/notification-settings')).daily).toBe(true);

    // Without e-mail nothing is mailed: the digests cannot be chosen until it is on again.
    await settings.turn('E-mail digests', false, 'E-mail digests off.');
    expect(await settings.switch(/^Daily 08:00/).isDisabled()).toBe(true);
    await settings.turn('E-mail digests', true, 'E-mail digests on.');
    expect(await settings.switch(/^Daily 08:00/).isDisabled()).toBe(false);
  });

  it('previews the next digest in a sandboxed frame', async () => {
    const person = await app.person('Pia Preview');
    const settings = new NotificationSettings(await app.page(person));
    await settings.open();
    await settings.button('Preview the next digest').click();
    await settings.preview.waitFor();
    expect((await settings.preview.getByTestId('digest-subject').textContent())?.length).toBeGreaterThan(0);
    expect(await settings.preview.locator('iframe').getAttribute('sandbox')).toBe('');
    // The mail as it looks: its own layout, not refused by the app's policy.
    const mail = settings.page.frameLocator('.digest-preview__frame');
    await mail.locator('h1').waitFor();
    expect(await mail.locator('h1').textContent()).toBe(
      await settings.preview.getByTestId('digest-subject').textContent(),
    );
    expect(await mail.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)).toBe(
      'rgb(243, 244, 247)',
    );
    await settings.preview.getByRole('button', { name: 'Plain text' }).click();
    expect((await settings.preview.locator('pre').textContent())?.length).toBeGreaterThan(0);
    await settings.page.keyboard.press('Escape');
    await settings.preview.waitFor({ state: 'detached' });
  });
});
