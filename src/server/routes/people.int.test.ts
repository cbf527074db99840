import { afterAll, describe, expect, it } from 'vitest';
import { apiClient, buildAccount, buildPerson, cookieFrom, signIn } from '../../../test/factories.ts';
import { peopleWorld, uniqueEmail } from '../../../test/people.ts';

// People of a workspace: who sees whom, roles, reporting lines, deactivation. Invitations, access
// (tokens, passwords, device sign-in) and the audit log have files of their own.

const { core, app, owner, leader, member, outsider, close } = await peopleWorld();
afterAll(close);

describe('people', () => {
  it('are listed with e-mail and status for owner and leaders, names and roles for members', async () => {
    const asOwner = (await apiClient(app, owner.token).get('/users')).body.items;
    expect(asOwner.find((p: { id: string }) => p.id === member.me.id)).toMatchObject({
      name: 'Mia Member',
      role: 'member',
      email: member.email,
      status: 'active',
    });
    const asMember = (await apiClient(app, member.token).get('/users')).body.items;
    expect(asMember.find((p: { id: string }) => p.id === owner.me.id)).toEqual({
      id: owner.me.id,
      name: 'Olivia Owner',
      role: 'owner',
      leaderId: null,
    });
    expect(asMember.map((p: { name: string }) => p.name)).not.toContain('Rita Rival');
  });

  it('change roles and reporting lines with the owner; loops, members as leaders and the last owner are refused', async () => {
    const api = apiClient(app, owner.token);
    const ed = await buildPerson(core, { colleagueOf: owner, name: 'Ed Editor' });
    expect((await api.patch(`/users/${ed.me.id}`, { leaderId: leader.me.id })).body).toMatchObject({
      leaderId: leader.me.id,
    });
    const toMember = await api.patch(`/users/${ed.me.id}`, { leaderId: member.me.id });
    expect(toMember.body.error.fields.leaderId).toMatch(/is a member/);
    // Leo reports to Ed's leader chain? Make Ed a leader, Leo report to Ed: Ed → Leo → Ed is a loop.
    await api.patch(`/users/${ed.me.id}`, { role: 'leader' });
    const loop = await api.patch(`/users/${leader.me.id}`, { leaderId: ed.me.id });
    expect(loop.status).toBe(400);
    expect(loop.body.error.fields.leaderId).toMatch(/loop/);
    expect((await api.patch(`/users/${ed.me.id}`, { leaderId: ed.me.id })).status).toBe(400);

    const lastOwner = await api.patch(`/users/${owner.me.id}`, { role: 'member' });
    expect(lastOwner.status).toBe(400);
    expect(lastOwner.body.error.fields).toHaveProperty('role');
    const deactivateOwner = await apiClient(app, owner.token).patch(`/users/${owner.me.id}`, {
      active: false,
    });
    expect(deactivateOwner.status).toBe(400);

    // Leaders set the leader of their own reports only; roles are the owner's.
    const asLeader = apiClient(app, leader.token);
    expect((await asLeader.patch(`/users/${ed.me.id}`, { leaderId: null })).status).toBe(200);
    expect((await asLeader.patch(`/users/${ed.me.id}`, { leaderId: leader.me.id })).status).toBe(403);
    expect((await asLeader.patch(`/users/${member.me.id}`, { role: 'leader' })).status).toBe(403);
    expect(
      (await apiClient(app, member.token).patch(`/users/${ed.me.id}`, { leaderId: null })).body.error.message,
    ).toMatch(/only the workspace owner/);
    expect(
      (await apiClient(app, outsider.token).patch(`/users/${ed.me.id}`, { role: 'member' })).status,
    ).toBe(404);
    expect((await api.patch(`/users/${ed.me.id}`, { role: 'boss' })).status).toBe(400);
  });

  it('are deactivated: sessions and tokens stop on the next request, sign-in is refused, their accounts need an owner', async () => {
    const api = apiClient(app, owner.token);
    const sam = await buildPerson(core, { colleagueOf: owner, name: 'Sam Seller' });
    const { account } = await buildAccount(core, { owner: sam, name: 'Sam Co' });
    const cookie = cookieFrom((await signIn(app, sam.email, sam.password, '10.1.0.1')).headers);
    const samApi = apiClient(app, sam.token);
    expect((await samApi.get('/me')).status).toBe(200);
    expect((await apiClient(app).get('/me', { cookie })).status).toBe(200);

    const off = await api.patch(`/users/${sam.me.id}`, { active: false });
    expect(off.body).toMatchObject({ status: 'deactivated' });
    expect((await samApi.get('/me')).status).toBe(401);
    expect((await apiClient(app).get('/me', { cookie })).status).toBe(401);
    const again = await signIn(app, sam.email, sam.password, '10.1.0.2');
    expect(again.status).toBe(403);
    expect((await api.get(`/accounts/${account.id}`)).body).toMatchObject({
      needsOwner: true,
      owner: { id: sam.me.id },
    });
    // Their data stays; a member no longer sees them among people.
    expect(
      (await apiClient(app, member.token).get('/users')).body.items.map((p: { id: string }) => p.id),
    ).not.toContain(sam.me.id);

    expect((await api.patch(`/users/${sam.me.id}`, { active: true })).body.status).toBe('active');
    expect((await samApi.get('/me')).status).toBe(401); // tokens were revoked, not paused
    expect((await signIn(app, sam.email, sam.password, '10.1.0.3')).status).toBe(200);
  });
});

describe('holes closed', () => {
  it('refuse an empty leaderId with 400, not a 500', async () => {
    const api = apiClient(app, owner.token);
    expect(
      (await api.post('/invitations', { email: uniqueEmail('e'), role: 'member', leaderId: '' })).status,
    ).toBe(400);
    expect((await api.patch(`/users/${member.me.id}`, { leaderId: '' })).status).toBe(400);
  });
});
