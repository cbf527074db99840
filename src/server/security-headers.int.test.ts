import { afterAll, describe, expect, it, vi } from 'vitest';
import { testWorld } from '../../test/app.ts';
import { apiClient, buildAccount } from '../../test/factories.ts';
import { unsubscribeToken } from '../core/digest/unsubscribe.ts';
import { APP_POLICY, DOCUMENT_POLICY } from './security-headers.ts';

// Every answer of the server carries the security headers; the browser journeys under the policy
// are in e2e/security.e2e.test.ts (with the built web app).
const { core, app, ann, close } = await testWorld({ people: { ann: {} } });
afterAll(close);
const northwind = await buildAccount(core, { owner: ann, name: 'Northwind' });

const SAME_EVERYWHERE = {
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const headersOf = (response: Response) =>
  Object.fromEntries(Object.keys(SAME_EVERYWHERE).map((name) => [name, response.headers.get(name)]));

describe('security headers', () => {
  it('are on every kind of API answer: success, each error, the docs', async () => {
    const bearer = { authorization: `Bearer ${ann.token}` };
    const json = { 'content-type': 'application/json', ...bearer };
    const answers = {
      health: await app.request('/api/health'),
      me: await app.request('/api/me', { headers: bearer }),
      unauthenticated: await app.request('/api/me'),
      notFound: await app.request('/api/accounts/nope', { headers: bearer }),
      invalid: await app.request('/api/activities', { method: 'POST', headers: json, body: '{}' }),
      badJson: await app.request('/api/activities', { method: 'POST', headers: json, body: '{' }),
      tooLarge: await app.request('/api/activities', {
        method: 'POST',
        headers: json,
        body: 'x'.repeat(1024 * 1024 + 1),
      }),
      authError: await app.request('/api/auth/update-user', { method: 'POST', headers: json, body: '{}' }),
      openapi: await app.request('/api/openapi.json'),
      docs: await app.request('/api/docs'),
      docsScript: await app.request('/api/docs/init.js'),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([what, res]) => [what, res.status]))).toEqual({
      health: 200,
      me: 200,
      unauthenticated: 401,
      notFound: 404,
      invalid: 400,
      badJson: 400,
      tooLarge: 413,
      authError: 404,
      openapi: 200,
      docs: 200,
      docsScript: 200,
    });
    for (const [what, res] of Object.entries(answers)) {
      expect(headersOf(res), what).toEqual(SAME_EVERYWHERE);
      expect(res.headers.get('content-security-policy'), what).toBe(APP_POLICY);
      expect(res.headers.get('strict-transport-security'), what).toBeNull();
    }
  });

  it('the app policy is the strict one: nothing inline, nothing from elsewhere, never framed', () => {
    expect(APP_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    );
  });

  it('a page the server writes (unsubscribe) may style itself inline, but runs no script', async () => {
    const token = unsubscribeToken(core.secret, ann.me.id, 'daily');
    const page = await app.request(`/api/public/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(DOCUMENT_POLICY);
    expect(DOCUMENT_POLICY).toMatch(/default-src 'none'/);
    expect(DOCUMENT_POLICY).not.toMatch(/script-src/);
    expect(headersOf(page)).toEqual(SAME_EVERYWHERE);
    // Its answers as JSON errors keep the app policy.
    const unknown = await app.request('/api/public/unsubscribe/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-security-policy')).toBe(APP_POLICY);
  });

  it('a handover pack opened in the browser gets a document policy (or keeps its own)', async () => {
    const res = await app.request(`/api/accounts/${northwind.account.id}/handover?format=html`, {
      headers: { authorization: `Bearer ${ann.token}` },
    });
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/script-src [^;]*'(self|unsafe-inline)'/);
    expect(headersOf(res)).toEqual(SAME_EVERYWHERE);
  });

  it('keeps a policy a route set itself', async () => {
    const { Hono } = await import('hono');
    const { securityHeaders } = await import('./security-headers.ts');
    const own = new Hono().use(securityHeaders).get('/x', (c) => {
      c.header('Content-Security-Policy', "default-src 'none'; sandbox");
      return c.text('x');
    });
    const res = await own.request('/x');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('adds HSTS only when the public URL is https', async () => {
    vi.stubEnv('LINCHPIN_PUBLIC_URL', 'https://linchpin.example.com');
    try {
      const res = await apiClient(app).get('/health');
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    } finally {
      vi.unstubAllEnvs();
    }
    vi.stubEnv('LINCHPIN_PUBLIC_URL', 'http://linchpin.internal');
    try {
      expect((await apiClient(app).get('/health')).headers.get('strict-transport-security')).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
