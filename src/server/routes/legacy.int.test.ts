import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { ACTIVITY, apiClient, buildAccount, buildGoal, buildPerson } from '../../../test/factories.ts';
import { fixedClock, setClock } from '../../core/time/clock.ts';

const { core, app, ann, colleague, leader, outsider, close } = await testWorld({
  people: { ann: {}, colleague: {}, leader: { role: 'leader' } },
});
afterAll(close);
afterEach(() => {
  setClock(null);
});

const work = (extra: Record<string, unknown>) => ({
  ...ACTIVITY,
  title: 'Workshop',
  startsAt: '2026-11-18T10:00',
  ...extra,
});

describe('personal legacy statement', () => {
  it('is written in parts, trimmed, and read by its author alone', async () => {
    const api = apiClient(app, ann.token);
    expect((await api.get('/me/legacy')).body).toEqual({
      platform: null,
      pointOfView: null,
      mission: null,
      updatedAt: null,
    });
    await api.put('/me/legacy', {
      platform: ' 15 years in packaging ',
      mission: 'Leave customers who design with us',
    });
    const saved = await api.put('/me/legacy', { pointOfView: 'Suppliers should be partners', mission: null });
    expect(saved.body).toMatchObject({
      platform: '15 years in packaging',
      pointOfView: 'Suppliers should be partners',
      mission: null,
      updatedAt: expect.any(String),
    });
    for (const other of [colleague, leader, outsider]) {
      const theirs = (await apiClient(app, other.token).get('/me/legacy')).body;
      expect(theirs.platform).toBeNull();
    }
    const bad = await api.put('/me/legacy', { mission: 'x'.repeat(2001) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('mission');
    expect((await api.put('/me/legacy', { vision: 'x' })).status).toBe(400);
  });
});

describe('legacy goals', () => {
  it('are listed by dimension with the time invested in each (team sees all, others their own)', async () => {
    const api = apiClient(app, ann.token);
    const northwind = await buildAccount(core, {
      owner: ann,
      name: 'Northwind',
      memberIds: [colleague.me.id],
    });
    const { account } = northwind;
    const trust = (
      await api.post(`/accounts/${account.id}/goals`, {
        dimension: 'relationships',
        title: 'A sponsor in their executive team',
        measure: 'The COO calls us first',
        targetDate: '2027-06-30',
      })
    ).body;
    const { goal: deal } = await buildGoal(core, { on: northwind, dimension: 'commercial', title: 'Renew' });
    expect(trust).toMatchObject({ status: 'active', minutes: 0, activities: 0, lastActivityAt: null });

    await api.post('/activities', work({ goalId: trust.id, minutes: 90 }));
    await apiClient(app, colleague.token).post('/activities', work({ goalId: trust.id, minutes: 30 }));
    const bystander = await buildPerson(core, { colleagueOf: ann });
    await apiClient(app, bystander.token).post('/activities', work({ goalId: trust.id, minutes: 15 }));
    const nextWeek = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString();
    await api.post('/activities', work({ goalId: trust.id, minutes: 45, startsAt: nextWeek }));

    const goals = (await api.get(`/accounts/${account.id}/goals`)).body.items;
    expect(goals.map((g: any) => [g.title, g.minutes, g.activities])).toEqual([
      ['Renew', 0, 0],
      ['A sponsor in their executive team', 135, 3],
    ]);
    expect(goals[1]).toMatchObject({
      measure: 'The COO calls us first',
      targetDate: '2027-06-30',
      plannedMinutes: 45,
    });
    const theirs = (await apiClient(app, bystander.token).get(`/accounts/${account.id}/goals`)).body.items;
    expect(theirs.find((g: any) => g.id === trust.id).minutes).toBe(15);
    expect((await apiClient(app, outsider.token).get(`/accounts/${account.id}/goals`)).status).toBe(404);

    // Only the account team and leaders change goals.
    expect((await apiClient(app, bystander.token).patch(`/goals/${deal.id}`, { title: 'x' })).status).toBe(
      403,
    );
    expect((await apiClient(app, outsider.token).patch(`/goals/${deal.id}`, { title: 'x' })).status).toBe(
      404,
    );
    const achieved = await apiClient(app, leader.token).patch(`/goals/${deal.id}`, { status: 'achieved' });
    expect(achieved.body).toMatchObject({ status: 'achieved', title: 'Renew' });
    expect((await apiClient(app, colleague.token).delete(`/goals/${deal.id}`)).status).toBe(204);
    expect((await api.get(`/accounts/${account.id}/goals`)).body.items).toHaveLength(1);
  });

  it('refuse bad input naming the field', async () => {
    const api = apiClient(app, ann.token);
    const { account } = await buildAccount(core, { owner: ann, name: 'Contoso' });
    const cases: [Record<string, unknown>, string][] = [
      [{ title: 'No dimension' }, 'dimension'],
      [{ dimension: 'happiness', title: 'x' }, 'dimension'],
      [{ dimension: 'commercial', title: ' ' }, 'title'],
      [{ dimension: 'commercial', title: 'x', targetDate: '30/06/2027' }, 'targetDate'],
      [{ dimension: 'commercial', title: 'x', status: 'done' }, 'status'],
      [{ dimension: 'commercial', title: 'x'.repeat(301) }, 'title'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post(`/accounts/${account.id}/goals`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    expect((await api.post('/accounts/nope/goals', { dimension: 'commercial', title: 'x' })).status).toBe(
      404,
    );
  });

  it("link activities to their own account's goals only", async () => {
    const api = apiClient(app, ann.token);
    const { goal, account: fabrikam } = await buildGoal(core, {
      on: await buildAccount(core, { owner: ann, name: 'Fabrikam' }),
      dimension: 'innovation',
      title: 'Pilot',
    });
    const { account: litware } = await buildAccount(core, { owner: ann, name: 'Litware' });
    const { goal: theirGoal } = await buildGoal(core, { by: outsider, title: 'Secret' });

    const wrongAccount = await api.post('/activities', work({ accountId: litware.id, goalId: goal.id }));
    expect(wrongAccount.status).toBe(400);
    expect(wrongAccount.body.error.fields).toHaveProperty('goalId');
    const internal = await api.post('/activities', work({ accountId: null, goalId: goal.id }));
    expect(internal.status).toBe(400);
    const foreign = await api.post('/activities', work({ goalId: theirGoal.id }));
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.fields).toHaveProperty('goalId');

    const linked = (await api.post('/activities', work({ goalId: goal.id }))).body;
    expect(linked).toMatchObject({ accountId: fabrikam.id, goalId: goal.id, goalTitle: 'Pilot' });
    const moved = (await api.patch(`/activities/${linked.id}`, { accountId: litware.id })).body;
    expect(moved).toMatchObject({ accountId: litware.id, goalId: null });
    const back = (await api.patch(`/activities/${linked.id}`, { goalId: goal.id, accountId: fabrikam.id }))
      .body;
    expect(back).toMatchObject({ accountId: fabrikam.id, goalId: goal.id });
    const byGoal = await api.get(`/activities?goalId=${goal.id}`);
    expect(byGoal.body.items.map((a: any) => a.id)).toEqual([linked.id]);
  });
});

describe('time in the last 30 days', () => {
  it('counts the 30 calendar days up to today where the user lives, at any hour', async () => {
    const kiwi = await buildPerson(core, { colleagueOf: ann, timeZone: 'Pacific/Auckland' });
    const api = apiClient(app, kiwi.token);
    const { goal, account } = await buildGoal(core, { by: kiwi, dimension: 'relationships', title: 'Trust' });
    // Auckland wall-clock times: 00:30 on 2 November is day 29 before 1 December, 23:30 on
    // 1 November is day 30.
    await api.post('/activities', work({ goalId: goal.id, minutes: 30, startsAt: '2026-11-02T00:30' }));
    await api.post('/activities', work({ goalId: goal.id, minutes: 45, startsAt: '2026-11-01T23:30' }));
    // 00:30, 08:59 and 23:30 on 1 December in Auckland.
    for (const at of ['2026-11-30T11:30:00Z', '2026-11-30T19:59:00Z', '2026-12-01T10:30:00Z']) {
      setClock(fixedClock(at));
      const [view] = (await api.get(`/accounts/${account.id}/goals`)).body.items;
      expect([view.minutes, view.minutesLast30Days], at).toEqual([75, 30]);
    }
  });
});
