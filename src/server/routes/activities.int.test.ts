import { afterAll, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { ACTIVITY, apiClient, buildAccount, buildActivity, buildPerson } from '../../../test/factories.ts';

const { core, app, ann, colleague, outsider, close } = await testWorld({
  people: { ann: { timeZone: 'Europe/London' }, colleague: {} },
});
afterAll(close);

const base = { ...ACTIVITY, title: 'Joint plan with buyer', startsAt: '2026-11-20T10:00', minutes: 90 };

describe('activities', () => {
  it('are created with derived quadrant, times in the user zone, and an existing account found by name', async () => {
    const api = apiClient(app, ann.token);
    const unknown = await api.post('/activities', { ...base, account: 'Northwind' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.account).toMatch(/"Northwind" is not an account of this workspace/);
    await buildAccount(core, { owner: ann, name: 'Northwind' });
    const res = await api.post('/activities', { ...base, account: 'Northwind', kind: 'customer_meeting' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Joint plan with buyer',
      startsAt: '2026-11-20T10:00:00+00:00',
      endsAt: '2026-11-20T11:30:00+00:00',
      minutes: 90,
      timeZone: 'Europe/London',
      quadrant: 'q2',
      accountName: 'Northwind',
      kind: 'customer_meeting',
      status: 'done',
      source: 'manual',
    });
    const again = await api.post('/activities', { ...base, account: 'northwind ' });
    expect(again.body.accountId).toBe(res.body.accountId);
    const accounts = await api.get('/accounts');
    expect(accounts.body.items.map((a: { id: string }) => a.id)).toEqual([res.body.accountId]);
  });

  it('take an end instead of minutes, with an explicit offset, exactly across DST', async () => {
    const api = apiClient(app, ann.token);
    const res = await api.post('/activities', {
      ...base,
      minutes: undefined,
      startsAt: '2026-10-25T00:30:00+01:00',
      endsAt: '2026-10-25T03:30:00+00:00',
    });
    expect(res.status).toBe(201);
    expect(res.body.minutes).toBe(240);
    expect(res.body.startsAt).toBe('2026-10-25T00:30:00+01:00');
  });

  it('reject impossible input with 400 naming the field', async () => {
    const api = apiClient(app, ann.token);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, title: '  ' }, 'title'],
      [{ ...base, minutes: 0 }, 'minutes'],
      [{ ...base, minutes: -5 }, 'minutes'],
      [{ ...base, minutes: 24 * 60 + 1 }, 'minutes'],
      [{ ...base, minutes: 1.5 }, 'minutes'],
      [{ ...base, minutes: undefined, endsAt: '2026-11-20T09:00' }, 'endsAt'],
      [{ ...base, minutes: undefined }, 'endsAt'],
      [{ ...base, startsAt: 'next tuesday' }, 'startsAt'],
      [{ ...base, timeZone: 'Mars/Base' }, 'timeZone'],
      [{ ...base, kind: 'party' }, 'kind'],
      [{ ...base, urgent: 'yes' }, 'urgent'],
      [{ ...base, important: undefined }, 'important'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post('/activities', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(Object.keys(res.body.error.fields)).toContain(field);
    }
  });

  it('move between quadrants by their flags, and keep the rest', async () => {
    const api = apiClient(app, ann.token);
    const { activity: created } = await buildActivity(core, {
      by: ann,
      urgent: true,
      important: false,
      title: 'Status call',
    });
    const moved = await api.patch(`/activities/${created.id}`, { urgent: false, important: true });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ quadrant: 'q2', title: 'Status call', minutes: 60 });
    const longer = await api.patch(`/activities/${created.id}`, { minutes: 45 });
    expect(longer.body).toMatchObject({ minutes: 45, startsAt: created.startsAt });
    const bad = await api.patch(`/activities/${created.id}`, { endsAt: '2026-11-01T00:00' });
    expect(bad.status).toBe(400);
  });

  it('delete with undo: the same activity comes back', async () => {
    const api = apiClient(app, ann.token);
    const { activity: created } = await buildActivity(core, { by: ann });
    expect((await api.delete(`/activities/${created.id}`)).status).toBe(204);
    expect((await api.get(`/activities/${created.id}`)).status).toBe(404);
    const restored = await api.post(`/activities/${created.id}/restore`);
    expect(restored).toMatchObject({ status: 200, body: { id: created.id, title: created.title } });
    expect((await api.get(`/activities/${created.id}`)).status).toBe(200);
  });

  it('list by time range, quadrant and account, paged by cursor', async () => {
    const user = await buildPerson(core, { timeZone: 'America/New_York' });
    const api = apiClient(app, user.token);
    for (let day = 16; day <= 20; day++) {
      await buildActivity(core, {
        by: user,
        startsAt: `2026-11-${day}T09:00`,
        urgent: day % 2 === 0,
        important: true,
        title: `Day ${day}`,
      });
    }
    const all = await api.get('/activities?from=2026-11-16T00:00&to=2026-11-21T00:00&limit=2');
    expect(all.body.items.map((a: { title: string }) => a.title)).toEqual(['Day 16', 'Day 17']);
    const next = await api.get(
      `/activities?from=2026-11-16T00:00&to=2026-11-21T00:00&limit=2&cursor=${all.body.nextCursor}`,
    );
    expect(next.body.items.map((a: { title: string }) => a.title)).toEqual(['Day 18', 'Day 19']);
    const q1 = await api.get('/activities?quadrant=q1');
    expect(q1.body.items.map((a: { title: string }) => a.title)).toEqual(['Day 16', 'Day 18', 'Day 20']);
    expect((await api.get('/activities?quadrant=q5')).status).toBe(400);
    expect((await api.get('/activities?cursor=garbage')).status).toBe(400);
    expect((await api.get('/activities?from=yesterday')).status).toBe(400);
  });
});

describe('activities are private to their author and their workspace', () => {
  it('another workspace gets 404 for every route that takes an id, and nothing changes', async () => {
    const { activity: secret } = await buildActivity(core, { by: ann, title: 'Confidential escalation' });
    for (const stranger of [outsider, colleague]) {
      const api = apiClient(app, stranger.token);
      const responses = [
        await api.get(`/activities/${secret.id}`),
        await api.patch(`/activities/${secret.id}`, { title: 'pwned' }),
        await api.delete(`/activities/${secret.id}`),
        await api.post(`/activities/${secret.id}/restore`),
      ];
      for (const res of responses) {
        expect(res.status).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain('Confidential');
      }
      const list = await api.get('/activities');
      expect(JSON.stringify(list.body)).not.toContain('Confidential');
    }
    expect((await apiClient(app, ann.token).get(`/activities/${secret.id}`)).body.title).toBe(
      'Confidential escalation',
    );
  });

  it("refuses another workspace's account id", async () => {
    const theirs = await buildAccount(core, { owner: outsider, name: 'Their Customer' });
    const res = await apiClient(app, ann.token).post('/activities', {
      ...base,
      accountId: theirs.account.id,
    });
    const byName = await apiClient(app, ann.token).post('/activities', {
      ...base,
      account: 'Their Customer',
    });
    expect(byName.status).toBe(400);
    expect(res.status).toBe(404);
    expect(res.body.error.fields).toHaveProperty('accountId');
    const accounts = await apiClient(app, ann.token).get('/accounts');
    expect(JSON.stringify(accounts.body)).not.toContain('Their Customer');
  });
});
