import { randomBytes } from 'node:crypto';
import type { AccountInput } from '../src/core/accounts/schemas.ts';
import { createAccount } from '../src/core/accounts/service.ts';
import type { ActivityInput } from '../src/core/activities/schemas.ts';
import { createActivity } from '../src/core/activities/service.ts';
import type { Actor } from '../src/core/auth/actor.ts';
import { createApiToken } from '../src/core/auth/tokens.ts';
import { actorOf, createUser, type Me } from '../src/core/auth/users.ts';
import type { Role } from '../src/core/db/schema/index.ts';
import type { Core } from '../src/core/index.ts';
import type { App } from '../src/server/app.ts';

export interface TestUser {
  me: Me;
  actor: Actor;
  token: string;
  email: string;
  password: string;
}

/** A user with a bearer token, in a new workspace unless one is named. */
export async function makeUser(
  core: Core,
  options: { workspace?: string; role?: Role; timeZone?: string; name?: string } = {},
): Promise<TestUser> {
  const suffix = randomBytes(4).toString('hex');
  const email = `user-${suffix}@example.test`;
  const password = 'correct horse battery';
  const me = await createUser(core.db, {
    workspaceName: options.workspace ?? `Workspace ${suffix}`,
    name: options.name ?? `User ${suffix}`,
    email,
    password,
    role: options.role ?? 'member',
    timeZone: options.timeZone ?? 'Europe/London',
  });
  return { me, actor: actorOf(me), token: await createApiToken(core.db, email), email, password };
}

export async function makeActivity(core: Core, user: TestUser, overrides: Partial<ActivityInput> = {}) {
  return createActivity(core.db, user.actor, {
    title: 'Account review',
    startsAt: '2026-11-18T09:00',
    minutes: 60,
    urgent: false,
    important: true,
    ...overrides,
  });
}

/** A customer account owned by the user (its team and leaders may edit it too). */
export async function makeAccount(
  core: Core,
  user: TestUser,
  name: string,
  extra: Omit<AccountInput, 'name'> = {},
) {
  return createAccount(core.db, user.actor, { name, ...extra });
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** JSON requests against the app, as the given bearer token (or anonymously). */
export function apiClient(app: App, token?: string) {
  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await app.request(`/api${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      headers: response.headers,
    } as ApiResponse<T>;
  };
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body ?? {}, headers),
    patch: <T = any>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PATCH', path, body, headers),
    put: <T = any>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PUT', path, body, headers),
    delete: <T = any>(path: string, headers?: Record<string, string>) =>
      call<T>('DELETE', path, undefined, headers),
  };
}

/** The cookie header a browser would send back after a response's Set-Cookie. */
export const cookieFrom = (headers: Headers) =>
  headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Signs in with better-auth's e-mail endpoint, from a client address (rate limits key on it). */
export const signIn = (app: App, email: string, password: string, ip = '10.0.0.1') =>
  app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password }),
  });
