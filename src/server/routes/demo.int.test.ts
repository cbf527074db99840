import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../test/core.ts';
import { apiClient, makeUser } from '../../../test/factories.ts';
import type { Core } from '../../core/index.ts';
import { type App, createApp } from '../app.ts';

let core: Core;
let app: App;

beforeAll(async () => {
  core = await createTestCore();
  app = createApp(core);
});
afterAll(() => core.close());

describe('demo data', () => {
  it('fills an empty history once, with three accounts that know their customers’ domains', async () => {
    const api = apiClient(app, (await makeUser(core)).token);
    const res = await api.post('/demo');
    expect(res.status).toBe(201);
    expect(res.body.activities).toBeGreaterThan(100);
    const accounts = await api.get('/accounts');
    expect(accounts.body.items.map((a: any) => [a.name, a.domains])).toEqual([
      ['Contoso Retail', ['contoso.example']],
      ['Fabrikam Logistics', ['fabrikam.example']],
      ['Northwind Foods', ['northwind.example']],
    ]);
    const again = await api.post('/demo');
    expect(again.status).toBe(409);
  });
});
