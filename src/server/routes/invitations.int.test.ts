import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { apiClient, buildPerson, cookieFrom } from '../../../test/factories.ts';
import { linkIn, peopleWorld, tokenOf, uniqueEmail } from '../../../test/people.ts';
import { auditLog, users, workspaces } from '../../core/db/schema/index.ts';
import { fixedClock, setClock } from '../../core/time/clock.ts';

const { core, app, mail, owner, leader, member, outsider, close } = await peopleWorld();
afterAll(close);
afterEach(() => {
  setClock(null);
});

describe('invitations', () => {
  it('are mailed with a one-time link the invitee follows to join, signed in, with the role and leader given', async () => {
    const email = uniqueEmail('ben');
    const created = await apiClient(app, owner.token).post('/invitations', {
      email: email.toUpperCase(),
      role: 'member',
      leaderId: leader.me.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, role: 'member', leaderId: leader.me.id, emailed: true });
    expect(created.body.url).toMatch(/^http:\/\/localhost\/#\/invite\/[A-Za-z0-9_-]{43}$/);

    const message = await mail.next(email);
    expect(message.subject).toBe('Olivia Owner invited you to Acme on Linchpin');
    expect(message.text).toContain('as a member');
    expect(message.html).not.toMatch(/<img|<script|https?:\/\/(?!localhost)/);
    const url = linkIn(message.text);
    expect(url).toBe(created.body.url);

    const anonymous = apiClient(app);
    const preview = await anonymous.get(`/public/invitations/${tokenOf(url)}`);
    expect(preview.body).toEqual({
      workspace: 'Acme',
      email,
      role: 'member',
      invitedBy: 'Olivia Owner',
      sso: null,
    });

    const joined = await anonymous.post(`/public/invitations/${tokenOf(url)}`, {
      name: 'Ben Member',
      password: 'ben correct horse',
      timeZone: 'Europe/Berlin',
    });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({
      email,
      role: 'member',
      leaderId: leader.me.id,
      timeZone: 'Europe/Berlin',
    });
    const cookie = cookieFrom(joined.headers);
    expect((await anonymous.get('/me', { cookie })).body.name).toBe('Ben Member');

    const again = await anonymous.post(`/public/invitations/${tokenOf(url)}`, {
      name: 'X',
      password: 'whatever12',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already used/);
    expect((await anonymous.get(`/public/invitations/${tokenOf(url)}`)).status).toBe(409);
    const listed = (await apiClient(app, owner.token).get('/invitations')).body;
    expect(listed.mailConfigured).toBe(true);
    expect(listed.items.find((i: { email: string }) => i.email === email)).toMatchObject({
      status: 'accepted',
    });
  });

  it('expire after 7 days, can be withdrawn, and an unknown link is not found', async () => {
    const api = apiClient(app, owner.token);
    setClock(fixedClock('2026-12-01T10:00:00Z'));
    const late = await api.post('/invitations', { email: uniqueEmail('late'), role: 'member' });
    setClock(fixedClock('2026-12-08T10:00:01Z'));
    const expired = await apiClient(app).get(`/public/invitations/${tokenOf(late.body.url)}`);
    expect(expired.status).toBe(410);
    expect(expired.body.error.message).toMatch(/expired on 2026-12-08: ask Olivia Owner for a new one/);
    setClock(null);

    const withdrawn = await api.post('/invitations', { email: uniqueEmail('gone'), role: 'leader' });
    expect((await api.delete(`/invitations/${withdrawn.body.id}`)).status).toBe(204);
    const joining = await apiClient(app).post(`/public/invitations/${tokenOf(withdrawn.body.url)}`, {
      name: 'Gone',
      password: 'whatever12',
    });
    expect(joining.status).toBe(410);
    expect((await apiClient(app).get(`/public/invitations/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('are refused for an address that has a person or an open invitation, and for roles a leader may not give', async () => {
    const api = apiClient(app, owner.token);
    const taken = await api.post('/invitations', { email: member.email, role: 'member' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toEqual({ email: 'already has a person' });
    expect((await api.post('/invitations', { email: outsider.email, role: 'member' })).status).toBe(409);
    const email = uniqueEmail('twice');
    expect((await api.post('/invitations', { email, role: 'member' })).status).toBe(201);
    expect((await api.post('/invitations', { email, role: 'member' })).status).toBe(409);

    const bad = await api.post('/invitations', { email: 'not-an-address', role: 'boss' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['email', 'role']);
    const foreignLeader = await api.post('/invitations', {
      email: uniqueEmail('f'),
      role: 'member',
      leaderId: outsider.me.id,
    });
    expect(foreignLeader.body.error.fields).toEqual({ leaderId: 'must be a person of this workspace' });

    const asLeader = apiClient(app, leader.token);
    const promoted = await asLeader.post('/invitations', { email: uniqueEmail('p'), role: 'leader' });
    expect(promoted.status).toBe(403);
    expect(promoted.body.error.message).toMatch(/leaders invite members only/);
    const byLeader = await asLeader.post('/invitations', { email: uniqueEmail('team'), role: 'member' });
    expect(byLeader.body).toMatchObject({ role: 'member', leaderId: leader.me.id });
    expect(
      (await apiClient(app, member.token).post('/invitations', { email: uniqueEmail('m'), role: 'member' }))
        .status,
    ).toBe(403);
    expect((await apiClient(app, member.token).get('/invitations')).status).toBe(403);
    // Another workspace's invitation is simply not there.
    expect((await apiClient(app, outsider.token).delete(`/invitations/${byLeader.body.id}`)).status).toBe(
      404,
    );
  });
});

describe('invitations where passwords are off', () => {
  const passwordsOff = (off: boolean) =>
    core.db.update(workspaces).set({ passwordsOff: off }).where(eq(workspaces.id, owner.me.workspace.id));
  afterEach(() => passwordsOff(false));

  it('point to single sign-on and refuse a password, writing nothing, so the link still works', async () => {
    const email = uniqueEmail('sso');
    const sent = await apiClient(app, owner.token).post('/invitations', { email, role: 'leader' });
    const token = tokenOf(sent.body.url);
    await passwordsOff(true);
    const anonymous = apiClient(app);
    const preview = await anonymous.get(`/public/invitations/${token}`);
    expect(preview.body).toMatchObject({ email, role: 'leader', sso: { name: 'single sign-on' } });

    const auditBefore = await core.db.select().from(auditLog);
    const refused = await anonymous.post(`/public/invitations/${token}`, {
      name: 'Sid',
      password: 'sid long secret',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/passwords are off in this workspace: use Sign in with/);
    expect(refused.headers.getSetCookie()).toEqual([]);
    expect(await core.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect(await core.db.select().from(auditLog)).toEqual(auditBefore);
    const listed = (await apiClient(app, owner.token).get('/invitations')).body.items;
    expect(listed.find((i: { email: string }) => i.email === email).status).toBe('pending');

    await passwordsOff(false);
    expect((await anonymous.get(`/public/invitations/${token}`)).body.sso).toBeNull();
    const joined = await anonymous.post(`/public/invitations/${token}`, {
      name: 'Sid',
      password: 'sid long secret',
    });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ email, role: 'leader' });
  });
});

describe('holes closed', () => {
  it('let an invitation lapse when its sender can no longer invite, and an approved device code lapse in time', async () => {
    const second = await buildPerson(core, { colleagueOf: owner, role: 'owner', name: 'Second Owner' });
    const sent = await apiClient(app, second.token).post('/invitations', {
      email: uniqueEmail('heir'),
      role: 'owner',
    });
    await apiClient(app, owner.token).patch(`/users/${second.me.id}`, { active: false });
    const joining = await apiClient(app).post(`/public/invitations/${tokenOf(sent.body.url)}`, {
      name: 'Heir',
      password: 'heir password 1',
    });
    expect(joining.status).toBe(410);

    setClock(fixedClock('2026-12-01T10:00:00Z'));
    const code = (await apiClient(app).post('/public/device-codes', { clientName: 'late' })).body;
    await apiClient(app, member.token).post(`/device-codes/${code.userCode}/approve`);
    setClock(fixedClock('2026-12-04T10:00:00Z'));
    expect(
      (await apiClient(app).post('/public/device-codes/token', { deviceCode: code.deviceCode })).status,
    ).toBe(410);
  });
});
