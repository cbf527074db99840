import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import {
  ACTIVITY,
  apiClient,
  buildAccount,
  buildActivity,
  buildGoal,
  buildPerson,
  buildStakeholder,
  type TestUser,
} from '../../../test/factories.ts';

const { core, app, leader, ann, colleague, outsider, close } = await testWorld({
  people: { leader: { role: 'leader' }, ann: {}, colleague: {} },
});
afterAll(close);

describe('accounts', () => {
  it('are created with their email domains, cleaned, and listed by name for the whole workspace', async () => {
    // A workspace of their own: its list is exactly what this test makes.
    const maker = await buildPerson(core);
    const teammate = await buildPerson(core, { colleagueOf: maker });
    const api = apiClient(app, maker.token);
    const res = await api.post('/accounts', {
      name: '  Northwind ',
      domains: [' NorthWind.com', 'northwind.co.uk', 'northwind.com'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Northwind',
      domains: ['northwind.com', 'northwind.co.uk'],
      tier: 'key',
      owner: { id: maker.me.id, name: maker.me.name },
      needsOwner: false,
      members: [],
      legacyStatement: null,
      archivedAt: null,
      canEdit: true,
    });
    const bare = await api.post('/accounts', { name: 'Contoso' });
    expect(bare.body).toMatchObject({ name: 'Contoso', domains: [] });

    const listed = await apiClient(app, teammate.token).get('/accounts');
    expect(listed.body.items.map((a: any) => [a.name, a.domains, a.canEdit])).toEqual([
      ['Contoso', [], false],
      ['Northwind', ['northwind.com', 'northwind.co.uk'], false],
    ]);
    expect(listed.body.items[0]).toMatchObject({ stakeholders: 0, warnings: ['no_contacts'] });
    expect((await apiClient(app, outsider.token).get('/accounts')).body.items).toEqual([]);
  });

  it('refuse a name the workspace already has (any case) with 409, but not another workspace’s', async () => {
    await buildAccount(core, { owner: ann, name: 'Wingtip Toys' });
    const dup = await apiClient(app, ann.token).post('/accounts', { name: 'WINGTIP TOYS' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'conflict', fields: { name: expect.any(String) } });
    const elsewhere = await buildPerson(core);
    expect((await apiClient(app, elsewhere.token).post('/accounts', { name: 'Wingtip Toys' })).status).toBe(
      201,
    );
  });

  it('are renamed and get new domains; another workspace’s account is not found', async () => {
    const api = apiClient(app, ann.token);
    const { id } = (await buildAccount(core, { owner: ann, name: 'Fabrikam', domains: ['fabrikam.com'] }))
      .account;
    const renamed = await api.patch(`/accounts/${id}`, { name: 'Fabrikam Inc' });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'Fabrikam Inc', domains: ['fabrikam.com'] } });
    const redomained = await api.patch(`/accounts/${id}`, { domains: ['fabrikam.de', 'FABRIKAM.com'] });
    expect(redomained.body).toMatchObject({ name: 'Fabrikam Inc', domains: ['fabrikam.de', 'fabrikam.com'] });
    expect((await api.patch(`/accounts/${id}`, {})).body).toEqual(redomained.body);
    await buildAccount(core, { owner: ann, name: 'Adventure Works' });
    const taken = await api.patch(`/accounts/${id}`, { name: 'adventure works' });
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
      [{ name: 'A', tier: 'gold' }, 'tier'],
      [{ name: 'A', colour: 'red' }, 'body'],
      [{ name: 'A', memberIds: 'x' }, 'memberIds'],
      [{ name: 'A', legacyStatement: 'x'.repeat(5001) }, 'legacyStatement'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post('/accounts', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(Object.keys(res.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    const { account } = await buildAccount(core, { owner: ann });
    const bad = await api.patch(`/accounts/${account.id}`, { domains: ['ok.com', '@bad.com'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty(['domains.1']);
  });

  it('have a tier, an owner and a team; members edit their own accounts, leaders any', async () => {
    const api = apiClient(app, ann.token);
    const created = await api.post('/accounts', {
      name: 'Tailspin',
      tier: 'strategic',
      memberIds: [colleague.me.id],
      legacyStatement: 'Move them from buying parts to co-designing the line.',
    });
    expect(created.body).toMatchObject({
      tier: 'strategic',
      owner: { id: ann.me.id },
      members: [{ id: colleague.me.id, name: colleague.me.name }],
      legacyStatement: 'Move them from buying parts to co-designing the line.',
    });
    const id = created.body.id;
    // The team member may edit; another member of the workspace may only read.
    expect((await apiClient(app, colleague.token).patch(`/accounts/${id}`, { tier: 'key' })).status).toBe(
      200,
    );
    const bystander = await buildPerson(core, { colleagueOf: ann });
    const read = await apiClient(app, bystander.token).get(`/accounts/${id}`);
    expect(read.body).toMatchObject({ name: 'Tailspin', tier: 'key', canEdit: false });
    const refused = await apiClient(app, bystander.token).patch(`/accounts/${id}`, { name: 'Mine now' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(ann.me.name);
    const noStakeholder = await apiClient(app, bystander.token).post(`/accounts/${id}/stakeholders`, {
      name: 'Eve',
    });
    expect(noStakeholder.status).toBe(403);
    // A leader may hand the account over.
    const handed = await apiClient(app, leader.token).patch(`/accounts/${id}`, {
      ownerId: bystander.me.id,
      memberIds: [],
    });
    expect(handed.body).toMatchObject({ owner: { id: bystander.me.id }, members: [], canEdit: true });
    expect((await api.get(`/accounts/${id}`)).body.canEdit).toBe(false);
    // Owners and team members come from the workspace only.
    const foreign = await apiClient(app, leader.token).patch(`/accounts/${id}`, {
      memberIds: [outsider.me.id],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toHaveProperty('memberIds');
    const foreignOwner = await api.post('/accounts', { name: 'Elsewhere', ownerId: outsider.me.id });
    expect(foreignOwner.status).toBe(400);
    expect((await api.get('/accounts')).body.items.map((a: any) => a.name)).not.toContain('Elsewhere');
  });

  it('are archived out of lists and rules, and brought back', async () => {
    const api = apiClient(app, ann.token);
    const { account } = await buildAccount(core, {
      owner: ann,
      name: 'Old Customer',
      domains: ['old.example'],
    });
    const archived = await api.patch(`/accounts/${account.id}`, { archived: true });
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    const names = async (status?: string) =>
      (await api.get(`/accounts${status ? `?status=${status}` : ''}`)).body.items.map((a: any) => a.name);
    expect(await names()).not.toContain('Old Customer');
    expect(await names('archived')).toEqual(['Old Customer']);
    expect(await names('all')).toContain('Old Customer');
    expect((await api.get('/accounts?status=gone')).status).toBe(400);
    // Still readable, and history still points at it.
    expect((await api.get(`/accounts/${account.id}`)).body.name).toBe('Old Customer');
    const restored = await api.patch(`/accounts/${account.id}`, { archived: false });
    expect(restored.body.archivedAt).toBeNull();
    expect(await names()).toContain('Old Customer');
  });

  it('with activities are not deleted without saying what happens to them; nothing is orphaned', async () => {
    const api = apiClient(app, ann.token);
    const deleteMe = await buildAccount(core, { owner: ann, name: 'Delete Me' });
    const { account } = deleteMe;
    await buildStakeholder(core, { on: deleteMe, name: 'Pat Buyer' });
    const { goal } = await buildGoal(core, { on: deleteMe, dimension: 'commercial', title: 'Renew' });
    const activity = (
      await api.post('/activities', {
        ...ACTIVITY,
        title: 'Renewal call',
        startsAt: '2026-11-20T10:00',
        minutes: 30,
        urgent: true,
        goalId: goal.id,
      })
    ).body;
    expect(activity).toMatchObject({ accountId: account.id, goalId: goal.id, goalTitle: 'Renew' });

    const asked = await api.delete(`/accounts/${account.id}`);
    expect(asked.status).toBe(409);
    expect(asked.body.error.message).toMatch(/1 activity: archive it/);
    expect((await api.get(`/accounts/${account.id}`)).status).toBe(200);
    expect(
      (await apiClient(app, colleague.token).delete(`/accounts/${account.id}?activities=unlink`)).status,
    ).toBe(403);
    expect(
      (await apiClient(app, outsider.token).delete(`/accounts/${account.id}?activities=unlink`)).status,
    ).toBe(404);

    expect((await api.delete(`/accounts/${account.id}?activities=unlink`)).status).toBe(204);
    expect((await api.get(`/accounts/${account.id}`)).status).toBe(404);
    const kept = (await api.get(`/activities/${activity.id}`)).body;
    expect(kept).toMatchObject({ title: 'Renewal call', accountId: null, goalId: null, goalTitle: null });
    const { account: empty } = await buildAccount(core, { owner: ann, name: 'Empty' });
    expect((await api.delete(`/accounts/${empty.id}`)).status).toBe(204);
  });

  it('show 12 months of time by quadrant: the team sees everyone’s, others only their own', async () => {
    const api = apiClient(app, ann.token);
    const { account } = await buildAccount(core, {
      owner: ann,
      name: 'Time Co',
      memberIds: [colleague.me.id],
    });
    const bystander = await buildPerson(core, { colleagueOf: ann, timeZone: 'Europe/London' });
    // Two hours ago, in the month it falls in where the users live; a planned one next week is not invested yet.
    const startsAt = DateTime.now().minus({ hours: 2 }).startOf('minute');
    const month = startsAt.setZone('Europe/London').toFormat('yyyy-MM');
    const log = (by: TestUser, urgent: boolean, important: boolean, minutes: number, at = startsAt) =>
      buildActivity(core, {
        by,
        startsAt: at.toUTC().toISO() ?? '',
        minutes,
        urgent,
        important,
        accountId: account.id,
      });
    await log(ann, false, true, 90);
    await log(colleague, true, true, 30);
    await log(bystander, false, false, 15);
    await log(ann, false, true, 60, startsAt.plus({ days: 7 }));
    const team = (await api.get(`/accounts/${account.id}/time`)).body;
    expect(team.scope).toBe('team');
    expect(team.months).toHaveLength(12);
    // Shortly after midnight on the 1st, two hours ago is last month: find it by its label.
    expect(team.months.find((m: { month: string }) => m.month === month)).toEqual({
      month,
      q1: 30,
      q2: 90,
      q3: 0,
      q4: 15,
    });
    expect(team.totalMinutes).toBe(135);
    const mine = (await apiClient(app, bystander.token).get(`/accounts/${account.id}/time`)).body;
    expect(mine).toMatchObject({ scope: 'mine', totalMinutes: 15 });
    expect((await apiClient(app, outsider.token).get(`/accounts/${account.id}/time`)).status).toBe(404);
  });

  it('are named by an activity only when they exist', async () => {
    const api = apiClient(app, ann.token);
    await buildAccount(core, { owner: ann, name: 'Proseware Inc' });
    const call = { ...ACTIVITY, title: 'Call', startsAt: '2026-11-20T10:00', minutes: 30 };
    const res = await api.post('/activities', { ...call, account: 'proseware inc' });
    expect(res.body.accountName).toBe('Proseware Inc');
    const unknown = await api.post('/activities', { ...call, account: 'Brand New' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.account).toContain('Brand New');
    expect((await api.get('/accounts')).body.items.map((a: any) => a.name)).not.toContain('Brand New');
  });
});
