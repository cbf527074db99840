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
import { PROVIDER_DEADLINE_MS } from '../../core/sso/provider-requests.ts';

// A made-up address for the in-process app: the provider sends the person back to it, and the
// helper hands those requests to the app.
const ORIGIN = 'http://127.0.0.1:4999';

/** A server that takes connections and requests and never answers them. */
async function startSilentServer(): Promise<{ server: Server; port: number; requests: () => number }> {
  let requests = 0;
  const server = createServer(() => {
    requests++;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port, requests: () => requests };
}

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
    t = await testWorld({ people: { owner: { role: 'owner' }, ann: {} }, core: { sso: provider.sso } });
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

  it('with passwords off, has an invitation link join by SSO only, with the invitation’s role', async () => {
    identities.pia = { email: 'pia@partner.test', emailVerified: true, name: 'Pia Partner' };
    const invited = await owner().post('/invitations', { email: 'pia@partner.test', role: 'leader' });
    const token = new URL(invited.body.url).hash.split('/').at(-1);
    expect((await owner().put('/workspace/sign-in', { ssoDomains: [], passwordsOff: true })).status).toBe(
      200,
    );
    const anonymous = apiClient(t.app);
    expect((await anonymous.get(`/public/invitations/${token}`)).body).toMatchObject({
      email: 'pia@partner.test',
      sso: { name: 'Acme ID' },
    });
    const refused = await anonymous.post(`/public/invitations/${token}`, {
      name: 'Pia',
      password: 'pia long secret',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/passwords are off.*Sign in with Acme ID/);
    expect(await userNamed('pia@partner.test')).toEqual([]);

    const joined = await ssoSignIn(linchpin(), 'pia');
    expect(joined.location).toBe('/');
    expect(await me(joined.cookie)).toMatchObject({ email: 'pia@partner.test', role: 'leader' });
    expect((await anonymous.get(`/public/invitations/${token}`)).status).toBe(409);
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
    const { server, port } = await startSilentServer();
    silent = server;
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

/** An app whose SSO provider is a real one, started with `options` (test/oidc-provider.ts). */
async function appWithProvider(
  identities: Record<string, TestIdentity>,
  options: Parameters<typeof startOidcProvider>[1],
) {
  const provider = await startOidcProvider(identities, options);
  const t = await testApp({ core: { sso: provider.sso } });
  return {
    ...t,
    signIn: (login: string) =>
      ssoSignIn({ origin: ORIGIN, fetch: (request) => Promise.resolve(t.app.fetch(request)) }, login),
    close: async () => {
      await t.close();
      await provider.close();
    },
  };
}

describe('single sign-on with a provider whose ID token names only the subject', () => {
  const identities: Record<string, TestIdentity> = {};
  let t: Awaited<ReturnType<typeof appWithProvider>>;
  beforeAll(async () => {
    t = await appWithProvider(identities, { claimsInIdToken: false });
  });
  afterAll(() => t?.close());

  it('reads who signed in from its userinfo endpoint', async () => {
    const owner = await buildPerson(t.core, { role: 'owner' });
    identities.own = { email: owner.email, emailVerified: true, name: owner.me.name };
    const outcome = await t.signIn('own');
    expect(outcome.location).toBe('/');
    const me = await t.app.request(`${ORIGIN}/api/me`, { headers: { cookie: outcome.cookie } });
    expect(await me.json()).toMatchObject({ id: owner.me.id, email: owner.email });
  });
});

describe('single sign-on when the provider takes the connection at the callback and never answers', () => {
  const silent: Awaited<ReturnType<typeof startSilentServer>>[] = [];
  const apps: Awaited<ReturnType<typeof appWithProvider>>[] = [];
  const sam = { sam: { email: 'sam@acme.test', emailVerified: true, name: 'Sam' } };
  afterAll(async () => {
    for (const app of apps) await app.close();
    for (const { server } of silent) {
      server.closeAllConnections();
      server.close();
    }
  });

  /** Signs in through a provider whose `endpoint` is a silent server: back at sign-in, in time. */
  async function givesUpInTime(endpoint: 'tokenEndpoint' | 'userInfoEndpoint', error: string) {
    const hanging = await startSilentServer();
    silent.push(hanging);
    const t = await appWithProvider(sam, {
      [endpoint]: `http://127.0.0.1:${hanging.port}/never`,
      claimsInIdToken: false,
    });
    apps.push(t);
    const started = Date.now();
    const outcome = await t.signIn('sam');
    const waited = Date.now() - started;
    expect(hanging.requests()).toBe(1);
    const back = new URL(outcome.location, ORIGIN);
    expect(back.pathname).toBe('/');
    expect(back.searchParams.get('error')).toBe(error);
    expect(outcome.cookie).not.toMatch(/session_token/);
    expect(waited).toBeGreaterThanOrEqual(PROVIDER_DEADLINE_MS - 500);
    expect(waited).toBeLessThan(PROVIDER_DEADLINE_MS + 5_000);
    expect(await t.core.db.select().from(users).where(eq(users.email, 'sam@acme.test'))).toEqual([]);
  }

  it(
    'gives up on the token endpoint at the deadline: back at sign-in with an error, not signed in',
    () => givesUpInTime('tokenEndpoint', 'invalid_code'),
    30_000,
  );

  it(
    'gives up on the userinfo endpoint at the deadline the same way',
    () => givesUpInTime('userInfoEndpoint', 'unable_to_get_user_info'),
    30_000,
  );
});
