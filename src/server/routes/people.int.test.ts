import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient, cookieFrom, makeAccount, makeUser, signIn } from '../../../test/factories.ts';
import { startMailServer } from '../../../test/mail-server.ts';
import { fixedClock, now, setClock } from '../../core/time/clock.ts';

const mail = await startMailServer();
const { core, app, owner, leader, member, outsider, close } = await testWorld({
  core: { smtpUrl: mail.url, from: 'Linchpin <linchpin@acme.test>' },
  app: { trustProxy: true },
  people: {
    owner: { role: 'owner', name: 'Olivia Owner' },
    leader: { role: 'leader', name: 'Leo Leader' },
    member: { name: 'Mia Member' },
  },
  outsider: { role: 'owner', name: 'Rita Rival' },
});
afterAll(async () => {
  await close();
  await mail.close();
});
afterEach(() => {
  setClock(null);
});

const linkIn = (text: string) => {
  const url = /https?:\/\/\S+/.exec(text)?.[0];
  if (!url) throw new Error(`no link in: ${text}`);
  return url;
};
const tokenOf = (url: string) => url.split('/').at(-1) ?? '';
const uniqueEmail = (who: string) => `${who}-${Math.random().toString(36).slice(2, 8)}@acme.test`;
const browser = { origin: 'http://localhost' };

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
    expect(preview.body).toEqual({ workspace: 'Acme', email, role: 'member', invitedBy: 'Olivia Owner' });

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
    const ed = await makeUser(core, { workspace: 'Acme', name: 'Ed Editor' });
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
    const sam = await makeUser(core, { workspace: 'Acme', name: 'Sam Seller' });
    const account = await makeAccount(core, sam, 'Sam Co');
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

describe('personal access tokens', () => {
  it('are created once, listed with last use, expire, and are revoked at once', async () => {
    const api = apiClient(app, member.token);
    const made = await api.post('/me/tokens', { name: 'Laptop', expiresInDays: 30 });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^lp_[A-Za-z0-9_-]{43}$/);
    const withIt = apiClient(app, made.body.token);
    expect((await withIt.get('/me')).body.id).toBe(member.me.id);
    const listed = (await api.get('/me/tokens')).body.items.find(
      (t: { id: string }) => t.id === made.body.id,
    );
    expect(listed).toMatchObject({ name: 'Laptop', expiresAt: made.body.expiresAt });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(listed).not.toHaveProperty('token');

    setClock(fixedClock(new Date(now().getTime() + 31 * 86_400_000)));
    expect((await withIt.get('/me')).status).toBe(401);
    setClock(null);

    expect((await apiClient(app, owner.token).delete(`/me/tokens/${made.body.id}`)).status).toBe(404);
    expect((await api.delete(`/me/tokens/${made.body.id}`)).status).toBe(204);
    expect((await withIt.get('/me')).status).toBe(401);
    expect((await api.post('/me/tokens', { name: '', expiresInDays: 0 })).body.error.fields).toEqual({
      name: 'must not be empty',
      expiresInDays: 'must be at least 1',
    });
  });
});

describe('passwords', () => {
  it('change with the current one; other sessions end, this one stays', async () => {
    const pat = await makeUser(core, { workspace: 'Acme', name: 'Pat' });
    const here = cookieFrom((await signIn(app, pat.email, pat.password, '10.2.0.1')).headers);
    const there = cookieFrom((await signIn(app, pat.email, pat.password, '10.2.0.2')).headers);
    const anon = apiClient(app);
    const wrong = await anon.post(
      '/me/password',
      { currentPassword: 'nope', newPassword: 'a new secret 1' },
      { cookie: here, ...browser },
    );
    expect(wrong.body.error.fields).toEqual({ currentPassword: 'is not your current password' });
    const changed = await anon.post(
      '/me/password',
      { currentPassword: pat.password, newPassword: 'a new secret 1' },
      { cookie: here, ...browser },
    );
    expect(changed.status).toBe(204);
    expect((await anon.get('/me', { cookie: here })).status).toBe(200);
    expect((await anon.get('/me', { cookie: there })).status).toBe(401);
    expect((await signIn(app, pat.email, 'a new secret 1', '10.2.0.3')).status).toBe(200);
  });

  it('reset by a mailed link valid one hour, once; the answer never says whether the address exists', async () => {
    const kim = await makeUser(core, { workspace: 'Acme', name: 'Kim' });
    const anon = apiClient(app);
    const old = cookieFrom((await signIn(app, kim.email, kim.password, '10.3.0.1')).headers);
    expect(
      (
        await anon.post(
          '/public/password-reset',
          { email: kim.email.toUpperCase() },
          { 'x-forwarded-for': '10.3.0.9' },
        )
      ).status,
    ).toBe(202);
    expect(
      (
        await anon.post(
          '/public/password-reset',
          { email: 'nobody@acme.test' },
          { 'x-forwarded-for': '10.3.0.9' },
        )
      ).status,
    ).toBe(202);
    const message = await mail.next(kim.email);
    expect(message.subject).toBe('Reset your Linchpin password');
    const token = tokenOf(linkIn(message.text));
    expect(mail.messages.some((m) => m.to.includes('nobody@acme.test'))).toBe(false);

    expect((await anon.post(`/public/password-reset/${token}`, { password: 'short' })).status).toBe(400);
    expect((await anon.post(`/public/password-reset/${token}`, { password: 'kim new secret' })).status).toBe(
      204,
    );
    expect((await anon.get('/me', { cookie: old })).status).toBe(401);
    expect((await signIn(app, kim.email, 'kim new secret', '10.3.0.2')).status).toBe(200);
    expect(
      (await anon.post(`/public/password-reset/${token}`, { password: 'kim other secret' })).status,
    ).toBe(410);
    expect(
      (await anon.post(`/public/password-reset/${'y'.repeat(43)}`, { password: 'kim other secret' })).status,
    ).toBe(404);

    setClock(fixedClock('2026-12-01T10:00:00Z'));
    await anon.post('/public/password-reset', { email: kim.email }, { 'x-forwarded-for': '10.3.0.8' });
    const late = tokenOf(linkIn((await mail.next(kim.email)).text));
    setClock(fixedClock('2026-12-01T11:00:01Z'));
    const expired = await anon.post(`/public/password-reset/${late}`, { password: 'kim late secret' });
    expect(expired.status).toBe(410);
    expect(expired.body.error.message).toMatch(/expired/);
  });
});

describe('device sign-in for the CLI', () => {
  it('hands out a token once after the signed-in person approves the code', async () => {
    const anon = apiClient(app);
    const started = await anon.post('/public/device-codes', { clientName: 'linchpin CLI on build-01' });
    expect(started.status).toBe(201);
    expect(started.body.userCode).toMatch(/^[B-Z]{4}-[B-Z]{4}$/);
    const poll = () => anon.post('/public/device-codes/token', { deviceCode: started.body.deviceCode });
    expect((await poll()).status).toBe(202);

    const api = apiClient(app, member.token);
    const lower = started.body.userCode.toLowerCase().replace('-', '');
    expect((await api.get(`/device-codes/${lower}`)).body).toMatchObject({
      clientName: 'linchpin CLI on build-01',
      status: 'pending',
    });
    expect((await api.post(`/device-codes/${started.body.userCode}/approve`)).status).toBe(204);
    expect((await api.post(`/device-codes/${started.body.userCode}/deny`)).status).toBe(409);
    await new Promise((r) => setTimeout(r, 1100)); // the poll interval
    const approved = await poll();
    expect(approved.status).toBe(200);
    expect((await apiClient(app, approved.body.token).get('/me')).body.id).toBe(member.me.id);
    expect((await api.get('/me/tokens')).body.items.map((t: { name: string }) => t.name)).toContain(
      'linchpin CLI on build-01',
    );
    await new Promise((r) => setTimeout(r, 1100));
    expect((await poll()).status).toBe(410);
    expect((await anon.post('/public/device-codes/token', { deviceCode: 'made-up' })).status).toBe(404);
  });

  it('refuses a denied code and an expired one', async () => {
    const anon = apiClient(app);
    const denied = (await anon.post('/public/device-codes', { clientName: 'x' })).body;
    await apiClient(app, member.token).post(`/device-codes/${denied.userCode}/deny`);
    expect((await anon.post('/public/device-codes/token', { deviceCode: denied.deviceCode })).status).toBe(
      403,
    );
    setClock(fixedClock('2026-12-01T10:00:00Z'));
    const late = (await anon.post('/public/device-codes', { clientName: 'y' })).body;
    setClock(fixedClock('2026-12-01T10:10:01Z'));
    expect((await apiClient(app, member.token).post(`/device-codes/${late.userCode}/approve`)).status).toBe(
      410,
    );
    expect((await anon.post('/public/device-codes/token', { deviceCode: late.deviceCode })).status).toBe(410);
  });
});

describe('holes closed', () => {
  it('mail reset links to this server, never to the Host a request claims', async () => {
    const lee = await makeUser(core, { workspace: 'Acme', name: 'Lee' });
    const forged = await app.request('http://evil.example/api/public/password-reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.4.0.1' },
      body: JSON.stringify({ email: lee.email }),
    });
    expect(forged.status).toBe(202);
    expect(linkIn((await mail.next(lee.email)).text)).toMatch(/^http:\/\/localhost\/#\/reset\//);
  });

  it('void every other reset link once one is used or the password changes, and refuse a deactivated person', async () => {
    const rob = await makeUser(core, { workspace: 'Acme', name: 'Rob' });
    const anon = apiClient(app);
    const ask = async (ip: string) => {
      await anon.post('/public/password-reset', { email: rob.email }, { 'x-forwarded-for': ip });
      return tokenOf(linkIn((await mail.next(rob.email)).text));
    };
    const first = await ask('10.5.0.1');
    const second = await ask('10.5.0.2');
    expect((await anon.post(`/public/password-reset/${second}`, { password: 'rob new secret' })).status).toBe(
      204,
    );
    expect(
      (await anon.post(`/public/password-reset/${first}`, { password: 'rob other secret' })).status,
    ).toBe(410);
    const third = await ask('10.5.0.3');
    await apiClient(app, owner.token).patch(`/users/${rob.me.id}`, { active: false });
    expect((await anon.post(`/public/password-reset/${third}`, { password: 'rob late secret' })).status).toBe(
      410,
    );
  });

  it('offer none of better-auth’s other endpoints (they would skip the audit and sign-out rules)', async () => {
    const cookie = cookieFrom((await signIn(app, member.email, member.password, '10.6.0.1')).headers);
    const change = await app.request('/api/auth/change-password', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...browser },
      body: JSON.stringify({ currentPassword: member.password, newPassword: 'sneaky new one' }),
    });
    expect(change.status).toBe(404);
    expect((await signIn(app, member.email, member.password, '10.6.0.2')).status).toBe(200);
  });

  it('refuse NUL characters with 400 naming the field, before any query', async () => {
    const nul = 'a\u0000b';
    const own = await apiClient(app, owner.token).post('/me/tokens', { name: nul });
    expect(own.status).toBe(400);
    expect(own.body.error.fields).toEqual({ name: 'must not contain NUL characters' });
    const device = await apiClient(app).post('/public/device-codes', { clientName: nul });
    expect(device.body.error.fields).toEqual({ clientName: 'must not contain NUL characters' });
    expect((await apiClient(app).post('/public/password-reset', { email: nul })).status).toBe(400);
  });

  it('refuse an empty leaderId with 400, not a 500', async () => {
    const api = apiClient(app, owner.token);
    expect(
      (await api.post('/invitations', { email: uniqueEmail('e'), role: 'member', leaderId: '' })).status,
    ).toBe(400);
    expect((await api.patch(`/users/${member.me.id}`, { leaderId: '' })).status).toBe(400);
  });

  it('let an invitation lapse when its sender can no longer invite, and an approved device code lapse in time', async () => {
    const second = await makeUser(core, { workspace: 'Acme', role: 'owner', name: 'Second Owner' });
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

  it('audit an account’s new owner set by editing it, and refuse a deactivated one', async () => {
    const api = apiClient(app, owner.token);
    const gone = await makeUser(core, { workspace: 'Acme', name: 'Gone Person' });
    await api.patch(`/users/${gone.me.id}`, { active: false });
    const account = (await api.post('/accounts', { name: 'Owner Swap Ltd' })).body;
    const refused = await api.patch(`/accounts/${account.id}`, { ownerId: gone.me.id });
    expect(refused.body.error.fields.ownerId).toMatch(/deactivated/);
    expect((await api.patch(`/accounts/${account.id}`, { ownerId: member.me.id })).status).toBe(200);
    const audit = (await api.get('/audit?limit=200')).body.items;
    expect(audit.filter((e: { action: string }) => e.action === 'account.transferred')).toEqual([
      expect.objectContaining({
        target: 'Owner Swap Ltd: owner set to Mia Member',
        actorName: 'Olivia Owner',
      }),
    ]);
  });
});

describe('the audit log', () => {
  it('lists who did what from where, newest first, to the owner only, and never a secret', async () => {
    const api = apiClient(app, owner.token);
    const first = (await api.get('/audit?limit=5')).body;
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).not.toBeNull();
    const second = (await api.get(`/audit?limit=5&before=${encodeURIComponent(first.nextCursor)}`)).body;
    expect(second.items[0].at <= first.items[4].at).toBe(true);
    const all = (await api.get('/audit?limit=200')).body.items;
    const actions = new Set(all.map((e: { action: string }) => e.action));
    for (const action of [
      'invitation.sent',
      'invitation.accepted',
      'invitation.withdrawn',
      'user.role_changed',
      'user.leader_changed',
      'user.deactivated',
      'user.reactivated',
      'token.created',
      'token.revoked',
      'password.changed',
      'password.reset_requested',
      'password.reset',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(
      all.find(
        (e: { action: string; target: string }) =>
          e.action === 'user.deactivated' && e.target.includes('Sam Seller'),
      ),
    ).toMatchObject({ actorName: 'Olivia Owner', ip: expect.any(String) });
    expect(JSON.stringify(all)).not.toMatch(/lp_[A-Za-z0-9_-]{43}|#\/invite\/|#\/reset\//);
    expect((await apiClient(app, leader.token).get('/audit')).status).toBe(403);
    expect((await apiClient(app, outsider.token).get('/audit')).body.items).toEqual([]);
    expect((await api.get('/audit?before=nonsense')).status).toBe(400);
  });
});
