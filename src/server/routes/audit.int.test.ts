import { afterAll, describe, expect, it } from 'vitest';
import {
  type ApiResponse,
  apiClient,
  buildAccount,
  buildPerson,
  cookieFrom,
  signIn,
} from '../../../test/factories.ts';
import { browser, linkIn, peopleWorld, tokenOf, uniqueEmail } from '../../../test/people.ts';

const { core, app, mail, owner, leader, member, outsider, close } = await peopleWorld();
afterAll(close);

describe('the audit log', () => {
  it('lists who did what from where, newest first, to the owner only, and never a secret', async () => {
    const api = apiClient(app, owner.token);
    const anon = apiClient(app);
    // Each change to people and access below, named by the entry it must leave.
    const expected: string[] = [];
    const did = async (action: string, request: Promise<ApiResponse>) => {
      const res = await request;
      expect(res.status, action).toBeLessThan(300);
      expected.push(action);
      return res;
    };
    const sent = await did(
      'invitation.sent',
      api.post('/invitations', { email: uniqueEmail('ivy'), role: 'member' }),
    );
    await did(
      'invitation.accepted',
      anon.post(`/public/invitations/${tokenOf(sent.body.url)}`, {
        name: 'Ivy',
        password: 'ivy correct horse',
      }),
    );
    const unwanted = await api.post('/invitations', { email: uniqueEmail('gone'), role: 'member' });
    await did('invitation.withdrawn', api.delete(`/invitations/${unwanted.body.id}`));
    const ed = await buildPerson(core, { colleagueOf: owner, name: 'Ed Editor' });
    await did('user.leader_changed', api.patch(`/users/${ed.me.id}`, { leaderId: leader.me.id }));
    await did('user.role_changed', api.patch(`/users/${ed.me.id}`, { role: 'leader' }));
    const sam = await buildPerson(core, { colleagueOf: owner, name: 'Sam Seller' });
    await did('user.deactivated', api.patch(`/users/${sam.me.id}`, { active: false }));
    await did('user.reactivated', api.patch(`/users/${sam.me.id}`, { active: true }));
    const asMember = apiClient(app, member.token);
    const made = await did(
      'token.created',
      asMember.post('/me/tokens', { name: 'Laptop', expiresInDays: 30 }),
    );
    await did('token.revoked', asMember.delete(`/me/tokens/${made.body.id}`));
    const cookie = cookieFrom((await signIn(app, sam.email, sam.password, '10.7.0.1')).headers);
    const change = { currentPassword: sam.password, newPassword: 'sam new secret' };
    await did('password.changed', anon.post('/me/password', change, { cookie, ...browser }));
    const forgot = { 'x-forwarded-for': '10.7.0.2' };
    await did('password.reset_requested', anon.post('/public/password-reset', { email: sam.email }, forgot));
    const reset = tokenOf(linkIn((await mail.next(sam.email)).text));
    await did(
      'password.reset',
      anon.post(`/public/password-reset/${reset}`, { password: 'sam reset secret' }),
    );

    const first = (await api.get('/audit?limit=5')).body;
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).not.toBeNull();
    const second = (await api.get(`/audit?limit=5&before=${encodeURIComponent(first.nextCursor)}`)).body;
    expect(second.items[0].at <= first.items[4].at).toBe(true);
    const all = (await api.get('/audit?limit=200')).body.items;
    const actions = new Set(all.map((e: { action: string }) => e.action));
    expect(expected).toHaveLength(12);
    for (const action of expected) {
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

  it('records an account’s new owner set by editing it, and refuses a deactivated one', async () => {
    const api = apiClient(app, owner.token);
    const gone = await buildPerson(core, { colleagueOf: owner, name: 'Gone Person' });
    await api.patch(`/users/${gone.me.id}`, { active: false });
    const { account } = await buildAccount(core, { owner, name: 'Owner Swap Ltd' });
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
