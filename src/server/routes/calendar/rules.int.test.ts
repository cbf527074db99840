import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/core.ts';
import { apiClient, buildPerson, type TestUser } from '../../../../test/factories.ts';
import { STARTER_RULES } from '../../../core/calendar/rules/starter.ts';
import { activities } from '../../../core/db/schema/index.ts';
import type { Core } from '../../../core/index.ts';
import type { App } from '../../app.ts';
import { requireUser } from '../../auth.ts';
import type { AppEnv } from '../../context.ts';
import { handleError } from '../../errors.ts';
import { accountRoutes } from '../accounts.ts';
import { activityRoutes } from '../activities.ts';
import { ruleRoutes } from './rules.ts';

/**
 * The whole app when it mounts the rules router; otherwise the routers these tests use, behind the same
 * auth and error handling (while app.ts does not mount it yet, or cannot load because a feature
 * another engineer is writing is half-way).
 */
async function appWithRules(core: Core, token: string): Promise<App> {
  try {
    const { createApp } = await import('../../app.ts');
    const full = createApp(core);
    if ((await apiClient(full, token).get('/rules')).status !== 404) return full;
  } catch (error) {
    console.warn(`testing the rules router without app.ts: ${error}`);
  }
  return rulesOnly(core);
}

function rulesOnly(core: Core): App {
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
  api.route('/', ruleRoutes);
  standalone.route('/api', api);
  return standalone as unknown as App;
}

const core = await createTestCore();
afterAll(() => core.close());
const app = await appWithRules(core, (await buildPerson(core)).token);

async function importedEvent(user: TestUser, title: string, attendees: string[] = []): Promise<string> {
  const id = randomUUID();
  const startsAt = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
  await core.db.insert(activities).values({
    id,
    workspaceId: user.actor.workspaceId,
    userId: user.actor.userId,
    title,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 30 * 60 * 1000),
    minutes: 30,
    timeZone: 'Europe/London',
    urgent: false,
    important: false,
    source: 'calendar',
    sourceId: id,
    classification: 'unclassified',
    attendees: attendees.map((email) => ({ email, name: null, partstat: null })),
    organizer: user.email,
  });
  return id;
}

const rule = {
  name: 'Steering committees build the legacy',
  conditions: { titleWords: ['steering committee'], minMinutes: 30 },
  actions: { urgent: false, important: true, kind: 'planning' },
};

describe('rules API', () => {
  it('lists the starter rules in order the first time', async () => {
    const ann = await buildPerson(core);
    const res = await apiClient(app, ann.token).get('/rules');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: any) => r.name)).toEqual(STARTER_RULES.map((r) => r.name));
    expect(res.body.items[0]).toMatchObject({
      enabled: true,
      position: 0,
      actions: { urgent: true, important: true },
    });
  });

  it('creates, changes, previews, applies and deletes a rule', async () => {
    const ann = await buildPerson(core);
    const api = apiClient(app, ann.token);
    const event = await importedEvent(ann, 'Steering Committee Q3');
    const preview = await api.post('/rules/preview', rule);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      matched: 1,
      wouldChange: 1,
      sample: [{ id: event, from: null, to: 'q2' }],
    });

    const created = await api.post('/rules', rule);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...rule,
      enabled: true,
      position: STARTER_RULES.length,
      changed: 1,
    });
    const after = await api.get(`/activities/${event}`);
    expect(after.body).toMatchObject({ quadrant: 'q2', kind: 'planning', classification: 'rule' });

    const patched = await api.patch(`/rules/${created.body.id}`, {
      actions: { urgent: true, important: true },
    });
    expect(patched).toMatchObject({
      status: 200,
      body: { actions: { urgent: true, important: true }, changed: 1 },
    });
    expect((await api.get(`/activities/${event}`)).body).toMatchObject({ quadrant: 'q1', kind: 'other' });

    expect((await api.post('/rules/apply')).body).toEqual({ changed: 0 });
    const bare = await app.request('/api/rules/apply', {
      method: 'POST',
      headers: { authorization: `Bearer ${ann.token}` },
    });
    expect(await bare.json()).toEqual({ changed: 0 });
    expect((await api.post('/rules/apply', { activityIds: [event] })).body).toEqual({ changed: 0 });

    expect((await api.delete(`/rules/${created.body.id}`)).status).toBe(204);
    expect((await api.get(`/activities/${event}`)).body).toMatchObject({ classification: 'unclassified' });
    expect((await api.get('/rules')).body.items).toHaveLength(STARTER_RULES.length);
  });

  it('reorders with every id once', async () => {
    const ann = await buildPerson(core);
    const api = apiClient(app, ann.token);
    const ids: string[] = (await api.get('/rules')).body.items.map((r: any) => r.id);
    const res = await api.post('/rules/reorder', { ids: [...ids].reverse() });
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: any) => r.id)).toEqual([...ids].reverse());
    const missing = await api.post('/rules/reorder', { ids: ids.slice(1) });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toHaveProperty('ids');
  });

  it('reject invalid rules with 400 naming the field', async () => {
    const ann = await buildPerson(core);
    const outsider = await buildPerson(core);
    const api = apiClient(app, ann.token);
    const theirAccount = await apiClient(app, outsider.token).post('/accounts', { name: 'Theirs' });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...rule, name: ' ' }, 'name'],
      [{ ...rule, actions: {} }, 'actions'],
      [{ ...rule, actions: { kind: 'party' } }, 'actions.kind'],
      [{ ...rule, actions: { urgent: 'yes' } }, 'actions.urgent'],
      [{ ...rule, actions: { accountId: theirAccount.body.id } }, 'actions.accountId'],
      [{ ...rule, conditions: { titleRegex: '(unclosed' } }, 'conditions.titleRegex'],
      [{ ...rule, conditions: { titleRegex: '(a+)+$' } }, 'conditions.titleRegex'],
      [{ ...rule, conditions: { titleWords: [] } }, 'conditions.titleWords'],
      [{ ...rule, conditions: { titleWords: ['ok', '--'] } }, 'conditions.titleWords.1'],
      [{ ...rule, conditions: { attendeeDomains: ['@northwind.com'] } }, 'conditions.attendeeDomains.0'],
      [{ ...rule, conditions: { organizer: 'not an email' } }, 'conditions.organizer'],
      [{ ...rule, conditions: { minMinutes: 60, maxMinutes: 30 } }, 'conditions.maxMinutes'],
      [{ ...rule, conditions: { minMinutes: 1.5 } }, 'conditions.minMinutes'],
      [{ ...rule, conditions: { titleWord: ['typo'] } }, 'conditions'],
      [{ ...rule, priority: 1 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post('/rules', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(Object.keys(res.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    const preview = await api.post('/rules/preview', { actions: { accountId: theirAccount.body.id } });
    expect(preview.status).toBe(400);
    expect(preview.body.error.fields).toHaveProperty(['actions.accountId']);
  });

  it("answer 404 for another user's or workspace's rules", async () => {
    const ann = await buildPerson(core);
    const colleague = await buildPerson(core, { colleagueOf: ann });
    const outsider = await buildPerson(core);
    const [mine] = (await apiClient(app, ann.token).get('/rules')).body.items;
    for (const other of [colleague, outsider]) {
      const api = apiClient(app, other.token);
      expect((await api.patch(`/rules/${mine.id}`, { name: 'Mine now' })).status).toBe(404);
      expect((await api.delete(`/rules/${mine.id}`)).status).toBe(404);
      expect((await api.post('/rules/preview', { id: mine.id, actions: { urgent: true } })).status).toBe(404);
      const theirs: string[] = (await api.get('/rules')).body.items.map((r: any) => r.id);
      expect((await api.post('/rules/reorder', { ids: [mine.id, ...theirs.slice(1)] })).status).toBe(404);
    }
    expect((await apiClient(app, ann.token).patch(`/rules/${randomUUID()}`, { name: 'x' })).status).toBe(404);
    expect((await apiClient(app).get('/rules')).status).toBe(401);
  });
});
