import { randomBytes, randomUUID } from 'node:crypto';
import type { AccountInput, AccountView } from '../src/core/accounts/schemas.ts';
import { createAccount } from '../src/core/accounts/service.ts';
import type { ActivityInput, ActivityView } from '../src/core/activities/schemas.ts';
import { createActivity } from '../src/core/activities/service.ts';
import type { Actor } from '../src/core/auth/actor.ts';
import { createApiToken } from '../src/core/auth/tokens.ts';
import { actorOf, createUser, type Me } from '../src/core/auth/users.ts';
import {
  type ActivityAttendee,
  activities,
  type Classification,
  type ExclusionReason,
  type Role,
} from '../src/core/db/schema/index.ts';
import type { DecisionInput, DecisionView } from '../src/core/decisions/schemas.ts';
import { createDecision } from '../src/core/decisions/service.ts';
import type { Core } from '../src/core/index.ts';
import type { GoalInput, GoalView } from '../src/core/legacy/schemas.ts';
import { createGoal } from '../src/core/legacy/service.ts';
import {
  addRock,
  type ItemInput,
  type PlanItemView,
  type RockInput,
  scheduleItem,
  type WeekPlan,
} from '../src/core/plan/service.ts';
import type { RoundDetail, RoundInput } from '../src/core/scorecard/schemas.ts';
import { createRound } from '../src/core/scorecard/service.ts';
import type { StakeholderInput, StakeholderView } from '../src/core/stakeholders/schemas.ts';
import { createStakeholder } from '../src/core/stakeholders/service.ts';
import type { App } from '../src/server/app.ts';

// Builders: each makes one thing through the core services and, unless given, the things it stands
// on (a goal its account, an account its owner, a person their workspace). Each returns the thing
// under its name beside those parents, so what one builder returns can be handed to the next:
//
//     const northwind = await buildAccount(core, { owner: ann, name: 'Northwind' });
//     const { goal } = await buildGoal(core, { on: northwind, title: 'A sponsor' });
//     const { round, owner } = await buildRound(core); // a new account of a new person

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

const suffix = () => randomBytes(4).toString('hex');

/** How a person differs from the default: a member in Europe/London named `User <random>`. */
export interface PersonOptions {
  role?: Role;
  timeZone?: string;
  name?: string;
}

/** Where a person works: a workspace by name (made when new), or a colleague's; else one of their own. */
export interface PersonSpec extends PersonOptions {
  workspace?: string;
  colleagueOf?: TestUser;
}

/** A person with a password and a bearer token. */
export async function buildPerson(core: Core, spec: PersonSpec = {}): Promise<TestUser> {
  const id = suffix();
  const email = `user-${id}@example.test`;
  const password = 'correct horse battery';
  const me = await createUser(core.db, {
    workspaceName: spec.colleagueOf?.me.workspace.name ?? spec.workspace ?? `Workspace ${id}`,
    name: spec.name ?? `User ${id}`,
    email,
    password,
    role: spec.role ?? 'member',
    timeZone: spec.timeZone ?? 'Europe/London',
  });
  return { me, actor: actorOf(me), token: await createApiToken(core.db, email), email, password };
}

/** An account and the person who made it and (unless `ownerId` says otherwise) owns it. */
export interface OwnedAccount {
  account: AccountView;
  owner: TestUser;
}

/** A customer account, named `Account <random>` unless given, made by `owner` (a new person unless given). */
export async function buildAccount(
  core: Core,
  { owner, name, ...input }: Partial<AccountInput> & { owner?: TestUser } = {},
): Promise<OwnedAccount> {
  const by = owner ?? (await buildPerson(core));
  const account = await createAccount(core.db, by.actor, { name: name ?? `Account ${suffix()}`, ...input });
  return { account, owner: by };
}

/** Where a thing on an account goes, and who puts it there. */
export interface OnAccount {
  /** The account: a new one (owned by `by`, or by a new person) unless given. */
  on?: OwnedAccount;
  /** Who makes it: the account's owner unless given (its team and leaders may too). */
  by?: TestUser;
}

async function buildOn<K extends string, T>(
  core: Core,
  name: K,
  { on, by }: OnAccount,
  make: (actor: Actor, accountId: string) => Promise<T>,
): Promise<OwnedAccount & Record<K, T>> {
  const { account, owner } = on ?? (await buildAccount(core, { owner: by }));
  const made = { [name]: await make((by ?? owner).actor, account.id) } as Record<K, T>;
  return { account, owner, ...made };
}

/** A legacy goal (commercial, `Goal <random>` unless given) on an account. */
export const buildGoal = (core: Core, { on, by, ...input }: OnAccount & Partial<GoalInput> = {}) =>
  buildOn<'goal', GoalView>(core, 'goal', { on, by }, (actor, accountId) =>
    createGoal(core.db, actor, accountId, { dimension: 'commercial', title: `Goal ${suffix()}`, ...input }),
  );

/** A person at the customer (`Contact <random>` unless named), owned by whoever adds them. */
export const buildStakeholder = (
  core: Core,
  { on, by, ...input }: OnAccount & Partial<StakeholderInput> = {},
) =>
  buildOn<'stakeholder', StakeholderView>(core, 'stakeholder', { on, by }, (actor, accountId) =>
    createStakeholder(core.db, actor, accountId, { name: `Contact ${suffix()}`, ...input }),
  );

/** An entry in an account's decision log (`Decision <random>` unless given). */
export const buildDecision = (core: Core, { on, by, ...input }: OnAccount & Partial<DecisionInput> = {}) =>
  buildOn<'decision', DecisionView>(core, 'decision', { on, by }, (actor, accountId) =>
    createDecision(core.db, actor, accountId, { title: `Decision ${suffix()}`, ...input }),
  );

/** A scorecard round (`Round <random>` unless named) on an account. */
export const buildRound = (core: Core, { on, by, ...input }: OnAccount & Partial<RoundInput> = {}) =>
  buildOn<'round', RoundDetail>(core, 'round', { on, by }, (actor, accountId) =>
    createRound(core.db, actor, accountId, { name: `Round ${suffix()}`, ...input }),
  );

/** An activity unless a test says otherwise: an hour of Q2 at 09:00 on Wednesday 18 November 2026. */
export const ACTIVITY = {
  title: 'Account review',
  startsAt: '2026-11-18T09:00',
  minutes: 60,
  urgent: false,
  important: true,
} as const satisfies ActivityInput;

/** Something a person did, as {@link ACTIVITY} unless told otherwise. */
export async function buildActivity(
  core: Core,
  { by, ...input }: Partial<ActivityInput> & { by?: TestUser } = {},
): Promise<{ activity: ActivityView; by: TestUser }> {
  const user = by ?? (await buildPerson(core));
  const activity = await createActivity(core.db, user.actor, { ...ACTIVITY, ...input });
  return { activity, by: user };
}

/** What one of many stored activities says: from its start, 30 minutes of Q2 unless given. */
export interface ActivityRow {
  startsAt: Date;
  title?: string;
  minutes?: number;
  urgent?: boolean;
  important?: boolean;
  /** As an import stores them: shown-only, waiting for review, a recurring meeting's occurrence. */
  excludedReason?: ExclusionReason;
  classification?: Classification;
  recurring?: boolean;
  accountId?: string;
  notes?: string;
  attendees?: ActivityAttendee[];
}

/**
 * Many activities of one person at once, written to the table in batches of 500 (through the service
 * they would take minutes). Titled `Bulk <i>` and in the person's zone; the rows come back as stored.
 */
export async function buildActivityRows(
  core: Core,
  by: TestUser,
  count: number,
  row: (i: number) => ActivityRow,
) {
  const rows = Array.from({ length: count }, (_, i) => {
    const { startsAt, title = `Bulk ${i}`, minutes = 30, urgent = false, important = true, ...rest } = row(i);
    const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
    const { workspaceId, userId, timeZone } = by.actor;
    return {
      id: randomUUID(),
      workspaceId,
      userId,
      title,
      startsAt,
      endsAt,
      minutes,
      timeZone,
      urgent,
      important,
      ...rest,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await core.db.insert(activities).values(rows.slice(i, i + 500));
  return rows;
}

/** A big rock of a week's plan (`Rock <random>`, no budget, unless given); the plan comes back with it. */
export async function buildRock(
  core: Core,
  { by, week, ...input }: Partial<RockInput> & { by?: TestUser; week: string },
): Promise<{ rock: WeekPlan['rocks'][number]; plan: WeekPlan; by: TestUser }> {
  const user = by ?? (await buildPerson(core));
  const plan = await addRock(core.db, user.actor, week, {
    title: `Rock ${suffix()}`,
    budgetMinutes: 0,
    ...input,
  });
  const rock = plan.rocks.at(-1);
  if (!rock) throw new Error('the plan has no rock after adding one');
  return { rock, plan, by: user };
}

/** An action put on a day of the plan: half an hour, `Action <random>` unless given. */
export async function buildPlanItem(
  core: Core,
  { by, ...input }: Partial<ItemInput> & { by?: TestUser; day: string },
): Promise<{ item: PlanItemView; by: TestUser }> {
  const user = by ?? (await buildPerson(core));
  const item = await scheduleItem(core.db, user.actor, {
    title: `Action ${suffix()}`,
    minutes: 30,
    ...input,
  });
  return { item, by: user };
}

export type People = Record<string, PersonOptions>;
export type Team<P extends People> = { [K in keyof P]: TestUser };

/** The people of one workspace (made when new), keyed as given and made in that order. */
export async function team<P extends People>(core: Core, people: P, workspace = WORKSPACE): Promise<Team<P>> {
  const made: Partial<Record<keyof P, TestUser>> = {};
  for (const key of Object.keys(people) as (keyof P)[]) {
    made[key] = await buildPerson(core, { ...people[key], workspace });
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
  const outsider = await buildPerson(core, { ...spec.outsider, workspace: RIVAL_WORKSPACE });
  return { ...people, outsider };
}

/**
 * A response body as the tests read it: left open, because the assertions are what check it. Give the
 * call a type (`api.get<AccountView>(…)`) to have the compiler check a shape as well.
 */
export type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  /** The body as JSON; null when it is empty or not JSON (a CSV download: see `text`). */
  body: T;
  text: string;
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
    return jsonOf<T>(response);
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

/** A first-run setup's body (POST /setup): a valid one unless `overrides` say otherwise. */
export const setupBody = (
  overrides: Partial<Record<'workspaceName' | 'name' | 'email' | 'password', string>> = {},
) => ({
  workspaceName: 'Acme',
  name: 'Ann',
  email: 'ann@acme.test',
  password: 'a long fine secret',
  ...overrides,
});

/** A response with its body read as JSON (null when empty or of another type) and as text. */
export async function jsonOf<T = Json>(response: Response): Promise<ApiResponse<T>> {
  const text = await response.text();
  const json = text && /json/.test(response.headers.get('content-type') ?? 'application/json');
  return { status: response.status, body: json ? JSON.parse(text) : null, text, headers: response.headers };
}

/** How an upload differs from an .ics file sent for its summary. */
export interface UploadOptions {
  /** The query: `fileName`, `dryRun`, `skipInvalid`, `calendarId`. */
  query?: Record<string, string>;
  contentType?: string;
  /** `application/x-ndjson` for progress lines before the summary. */
  accept?: string;
}

/** Sends a file to the import endpoint as the user, as the Import page does. */
export const uploadImport = (
  app: App,
  user: TestUser,
  body: string | Uint8Array<ArrayBuffer>,
  { query = {}, contentType = 'text/calendar', accept }: UploadOptions = {},
) =>
  app.request(`/api/imports?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${user.token}`,
      'content-type': contentType,
      ...(accept ? { accept } : {}),
    },
    body,
  });

/** Uploads an .ics file as the user, as the Import page does; the summary comes back as JSON. */
export const importIcs = (
  app: App,
  user: TestUser,
  text: string,
  fileName = 'calendar.ics',
  query: Record<string, string> = {},
) => uploadImport(app, user, text, { query: { fileName, ...query } });
