import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../e2e/server.ts';
import { type TestApp, testApp, testWorld } from '../../../test/app.ts';
import { apiClient, buildPerson, type TestUser } from '../../../test/factories.ts';
import {
  ssoSignIn,
  startOidcProvider,
  type TestIdentity,
  type TestOidcProvider,
} from '../../../test/oidc-provider.ts';
import { users, workspaces } from '../../core/db/schema/index.ts';

// A made-up address for the in-process app: the provider sends the person back to it, and the
// helper hands those requests to the app.
const ORIGIN = 'http://127.0.0.1:4999';

describe('single sign-on with OpenID Connect', () => {
  let provider: TestOidcProvider;
  // Read by the provider at each login, so people made during the tests can be added.
  const identities: Record<string, TestIdentity> = {};
  let t: TestApp & { owner: TestUser; ann: TestUser; outsider: TestUser };
  const linchpin = () => ({
    origin: ORIGIN,
    fetch: (request: Request) => Promise.resolve(t.app.fetch(request)),
  });
  const owner = () => apiClient(t.app, t.owner.token);
  const userNamed = async (email: string) => t.core.db.select().from(users).where(eq(users.email, email));
  const me = async (cookie: string) =>
    (await t.app.request(`${ORIGIN}/api/me`, { headers: { cookie } })).json();

  beforeAll(async () => {
    provider = await startOidcProvider(identities);
    Object.assign(identities, {
      ivy: { email: 'ivy@partner.test', emailVerified: true, name: 'Ivy Invited' },
      dom: { email: 'dom@acme.test', emailVerified: true, name: 'Dom Domain' },
      una: { email: 'una@acme.test', emailVerified: false, name: 'Una Unverified' },
      sam: { email: 'sam@stranger.test', emailVerified: true, name: 'Sam Stranger' },
    });
    t = await testWorld({
      people: { owner: { role: 'owner' }, ann: {} },
      core: {
        sso: {
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          name: 'Acme ID',
        },
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  it('tells the sign-in page about the provider', async () => {
    const setup = await (await t.app.request('/api/setup')).json();
    expect(setup).toEqual({ needed: false, sso: { name: 'Acme ID', only: false } });
  });

  it('lets an invited person join with the role of their invitation', async () => {
    const invited = await owner().post('/invitations', { email: 'ivy@partner.test', role: 'leader' });
    expect(invited.status).toBe(201);
    const outcome = await ssoSignIn(linchpin(), 'ivy');
    expect(outcome.location).toBe('/');
    expect(await me(outcome.cookie)).toMatchObject({
      email: 'ivy@partner.test',
      name: 'Ivy Invited',
      role: 'leader',
      workspace: { name: 'Acme' },
    });
    const list = (await owner().get('/invitations')).body as { items: { email: string; status: string }[] };
    expect(list.items.find((i) => i.email === 'ivy@partner.test')?.status).toBe('accepted');
    // The second time they are simply signed in.
    expect((await ssoSignIn(linchpin(), 'ivy')).location).toBe('/');
    expect(await userNamed('ivy@partner.test')).toHaveLength(1);
  });

  it('refuses a stranger with a clear message and keeps no trace of them', async () => {
    const outcome = await ssoSignIn(linchpin(), 'sam');
    const back = new URL(outcome.location, ORIGIN);
    expect(back.pathname).toBe('/');
    expect(back.searchParams.get('error')).toBe('not_invited');
    expect(back.searchParams.get('error_description')).toMatch(/Ask your workspace owner for an invitation/);
    expect(outcome.cookie).not.toMatch(/session_token/);
    expect(await userNamed('sam@stranger.test')).toEqual([]);
  });

  it('lets a verified address of an allowed domain join as a member, and no unverified one', async () => {
    expect((await ssoSignIn(linchpin(), 'dom')).location).toMatch(/error=not_invited/);
    const set = await owner().put('/workspace/sign-in', { ssoDomains: ['@Acme.test'], passwordsOff: false });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ ssoDomains: ['acme.test'], passwordsOff: false, sso: { name: 'Acme ID' } });

    const joined = await ssoSignIn(linchpin(), 'dom');
    expect(joined.location).toBe('/');
    expect(await me(joined.cookie)).toMatchObject({ email: 'dom@acme.test', role: 'member' });

    const unverified = new URL((await ssoSignIn(linchpin(), 'una')).location, ORIGIN);
    expect(unverified.searchParams.get('error_description')).toMatch(/has not verified una@acme\.test/);
    expect(await userNamed('una@acme.test')).toEqual([]);
  });

  it('signs in someone who already has a password, by the address the provider verified', async () => {
    identities.ann = { email: t.ann.email, emailVerified: true, name: 'Ann at the provider' };
    const outcome = await ssoSignIn(linchpin(), 'ann');
    expect(outcome.location).toBe('/');
    expect(await me(outcome.cookie)).toMatchObject({ id: t.ann.me.id, role: 'member', name: t.ann.me.name });
  });

  it('refuses a deactivated person', async () => {
    const [dom] = await userNamed('dom@acme.test');
    expect((await owner().patch(`/users/${dom?.id}`, { active: false })).status).toBe(200);
    const outcome = new URL((await ssoSignIn(linchpin(), 'dom')).location, ORIGIN);
    expect(outcome.searchParams.get('error_description')).toMatch(/deactivated/);
  });

  it('turns passwords off for the owner only, and then refuses password sign-in naming SSO', async () => {
    expect(
      (await apiClient(t.app, t.ann.token).put('/workspace/sign-in', { ssoDomains: [], passwordsOff: true }))
        .status,
    ).toBe(403);
    expect(
      (await owner().put('/workspace/sign-in', { ssoDomains: ['bad domain'], passwordsOff: true })).body.error
        .fields,
    ).toHaveProperty(['ssoDomains.0']);
    expect(
      (await owner().put('/workspace/sign-in', { ssoDomains: ['acme.test'], passwordsOff: true })).status,
    ).toBe(200);
    const refused = await t.app.request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: t.owner.email, password: t.owner.password }),
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/passwords are off.*Sign in with Acme ID/);
    // The page still offers passwords while another workspace on this server uses them.
    const setup = async () => (await (await t.app.request('/api/setup')).json()).sso;
    expect(await setup()).toEqual({ name: 'Acme ID', only: false });
    await t.core.db
      .update(workspaces)
      .set({ passwordsOff: true })
      .where(eq(workspaces.id, t.outsider.me.workspace.id));
    expect(await setup()).toEqual({ name: 'Acme ID', only: true });
    await t.core.db
      .update(workspaces)
      .set({ passwordsOff: false })
      .where(eq(workspaces.id, t.outsider.me.workspace.id));
    expect(
      (await owner().put('/workspace/sign-in', { ssoDomains: ['acme.test'], passwordsOff: false })).status,
    ).toBe(200);
  });
});

describe('single sign-on when the provider cannot be reached', () => {
  let t: TestApp;
  beforeAll(async () => {
    const closed = await freePort(); // nothing listens there
    t = await testApp({
      core: { sso: { issuer: `http://127.0.0.1:${closed}`, clientId: 'x', clientSecret: 'y', name: 'Okta' } },
    });
  });
  afterAll(() => t?.close());

  it('says the identity provider could not be reached, quickly and without a 500', async () => {
    const started = Date.now();
    const response = await t.app.request(`${ORIGIN}/api/auth/sign-in/social`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ provider: 'sso', callbackURL: '/', errorCallbackURL: '/' }),
    });
    expect(response.status).toBe(503);
    expect((await response.json()).error.message).toMatch(/identity provider \(Okta\) could not be reached/);
    expect(Date.now() - started).toBeLessThan(12_000);
  });
});

describe('single sign-on when the provider takes the connection and never answers', () => {
  let t: TestApp;
  let silent: Server;
  beforeAll(async () => {
    silent = createServer(() => {}); // accepts, reads, never answers
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as AddressInfo;
    t = await testApp({
      core: { sso: { issuer: `http://127.0.0.1:${port}`, clientId: 'x', clientSecret: 'y', name: 'Okta' } },
    });
  }, 30_000);
  afterAll(async () => {
    await t?.close();
    silent?.closeAllConnections();
    silent?.close();
  });

  it('still signs people in with passwords, and the SSO start says the provider could not be reached', async () => {
    const owner = await buildPerson(t.core, { role: 'owner' });
    const started = Date.now();
    const signIn = await t.app.request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: owner.email, password: owner.password }),
    });
    expect(signIn.status).toBe(200);
    const sso = await t.app.request(`${ORIGIN}/api/auth/sign-in/social`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ provider: 'sso', callbackURL: '/', errorCallbackURL: '/' }),
    });
    expect(sso.status).toBe(503);
    expect((await sso.json()).error.message).toMatch(/could not be reached/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
