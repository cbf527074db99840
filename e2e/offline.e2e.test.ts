import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PASSWORD } from './api.ts';
import { screenshot } from './browser.ts';
import { addDays, localToday } from './dates.ts';
import { fileHarness, type Person } from './harness.ts';
import { Device } from './pages/offline.ts';
import { PHONE, PhoneShell, TodayPage } from './pages/phone.ts';
import { SignInPage } from './pages/sign-in.ts';
import { WeekPage } from './pages/week.ts';

const app = fileHarness({ name: 'offline', context: { serviceWorkers: 'allow' } });

/** A person's activities of today with this title, as the server has them. */
async function activitiesTitled(person: Person, title: string) {
  const today = localToday();
  const { items } = await person.get(`/activities?from=${today}T00:00&to=${addDays(today, 1)}T00:00`);
  return (items as { title: string }[]).filter((activity) => activity.title === title);
}

/** An action planned for today, through the API. */
async function planToday(person: Person, title: string): Promise<string> {
  const item = await person.post('/plan-items', { title, day: localToday(), minutes: 30 });
  return item.id;
}

/** Today on a phone, with this build's service worker in control and the person's screens saved. */
async function todayOnAPhone(person: Person, options = {}) {
  const page = await app.page(person, { ...PHONE, ...options });
  const today = new TodayPage(page);
  await today.open();
  const device = new Device(page);
  return { page, today, device, shell: new PhoneShell(page) };
}

describe('Linchpin installed on a phone', () => {
  it('links a manifest with its icons, and serves what installs the app to be checked on every visit', async () => {
    const page = await app.page(undefined, PHONE);
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await fetch(`${app.url}${href}`);
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    const { name, short_name, start_url, display, theme_color, background_color, icons } =
      await manifest.json();
    expect({ name, short_name, start_url, display, theme_color, background_color }).toEqual({
      name: 'Linchpin',
      short_name: 'Linchpin',
      start_url: '/',
      display: 'standalone',
      theme_color: '#ffffff',
      background_color: '#f5f6f8',
    });
    const pngs = icons.filter((icon: { type: string }) => icon.type === 'image/png');
    expect(pngs.map((icon: { sizes: string; purpose: string }) => `${icon.sizes} ${icon.purpose}`)).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of pngs) {
      const answer = await fetch(`${app.url}${icon.src}`);
      expect(answer.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await answer.arrayBuffer());
      // The PNG header's width and height.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    const worker = await fetch(`${app.url}/sw.js`);
    expect(worker.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('Linchpin without a connection', () => {
  it('opens the last viewed Week offline and keeps its quick-adds until the connection is back', async () => {
    const person = await app.person('Wanda Week');
    await person.post('/activities', {
      title: 'Account plan with the buyer',
      startsAt: `${localToday()}T08:00`,
      minutes: 60,
      urgent: false,
      important: true,
    });
    const page = await app.page(person);
    const week = new WeekPage(page);
    await week.open();
    await week.card('Account plan with the buyer').waitFor();
    const device = new Device(page);
    await device.controlled();
    await device.screensSaved(person.id, ['activities'], ['week-report'], ['trend']);

    await page.context().setOffline(true);
    await page.reload();
    await week.card('Account plan with the buyer').waitFor();
    await week.sendQuickAdd({ title: 'Offline follow-up', minutes: 30 });
    await week.waiting.filter({ hasText: 'Offline follow-up' }).getByText('waiting to sync').waitFor();
    await screenshot(page, 'offline-week');

    await page.context().setOffline(false);
    await week.card('Offline follow-up').waitFor({ timeout: 20_000 });
    await expect.poll(() => week.waiting.count()).toBe(0);
    expect(await activitiesTitled(person, 'Offline follow-up')).toHaveLength(1);
  });

  it('opens offline with the last Today, queues quick-adds and ticks, and sends each once when back', async () => {
    const person = await app.person('Olive Offline');
    await planToday(person, 'Call the buyer');
    const { page, today, device, shell } = await todayOnAPhone(person);
    await today.action('Call the buyer').waitFor();
    await device.controlled();
    await device.screensSaved(person.id, ['plans', 'today'], ['activities']);

    await page.context().setOffline(true);
    await today.addTime({ title: 'Site visit in the car park', minutes: 45, quadrant: 'q2' });
    await today.waitingRow('Site visit in the car park').waitFor();
    await today.addTime({ title: 'Notes on the train', minutes: 15, quadrant: 'q3' });
    await today.waitingRow('Notes on the train').waitFor();
    await today.action('Call the buyer').getByRole('checkbox').click();
    await today.action('Call the buyer').getByText('waiting to sync').waitFor();
    await expect.poll(() => shell.syncStatus.textContent()).toBe('Offline3 waiting to sync');
    await screenshot(page, 'offline-today-waiting');

    // A reload without a connection: the shell from the service worker, the data from the device.
    await page.reload();
    await today.form.waitFor();
    await today.action('Call the buyer').getByText('waiting to sync').waitFor();
    expect(await today.action('Call the buyer').getByRole('checkbox').isChecked()).toBe(true);
    expect(await today.waiting.count()).toBe(2);
    expect(await shell.syncStatus.textContent()).toBe('Offline3 waiting to sync');
    expect(await activitiesTitled(person, 'Site visit in the car park')).toEqual([]);
    await screenshot(page, 'offline-today-reloaded');

    await page.context().setOffline(false);
    await shell.syncStatus.waitFor({ state: 'detached', timeout: 20_000 });
    await today.loggedRow('Site visit in the car park').waitFor();
    await today.loggedRow('Notes on the train').waitFor();
    await expect.poll(() => today.waiting.count()).toBe(0);
    for (const title of ['Site visit in the car park', 'Notes on the train', 'Call the buyer'])
      expect(await activitiesTitled(person, title)).toHaveLength(1);
    const { items } = await person.get('/today');
    expect(items.find((item: { title: string }) => item.title === 'Call the buyer')?.done).toBe(true);
    expect(await device.queue()).toEqual([]);
  });

  it('retries a request that got no answer with the same key, so nothing is created twice', async () => {
    const person = await app.person('Rhea Retry');
    const { page, today, device } = await todayOnAPhone(person);
    await device.controlled();
    // The server gets the request and answers, but the answer never reaches the phone.
    let cut = true;
    await page.route('**/api/activities', async (route) => {
      if (!cut || route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await today.addTime({ title: 'Lost answer', minutes: 30, quadrant: 'q1' });
    await today.waitingRow('Lost answer').waitFor();
    expect(await activitiesTitled(person, 'Lost answer')).toHaveLength(1);
    const [queued] = await device.queue();
    cut = false;
    // The next try (a retry after a few seconds, or the reconnection) replays the first answer.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await today.loggedRow('Lost answer').waitFor({ timeout: 20_000 });
    expect(queued?.key).toMatch(/^[0-9a-f]{32}$/);
    expect(await activitiesTitled(person, 'Lost answer')).toHaveLength(1);
  });

  it('shows a change the server refused, with the reason, until it is dismissed', async () => {
    const person = await app.person('Connie Conflict');
    const itemId = await planToday(person, 'Send the proposal');
    const { page, today, device, shell } = await todayOnAPhone(person);
    await today.action('Send the proposal').waitFor();
    await device.controlled();

    await page.context().setOffline(true);
    await today.action('Send the proposal').getByRole('checkbox').click();
    await today.action('Send the proposal').getByText('waiting to sync').waitFor();
    // Meanwhile, on the laptop: the action is deleted.
    await person.delete(`/plan-items/${itemId}`);
    await page.context().setOffline(false);

    const problem = shell.syncProblems.getByRole('alert');
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.textContent()).toContain('Couldn’t sync ticking ‘Send the proposal’');
    expect(await problem.textContent()).toContain('It was deleted meanwhile.');
    await screenshot(page, 'offline-conflict');
    await problem.getByRole('button', { name: 'Dismiss' }).click();
    await shell.syncProblems.waitFor({ state: 'detached' });
    expect(await device.queue()).toEqual([]);
  });

  it('forgets the queue and the saved screens on sign-out: the next person sees and sends nothing', async () => {
    const olga = await app.person('Olga First');
    const next = await app.person('Nina Next');
    const { page, today, device, shell } = await todayOnAPhone(olga);
    await device.controlled();
    await device.screensSaved(olga.id);
    await page.context().setOffline(true);
    await today.addTime({ title: 'Olga’s private visit', minutes: 30, quadrant: 'q2' });
    await today.waitingRow('Olga’s private visit').waitFor();
    expect(await device.queue()).toHaveLength(1);
    // Offline the server's session would go on: signing out is refused, and nothing is thrown away.
    await shell.openMore();
    await shell.moreSheet.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('Not signed out: there is no connection').waitFor();
    expect(await device.queue()).toHaveLength(1);
    await page.keyboard.press('Escape');
    await shell.moreSheet.waitFor({ state: 'detached' });
    // Signed out before the queue went out (its requests are held back here).
    await page.route('**/api/activities', (route) => route.abort('internetdisconnected'));
    await page.context().setOffline(false);
    await shell.openMore();
    await shell.moreSheet.getByRole('button', { name: 'Sign out' }).click();
    const signIn = new SignInPage(page);
    await signIn.button('Sign in').waitFor();
    expect(await device.queue()).toEqual([]);
    expect(await device.savedKeys()).toEqual([]);

    await page.unroute('**/api/activities');
    await signIn.submit(next.email, PASSWORD);
    await today.open();
    await device.screensSaved(next.id);
    expect(await today.waiting.count()).toBe(0);
    expect(await shell.syncStatus.count()).toBe(0);
    expect(await device.queue()).toEqual([]);
    expect(await activitiesTitled(olga, 'Olga’s private visit')).toEqual([]);
    expect(await activitiesTitled(next, 'Olga’s private visit')).toEqual([]);
  });

  it('asks to reload when a new version is deployed, and then runs only the new one', async () => {
    const person = await app.person('Vera Version');
    const front = await deployableFront(app.url);
    try {
      const { page, today, device } = await todayOnAPhone(person, { baseURL: front.url });
      await device.controlled();
      const [oldCache] = await device.cacheNames();
      expect(oldCache).toMatch(/^linchpin-shell-[0-9a-f]{16}$/);

      front.deploy();
      await checkForUpdate(page);
      const prompt = page.getByTestId('update-prompt');
      await prompt.waitFor({ timeout: 20_000 });
      expect(await prompt.textContent()).toContain('A new version of Linchpin is ready');
      await screenshot(page, 'offline-update-prompt');
      await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
      await today.form.waitFor();
      // The new build's worker runs the page, and the old build's cache is gone.
      expect(await device.cacheNames()).toEqual([`linchpin-shell-${NEXT_VERSION}`]);
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
      expect(await prompt.count()).toBe(0);
    } finally {
      await front.close();
    }
  });
});

const NEXT_VERSION = '0123456789abcdef';

/**
 * The server behind a front that can "deploy" a new build: from `deploy()` on, its sw.js is the
 * worker of another version (the one built, with the version replaced), as after an upgrade.
 */
async function deployableFront(upstream: string) {
  let deployed = false;
  const server = createServer(async (req, res) => {
    const answer = await fetch(`${upstream}${req.url}`, {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).flatMap(([name, value]) =>
          typeof value === 'string' && name !== 'host' ? [[name, value]] : [],
        ),
      ),
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Readable.toWeb(req),
      duplex: 'half',
    } as RequestInit);
    let body = Buffer.from(await answer.arrayBuffer());
    if (deployed && req.url === '/sw.js')
      body = Buffer.from(body.toString().replace(/"[0-9a-f]{16}"/g, `"${NEXT_VERSION}"`));
    const headers = Object.fromEntries(
      [...answer.headers].filter(([name]) => !['content-length', 'content-encoding'].includes(name)),
    );
    res.writeHead(answer.status, { ...headers, 'content-length': body.length });
    res.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deploy: () => {
      deployed = true;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What the browser does on a visit or when the app comes back to view: asks the server for sw.js. */
async function checkForUpdate(page: Page) {
  await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
}
