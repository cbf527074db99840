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

/** The workspace a test's people share, and the other one its outsider belongs to. */
export const WORKSPACE = 'Acme';
export const RIVAL_WORKSPACE = 'Rival Corp';

/** How a person differs from the default: a member in Europe/London named `User <random>`. */
export interface PersonOptions {
  role?: Role;
  timeZone?: string;
  name?: string;
}

/** A user with a bearer token, in a new workspace unless one is named. */
export async function makeUser(
  core: Core,
  options: PersonOptions & { workspace?: string } = {},
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

export type People = Record<string, PersonOptions>;
export type Team<P extends People> = { [K in keyof P]: TestUser };

/** The people of one workspace (made when new), keyed as given and made in that order. */
export async function team<P extends People>(core: Core, people: P, workspace = WORKSPACE): Promise<Team<P>> {
  const made: Partial<Record<keyof P, TestUser>> = {};
  for (const key of Object.keys(people) as (keyof P)[]) {
    made[key] = await makeUser(core, { ...people[key], workspace });
  }
  return made as Team<P>;
}

export interface WorldSpec<P extends People> {
  /** The people of the test's workspace, made in the order they are listed. */
  people: P;
  /** That workspace's name: 'Acme' unless given. */
  workspace?: string;
  /** How the outsider, a member of another workspace ('Rival Corp'), differs from the default. */
  outsider?: PersonOptions;
}

/** The people by the names the spec gave them, and someone in another workspace. */
export type World<P extends People> = Team<P> & {
  /** Must see none of the test workspace's data. */
  outsider: TestUser;
};

/** A workspace with the given people, then an outsider in a second workspace. */
export async function makeWorld<P extends People>(
  core: Core,
  spec: WorldSpec<P & { outsider?: never }>,
): Promise<World<P>> {
  if ('outsider' in spec.people) throw new Error('"outsider" is the name of the other workspace\'s user');
  const people = await team(core, spec.people, spec.workspace);
  const outsider = await makeUser(core, { ...spec.outsider, workspace: RIVAL_WORKSPACE });
  return { ...people, outsider };
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
  return (await makeOwnedAccount(core, { owner: user, name, ...extra })).account;
}

/** A customer account and its owner, who is made (in a workspace of their own) when not given. */
export async function makeOwnedAccount(
  core: Core,
  { owner, name, ...extra }: Partial<AccountInput> & { owner?: TestUser } = {},
) {
  const user = owner ?? (await makeUser(core));
  const account = await createAccount(core.db, user.actor, {
    name: name ?? `Account ${randomBytes(4).toString('hex')}`,
    ...extra,
  });
  return { account, owner: user };
}

/**
 * A response body as the tests read it: left open, because the assertions are what check it. Give the
 * call a type (`api.get<AccountView>(…)`) to have the compiler check a shape as well.
 */
export type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

/** JSON requests against the app, as the given bearer token (or anonymously). */
export function apiClient(app: App, token?: string) {
  const call = async <T = Json>(
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
    get: <T = Json>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = Json>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body ?? {}, headers),
    patch: <T = Json>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PATCH', path, body, headers),
    put: <T = Json>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PUT', path, body, headers),
    delete: <T = Json>(path: string, headers?: Record<string, string>) =>
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
