import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fileHarness } from './harness.ts';
import { RatingFormPage } from './pages/scorecard.ts';
import { SettingsPage } from './pages/settings.ts';
import { WeekPage } from './pages/week.ts';
import { repoRoot } from './server.ts';

// The web app runs under a strict Content-Security-Policy and the other security headers, on every
// answer of the real server; the pages people use (and the server's own HTML pages) work under it
// without one violation.
const app = fileHarness({ name: 'security' });

const COMMON = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** The directives of a Content-Security-Policy header, by name. */
function directives(policy: string | null): Record<string, string> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

function expectSecurityHeaders(headers: Headers, what: string) {
  for (const [name, value] of Object.entries(COMMON))
    expect(headers.get(name), `${name} of ${what}`).toBe(value);
  const csp = directives(headers.get('content-security-policy'));
  expect(csp['frame-ancestors'], `frame-ancestors of ${what}`).toBe("'none'");
  expect(csp['base-uri'], `base-uri of ${what}`).toBe("'none'");
  expect(csp['object-src'], `object-src of ${what}`).toBe("'none'");
  // Served over plain http here: no HSTS (it is sent when LINCHPIN_PUBLIC_URL is https).
  expect(headers.get('strict-transport-security'), what).toBeNull();
  return csp;
}

const APP_CSP = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'form-action': "'self'",
};

/** Records every CSP violation of a page: the browser's event in each document, and console reports. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) reported.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  return async () => [
    ...reported,
    ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])),
  ];
}

describe('security headers on every answer', () => {
  it('the app, its pages, assets and the API carry them, each kind with its policy', async () => {
    const indexHtml = readFileSync(join(repoRoot, 'dist/web/index.html'), 'utf8');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(indexHtml)?.[1];
    const style = /href="(\/assets\/[^"]+\.css)"/.exec(indexHtml)?.[1];
    expect(script && style).toBeTruthy();
    const get = (path: string, init?: RequestInit) => fetch(`${app.url}${path}`, init);
    const answers: Array<[string, Response]> = [
      ['the app', await get('/')],
      ['a deep link', await get('/week/2026-W47')],
      ['a script', await get(script ?? '')],
      ['a stylesheet', await get(style ?? '')],
      ['the icon', await get('/favicon.svg')],
      ['a missing asset', await get('/assets/nothing-here.js')],
      ['health', await get('/api/health')],
      ['an API error', await get('/api/me')],
      ['an unknown API path', await get('/api/nothing-here')],
      [
        'an oversized body',
        await get('/api/activities', { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) }),
      ],
      ['the OpenAPI document', await get('/api/openapi.json')],
    ];
    for (const [what, res] of answers) {
      await res.arrayBuffer();
      expect(directives(res.headers.get('content-security-policy')), what).toEqual(
        expect.objectContaining(APP_CSP),
      );
      expectSecurityHeaders(res.headers, what);
    }
    expect(answers.map(([, res]) => res.status)).toEqual([
      200, 200, 200, 200, 200, 404, 200, 401, 401, 413, 200,
    ]);
    // The built app has no inline script or style to allow.
    expect(indexHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|style="/);
  });

  it('the API docs (Swagger UI) need nothing more than the app', async () => {
    const res = await fetch(`${app.url}/api/docs`);
    expect(expectSecurityHeaders(res.headers, 'the docs')).toEqual(expect.objectContaining(APP_CSP));
  });
});

describe('the web app under its policy, in Chromium', () => {
  it('shows the Week page (board and the lazy trend chart) without a violation', async () => {
    for (const [title, important] of [
      ['Account plan for Northwind', true],
      ['Status report', false],
    ] as const) {
      await app.owner.post('/activities', {
        title,
        startsAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
        minutes: 60,
        urgent: !important,
        important,
      });
    }
    const page = await app.page(app.owner);
    const violations = await watchViolations(page);
    const week = new WeekPage(page);
    const document = await page.goto('/#/week');
    expect(document?.headers()['content-security-policy']).toContain("script-src 'self'");
    await week.label.waitFor();
    await week.card('Account plan for Northwind').waitFor();
    await week.trendChart.locator('canvas, svg').first().waitFor();
    expect(await violations()).toEqual([]);
    // A write from the page (quick-add) still carries the Origin the CSRF check wants, with no referrer.
    await week.quickAdd({ title: 'Written from the page', important: true });
    expect(await violations()).toEqual([]);
  });

  it('would see a violation: an inline script is refused and reported', async () => {
    const page = await app.page();
    const violations = await watchViolations(page);
    await page.goto('/');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.ran = true';
      document.head.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as { ran?: boolean }).ran)).toBeUndefined();
    await expect.poll(violations).toEqual(expect.arrayContaining([expect.stringMatching(/script-src/)]));
  });

  it('shows Settings without a violation', async () => {
    const page = await app.page(app.owner);
    const violations = await watchViolations(page);
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.nav.waitFor();
    for (const section of ['Tokens', 'Password', 'People'] as const) {
      await settings.switchTo(section);
      await page.waitForLoadState('networkidle');
    }
    expect(await violations()).toEqual([]);
  });

  it('lets a customer rate by link without a violation, and the link goes to no one else', async () => {
    const account = await app.owner.post('/accounts', { name: 'Northwind Traders' });
    const round = await app.owner.post(`/accounts/${account.id}/scorecard`, { name: 'Q4 2026' });
    const { path } = await app.owner.post(`/scorecard/rounds/${round.id}/invitations`, { label: 'Tom' });
    const page = await app.page();
    const violations = await watchViolations(page);
    const form = new RatingFormPage(page);
    const document = await page.goto(path);
    expect(document?.headers()['referrer-policy']).toBe('no-referrer');
    await form.heading(/Q4 2026/).waitFor();
    await form.raterName.fill('Tom Becker');
    await form.rate('Acme Supplies (supplier)', { trading: 3 });
    await form.send();
    await form.thanks.waitFor();
    expect(await violations()).toEqual([]);
  });

  it('renders the API docs (Swagger UI) without a violation', async () => {
    const page = await app.page();
    const violations = await watchViolations(page);
    await page.goto('/api/docs');
    await page.locator('.opblock').first().waitFor();
    // An operation opened, with its parameters, responses and their highlighted examples.
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body .responses-wrapper').first().waitFor();
    await page.getByRole('button', { name: 'Try it out' }).first().click();
    await page.getByRole('button', { name: 'Execute' }).first().click();
    await page.locator('.live-responses-table').first().waitFor();
    expect(await violations()).toEqual([]);
  });

  it('serves the unsubscribe page (inline styles, a form to itself) working under its policy', async () => {
    const preview = await app.owner.get('/me/digest/preview');
    const link = /https?:\/\/[^"\s<>]+\/api\/public\/unsubscribe\/[^"\s<>]+/.exec(preview.text)?.[0];
    expect(link).toBeTruthy();
    const page = await app.page();
    const violations = await watchViolations(page);
    const document = await page.goto(new URL(link ?? '').pathname);
    expect(directives(document?.headers()['content-security-policy'] ?? null)).toMatchObject({
      'default-src': "'none'",
      'form-action': "'self'",
    });
    await expect
      .poll(() => page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor))
      .toBe('rgb(243, 244, 247)');
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('heading', { name: 'You are unsubscribed' }).waitFor();
    expect(await violations()).toEqual([]);
  });

  it('is never shown inside a frame, not even by a page of its own origin', async () => {
    const page = await app.page(app.owner);
    await page.goto('/api/health');
    await page.setContent(`<iframe src="${app.url}/#/week" width="600" height="400"></iframe>`);
    const frame = page.frames()[1];
    await expect.poll(() => frame?.url()).toMatch(/^chrome-error:/);
  });
});
