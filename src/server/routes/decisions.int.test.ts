import { describe, expect, it, onTestFinished } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient, buildAccount, buildActivity, buildDecision } from '../../../test/factories.ts';

/** A workspace of the test's own: Ann, a bystander and a leader, Ann's account Northwind, and an outsider. */
async function acme() {
  const world = await testWorld({
    people: { ann: { name: 'Ann' }, bystander: {}, leader: { role: 'leader' } },
  });
  onTestFinished(world.close);
  const northwind = await buildAccount(world.core, { owner: world.ann, name: 'Northwind' });
  return { ...world, northwind, accountId: northwind.account.id };
}

const SHIPPING = 'Free express shipping on late orders this quarter';

describe('decision log', () => {
  it('records a decision from a Q1 activity: its date and urgency come along, the precedent is asked', async () => {
    const { core, app, ann, bystander, outsider, accountId } = await acme();
    const api = apiClient(app, ann.token);
    const { activity: escalation } = await buildActivity(core, {
      by: ann,
      title: 'Escalation: late deliveries',
      startsAt: '2026-11-17T09:00',
      urgent: true,
      accountId,
    });
    const recorded = await api.post(`/accounts/${accountId}/decisions`, {
      title: SHIPPING,
      fromActivityId: escalation.id,
      precedent: true,
      agreedByUs: 'Ann, our logistics lead',
      agreedByThem: 'Tom Becker',
      scope: 'Orders late by more than two days',
      reviewBy: '2026-11-20',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      accountName: 'Northwind',
      decidedOn: '2026-11-17',
      urgent: true,
      precedent: true,
      status: 'active',
      reviewDue: true,
      createdBy: 'Ann',
      fromActivityId: escalation.id,
    });
    // Everyone in the workspace reads the log; only the account team and leaders write it.
    const listed = await apiClient(app, bystander.token).get(`/accounts/${accountId}/decisions`);
    expect(listed.body.items.map((d: { title: string }) => d.title)).toEqual([SHIPPING]);
    expect(
      (await apiClient(app, bystander.token).patch(`/decisions/${recorded.body.id}`, { status: 'retired' }))
        .status,
    ).toBe(403);
    expect((await apiClient(app, outsider.token).get(`/decisions/${recorded.body.id}`)).status).toBe(404);
    // Someone else's activity cannot be the source.
    const { activity: theirs } = await buildActivity(core, { by: bystander, title: 'Mine', urgent: true });
    const borrowed = await api.post(`/accounts/${accountId}/decisions`, {
      title: 'x',
      fromActivityId: theirs.id,
    });
    expect(borrowed.status).toBe(404);
  });

  it('shows decisions due for review on the accounts you look after, and asks why one was undone', async () => {
    const { core, app, ann, bystander, leader, northwind, accountId } = await acme();
    await buildDecision(core, { on: northwind, title: SHIPPING, precedent: true, reviewBy: '2026-11-20' });
    const api = apiClient(app, ann.token);
    const due = await api.get('/decisions/due?until=2026-11-22');
    expect(due.body.items.map((d: { title: string }) => d.title)).toEqual([SHIPPING]);
    expect((await apiClient(app, bystander.token).get('/decisions/due?until=2026-11-22')).body.items).toEqual(
      [],
    );
    expect(
      (await apiClient(app, leader.token).get('/decisions/due?until=2026-11-22')).body.items,
    ).toHaveLength(1);
    // A team member looks after the account too.
    await api.patch(`/accounts/${accountId}`, { memberIds: [bystander.me.id] });
    expect(
      (await apiClient(app, bystander.token).get('/decisions/due?until=2026-11-22')).body.items,
    ).toHaveLength(1);
    await api.patch(`/accounts/${accountId}`, { memberIds: [] });
    expect((await api.get('/decisions/due?until=2026-11-19')).body.items).toEqual([]);

    const id = due.body.items[0].id;
    const noReason = await api.patch(`/decisions/${id}`, { status: 'undone' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty('statusReason');
    const undone = await api.patch(`/decisions/${id}`, {
      status: 'undone',
      statusReason: 'Deliveries are on time again; the customer agreed to end it',
    });
    expect(undone.body).toMatchObject({ status: 'undone', reviewDue: false });
    expect((await api.get('/decisions/due?until=2026-11-22')).body.items).toEqual([]);

    const successor = await api.post(`/accounts/${accountId}/decisions`, {
      title: 'Express shipping at cost',
      replacesId: id,
    });
    expect(successor.body.replacesId).toBe(id);
    const { account: other } = await buildAccount(core, { owner: ann, name: 'Contoso' });
    const crossed = await api.post(`/accounts/${other.id}/decisions`, { title: 'y', replacesId: id });
    expect(crossed.status).toBe(400);
  });

  it('refuses bad input naming the field', async () => {
    const { app, ann, accountId } = await acme();
    const api = apiClient(app, ann.token);
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'title'],
      [{ title: ' ' }, 'title'],
      [{ title: 'x', decidedOn: '17/11/2026' }, 'decidedOn'],
      [{ title: 'x', status: 'paused' }, 'status'],
      [{ title: 'x', precedent: 'yes' }, 'precedent'],
      [{ title: 'x', context: 'c'.repeat(5001) }, 'context'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post(`/accounts/${accountId}/decisions`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields), JSON.stringify(body)).toContain(field);
    }
  });
});

describe('weekly reflections', () => {
  it('are saved per week and never readable by anyone but their author unless shared', async () => {
    const { app, ann, bystander, leader, outsider, accountId } = await acme();
    const api = apiClient(app, ann.token);
    const saved = await api.put('/reflections/2026-W47', {
      answers: { legacy_today: 'A buyer who trusts us, not yet a partner.', learn: 'Their finance language' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ week: '2026-W47', sharedWithTeam: false, inHandover: false });
    await api.put('/reflections/2026-W47', { answers: { learn: '' } }); // an emptied answer goes
    expect((await api.get('/reflections/2026-W47')).body.answers).toEqual({
      legacy_today: 'A buyer who trusts us, not yet a partner.',
    });

    for (const other of [leader, bystander]) {
      const client = apiClient(app, other.token);
      expect((await client.get('/reflections/2026-W47')).body.answers).toEqual({});
      expect((await client.get('/reflections')).body.items).toEqual([]);
      expect((await client.get('/reflections/shared')).body.items).toEqual([]);
      const everything = JSON.stringify([
        (await client.get('/reflections/2026-W47')).body,
        (await client.get('/reflections')).body,
        (await client.get('/reflections/shared')).body,
        (await client.get(`/accounts/${accountId}`)).body,
        (await client.get('/users')).body,
      ]);
      expect(everything).not.toContain('A buyer who trusts us');
    }

    await api.put('/reflections/2026-W47', { sharedWithTeam: true });
    const shared = (await apiClient(app, leader.token).get('/reflections/shared')).body.items;
    expect(shared).toEqual([expect.objectContaining({ author: 'Ann', week: '2026-W47' })]);
    expect((await apiClient(app, outsider.token).get('/reflections/shared')).body.items).toEqual([]);
  });

  it('list with each week’s quadrant split, and refuse unknown prompts and weeks', async () => {
    const { core, app, ann } = await acme();
    const api = apiClient(app, ann.token);
    await buildActivity(core, { by: ann, title: 'Escalation', startsAt: '2026-11-17T09:00', urgent: true });
    expect(
      (await api.put('/reflections/2026-W47', { answers: { learn: 'Their finance language' } })).status,
    ).toBe(200);
    await buildActivity(core, { by: ann, title: 'Workshop', startsAt: '2026-11-18T10:00', minutes: 90 });
    const history = (await api.get('/reflections')).body.items;
    expect(history[0]).toMatchObject({ week: '2026-W47', minutes: { q1: 60, q2: 90, q3: 0, q4: 0 } });
    expect((await api.put('/reflections/2026-W47', { answers: { mood: 'x' } })).status).toBe(400);
    expect((await api.put('/reflections/2026-W54', { answers: {} })).status).toBe(400);
    expect((await api.get('/reflections/last-week')).status).toBe(400);
  });
});
