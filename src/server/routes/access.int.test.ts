import { eq } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { apiClient, buildPerson, cookieFrom, signIn } from '../../../test/factories.ts';
import { browser, linkIn, peopleWorld, tokenOf } from '../../../test/people.ts';
import { passwordResets, workspaces } from '../../core/db/schema/index.ts';
import { fixedClock, now, setClock } from '../../core/time/clock.ts';

// Access: personal access tokens, passwords (change and reset), the CLI's device sign-in.

const { core, app, mail, owner, member, close } = await peopleWorld();
afterAll(close);
afterEach(() => {
  setClock(null);
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
    const pat = await buildPerson(core, { colleagueOf: owner, name: 'Pat' });
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
    const kim = await buildPerson(core, { colleagueOf: owner, name: 'Kim' });
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

describe('passwords where the workspace signs in with SSO only', () => {
  const passwordsOff = (off: boolean) =>
    core.db.update(workspaces).set({ passwordsOff: off }).where(eq(workspaces.id, owner.me.workspace.id));
  afterEach(() => passwordsOff(false));
  const SSO_ONLY = /passwords are off in this workspace: use Sign in with single sign-on/;

  it('mail no reset link (answering as for anyone) and refuse an earlier link without using it up', async () => {
    const lou = await buildPerson(core, { colleagueOf: owner, name: 'Lou' });
    const anon = apiClient(app);
    const ask = (email: string) =>
      anon.post('/public/password-reset', { email }, { 'x-forwarded-for': '10.5.0.1' });
    expect((await ask(lou.email)).status).toBe(202);
    const earlier = tokenOf(linkIn((await mail.next(lou.email)).text));
    const resetsOfLou = () =>
      core.db.select().from(passwordResets).where(eq(passwordResets.userId, lou.me.id));
    const [mailed] = await resetsOfLou();

    await passwordsOff(true);
    const quiet = await ask(lou.email);
    const nobody = await ask('nobody-at-all@acme.test');
    expect([quiet.status, quiet.body]).toEqual([nobody.status, nobody.body]);
    expect(quiet.status).toBe(202);
    expect(await resetsOfLou()).toEqual([mailed]);

    const refused = await anon.post(`/public/password-reset/${earlier}`, { password: 'lou new secret' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(SSO_ONLY);
    expect(await resetsOfLou()).toEqual([mailed]);
    expect(mail.messages.filter((m) => m.to.includes(lou.email))).toHaveLength(1);

    await passwordsOff(false);
    expect((await signIn(app, lou.email, lou.password, '10.5.0.2')).status).toBe(200);
    expect(
      (await anon.post(`/public/password-reset/${earlier}`, { password: 'lou new secret' })).status,
    ).toBe(204);
  });

  it('refuse a password change, leaving the password as it was', async () => {
    const max = await buildPerson(core, { colleagueOf: owner, name: 'Max' });
    const cookie = cookieFrom((await signIn(app, max.email, max.password, '10.5.0.3')).headers);
    await passwordsOff(true);
    const refused = await apiClient(app).post(
      '/me/password',
      { currentPassword: max.password, newPassword: 'max changed secret' },
      { cookie, ...browser },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(SSO_ONLY);
    // The session it came with still works: only passwords are off.
    expect((await apiClient(app).get('/me', { cookie })).status).toBe(200);
    await passwordsOff(false);
    expect((await signIn(app, max.email, 'max changed secret', '10.5.0.4')).status).toBe(401);
    expect((await signIn(app, max.email, max.password, '10.5.0.4')).status).toBe(200);
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
    const lee = await buildPerson(core, { colleagueOf: owner, name: 'Lee' });
    const forged = await app.request('http://evil.example/api/public/password-reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.4.0.1' },
      body: JSON.stringify({ email: lee.email }),
    });
    expect(forged.status).toBe(202);
    expect(linkIn((await mail.next(lee.email)).text)).toMatch(/^http:\/\/localhost\/#\/reset\//);
  });

  it('void every other reset link once one is used or the password changes, and refuse a deactivated person', async () => {
    const rob = await buildPerson(core, { colleagueOf: owner, name: 'Rob' });
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
    // In a query parameter or the path too, not only in a body.
    const query = await apiClient(app, owner.token).get('/team?leaderId=a%00b');
    expect(query.status).toBe(400);
    expect(query.body.error.fields).toEqual({ leaderId: 'must not contain NUL characters' });
    const path = await apiClient(app, owner.token).get('/accounts/a%00b');
    expect(path.status).toBe(400);
    expect(path.body.error.fields).toEqual({ path: 'must not contain NUL characters' });
  });

  it('refuse half a surrogate pair (jsonb cannot store it) with 400 naming the field, nothing saved', async () => {
    const api = apiClient(app, owner.token);
    const lone = await api.put('/reflections/2026-W47', '{"answers":{"learn":"x\\ud800y"}}');
    expect(lone.status).toBe(400);
    expect(lone.body.error.fields).toEqual({
      'answers.learn': 'must be valid Unicode (it holds half of a surrogate pair)',
    });
    expect((await api.get('/reflections/2026-W47')).body.answers).toEqual({});
    const low = await api.patch('/me', '{"name":"a\\uDC00"}');
    expect(low.status).toBe(400);
    expect(low.body.error.fields).toHaveProperty('name');
    // A whole pair (an emoji) is fine.
    const pair = await api.put('/reflections/2026-W47', '{"answers":{"learn":"x\\ud83d\\ude00"}}');
    expect(pair.status).toBe(200);
    expect(pair.body.answers.learn).toBe('x😀');
  });
});
