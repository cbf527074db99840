import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { SsoConfig } from '../src/core/sso/config.ts';

/** A person the provider knows; they log in with `login` (any password). */
export interface TestIdentity {
  email: string;
  emailVerified: boolean;
  name: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The LINCHPIN_OIDC_* variables that point a server at this provider. */
  env: Record<string, string>;
  /** The same for an in-process core (`core: { sso }`). */
  sso: SsoConfig;
  close(): Promise<void>;
}

const CLIENT_ID = 'linchpin-test';
const CLIENT_SECRET = 'a-client-secret-for-tests-only-0123456789';
const NAME = 'Acme ID';

/**
 * A real OpenID Connect provider (node-oidc-provider) on a free port, with one confidential client
 * and its development login page (any password). Consent is given on the person's behalf.
 * `tokenEndpoint` and `userInfoEndpoint` make its discovery name another server's (one that
 * misbehaves); with `claimsInIdToken: false` the ID token names nobody but the subject, as many
 * providers do, so who signed in is read from the userinfo endpoint.
 */
export async function startOidcProvider(
  identities: Record<string, TestIdentity>,
  options: { tokenEndpoint?: string; userInfoEndpoint?: string; claimsInIdToken?: boolean } = {},
): Promise<TestOidcProvider> {
  let handler: ((req: never, res: never) => void) | undefined;
  const server: Server = createServer((req, res) => handler?.(req as never, res as never));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: ['http://127.0.0.1/api/auth/callback/sso'],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: options.claimsInIdToken === false,
    cookies: { keys: ['test-cookie-key'] },
    findAccount: (_ctx, id) => {
      const identity = identities[id];
      if (!identity) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          email: identity.email,
          email_verified: identity.emailVerified,
          name: identity.name,
        }),
      };
    },
    loadExistingGrant: async (ctx) => {
      const { oidc } = ctx;
      if (!oidc.client || !oidc.session?.accountId) return undefined;
      const grantId = oidc.session.grantIdFor(oidc.client.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({
        clientId: oidc.client.clientId,
        accountId: oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const replaced = {
    ...(options.tokenEndpoint && { token_endpoint: options.tokenEndpoint }),
    ...(options.userInfoEndpoint && { userinfo_endpoint: options.userInfoEndpoint }),
  };
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/.well-known/openid-configuration') ctx.body = { ...(ctx.body as object), ...replaced };
  });
  // Linchpin's test servers listen on ports chosen at start: any local callback is registered.
  provider.Client.prototype.redirectUriAllowed = (uri: string) =>
    /^http:\/\/(127\.0\.0\.1|localhost):\d+\/api\/auth\/callback\/sso$/.test(uri);
  handler = provider.callback() as never;
  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    env: {
      LINCHPIN_OIDC_ISSUER: issuer,
      LINCHPIN_OIDC_CLIENT_ID: CLIENT_ID,
      LINCHPIN_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      LINCHPIN_OIDC_NAME: NAME,
    },
    sso: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, name: NAME },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Cookies across redirects between two sites, the little a browser does that the tests need. */
class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();
  take(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
    this.cookies.set(host, jar);
  }
  header(url: string): string {
    const jar = this.cookies.get(new URL(url).host);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }
}

export interface SsoOutcome {
  /** Where the person ended up in Linchpin (the callback's redirect), e.g. `/` or `/?error=…`. */
  location: string;
  /** Linchpin's session cookie header, when signed in. */
  cookie: string;
}

/**
 * Signs in with SSO as `login` over plain HTTP: Linchpin's start, the provider's login form, and
 * Linchpin's callback. `linchpin` answers a request to Linchpin (in-process app or real server).
 */
export async function ssoSignIn(
  linchpin: { origin: string; fetch: (request: Request) => Promise<Response> },
  login: string,
): Promise<SsoOutcome> {
  const jar = new CookieJar();
  const go = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    const cookie = jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const request = new Request(url, { ...init, headers, redirect: 'manual' });
    const response = url.startsWith(linchpin.origin) ? await linchpin.fetch(request) : await fetch(request);
    jar.take(url, response);
    return response;
  };
  const start = await go(`${linchpin.origin}/api/auth/sign-in/social`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: linchpin.origin },
    body: JSON.stringify({ provider: 'sso', callbackURL: '/', errorCallbackURL: '/' }),
  });
  if (start.status !== 200) throw new Error(`SSO start answered ${start.status}: ${await start.text()}`);
  let url = ((await start.json()) as { url: string }).url;
  for (let hop = 0; hop < 10; hop++) {
    const response = await go(url);
    const location = response.headers.get('location');
    if (url.startsWith(`${linchpin.origin}/api/auth/callback/`)) {
      if (!location) throw new Error(`the callback answered ${response.status}: ${await response.text()}`);
      return { location, cookie: jar.header(linchpin.origin) };
    }
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider showed no login form at ${url} (${response.status}): ${html}`);
    const submitted = await go(new URL(action, url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login, password: 'any' }),
    });
    url = new URL(submitted.headers.get('location') ?? '', url).href;
  }
  throw new Error('SSO sign-in did not come back to Linchpin');
}
