import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { ACTIVITY, apiClient, cookieFrom, setupBody, signIn as signInAs } from '../../../test/factories.ts';

const owner = {
  workspaceName: 'Acme Supplies',
  name: 'Ann Owner',
  email: 'Ann@Acme.test',
  password: 'correct horse',
  timeZone: 'Europe/London',
};

const { core, app, close } = await testApp({ core: { signInPerMinute: 3 }, app: { trustProxy: true } });
afterAll(close);

const signIn = (email: string, password: string, ip?: string) => signInAs(app, email, password, ip);

describe('first-run setup and sessions', () => {
  it('answers health without auth', async () => {
    const res = await apiClient(app).get('/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('asks for setup until the owner exists, then signs the owner in with a safe cookie', async () => {
    const anonymous = apiClient(app);
    expect((await anonymous.get('/setup')).body).toEqual({ needed: true, sso: null });
    expect((await anonymous.get('/me')).status).toBe(401);

    const res = await anonymous.post('/setup', owner);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Ann Owner',
      email: 'ann@acme.test',
      role: 'owner',
      workspace: { name: 'Acme Supplies' },
    });
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/linchpin\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);

    const me = await anonymous.get('/me', { cookie: cookieFrom(res.headers) });
    expect(me).toMatchObject({ status: 200, body: { email: 'ann@acme.test', timeZone: 'Europe/London' } });
    expect((await anonymous.get('/setup')).body).toEqual({ needed: false, sso: null });
  });

  it('refuses a second setup with 409', async () => {
    const res = await apiClient(app).post('/setup', { ...owner, email: 'mallory@evil.test' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it('validates setup input, naming the fields', async () => {
    const invalid = setupBody({ workspaceName: '', email: 'not-an-email', password: 'short' });
    const res = await apiClient(app).post('/setup', invalid);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['email', 'password', 'workspaceName']);
  });

  it('signs in and out with email and password', async () => {
    const res = await signIn('ann@acme.test', owner.password, '10.0.0.2');
    expect(res.status).toBe(200);
    const cookie = cookieFrom(res.headers);
    const api = apiClient(app);
    expect((await api.get('/me', { cookie })).status).toBe(200);
    const out = await app.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', origin: 'http://localhost' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect((await api.get('/me', { cookie })).status).toBe(401);
  });

  it('rejects a wrong password in the API error shape and rate-limits sign-in per client', async () => {
    const wrong = await signIn('ann@acme.test', 'wrong password', '10.0.0.3');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    await signIn('ann@acme.test', 'wrong password', '10.0.0.3');
    await signIn('ann@acme.test', 'wrong password', '10.0.0.3');
    const limited = await signIn('ann@acme.test', owner.password, '10.0.0.3');
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('rate_limited');
  });

  it('refuses cookie-authenticated writes from another site (CSRF)', async () => {
    const cookie = cookieFrom((await signIn('ann@acme.test', owner.password, '10.0.0.4')).headers);
    const body = { ...ACTIVITY, title: 'Planted', minutes: 30, important: false };
    const evil = await apiClient(app).post('/activities', body, { cookie, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.body.error.code).toBe('forbidden');
    const same = await apiClient(app).post('/activities', body, { cookie, origin: 'http://localhost' });
    expect(same.status).toBe(201);
  });
});

describe('the API edge', () => {
  it('rejects bad bearer tokens with 401', async () => {
    expect((await apiClient(app, 'lp_nope').get('/me')).status).toBe(401);
    const res = await apiClient(app).get('/me', { authorization: 'Basic abc' });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/Bearer/);
  });

  it('answers unknown routes, bad JSON and huge bodies with the error shape, never a 500', async () => {
    const token = (await import('../../core/auth/tokens.ts')).createApiToken;
    const api = apiClient(app, await token(core.db, 'ann@acme.test'));
    const unknown = await api.get('/nothing-here');
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    const badJson = await api.post('/activities', '{"title": ');
    expect(badJson).toMatchObject({ status: 400, body: { error: { code: 'bad_request' } } });
    const huge = await api.post('/activities', { title: 'x'.repeat(1024 * 1024 + 10) });
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } });
    const wrongType = await api.post('/activities', 'title=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
    expect(wrongType.status).toBeLessThan(500);
  });

  it('publishes the OpenAPI document and a docs page that loads nothing remote', async () => {
    const doc = await apiClient(app).get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    for (const path of [
      '/setup',
      '/me',
      '/activities',
      '/activities/{id}',
      '/reports/week',
      '/reports/trend',
    ]) {
      expect(doc.body.paths).toHaveProperty(path);
    }
    const page = await app.request('/api/docs');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).not.toMatch(/https?:\/\//);
    expect((await app.request('/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });
});
