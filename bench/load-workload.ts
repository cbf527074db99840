// The load bench's workload: what a team does in a week, as HTTP requests, page by page — the Week
// page (every request the page makes), a card moved, a quick-add, an account page, the plan — and a
// leader opening the team page. The requests are those the web app sends (recorded in Chromium).

import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { createApiToken } from '../src/core/auth/tokens.ts';
import type { Core } from '../src/core/index.ts';
import { currentWeek } from '../src/core/reports/week-report.ts';
import { weekRange } from '../src/core/time/weeks.ts';

export interface LoadPerson {
  token: string;
  week: string;
  /** The Week page's span as the web app sends it: local midnight to midnight. */
  from: string;
  to: string;
  today: string;
  accountId: string;
  /** Activities of this week the person moves between quadrants. */
  activityIds: string[];
}

export interface LoadRequest {
  /** What the per-endpoint table calls it. */
  name: string;
  method: 'GET' | 'PATCH' | 'POST';
  path: (person: LoadPerson, turn: number) => string;
  body?: (person: LoadPerson, turn: number) => unknown;
}

const get = (name: string, path: LoadRequest['path']): LoadRequest => ({ name, method: 'GET', path });
const enc = encodeURIComponent;

/** Every page's shell asks these first. */
const shell = [
  get('GET /me', () => '/api/me'),
  get('GET /notifications', () => '/api/notifications'),
  get('GET /review?limit=1', () => '/api/review?limit=1'),
];

/** The Week page: every request it makes when it opens. */
export const weekPage = [
  ...shell,
  get('GET /accounts?status=active', () => '/api/accounts?status=active'),
  get('GET /plans/{week}?suggestions=false', (p) => `/api/plans/${p.week}?suggestions=false`),
  get('GET /decisions/due', (p) => `/api/decisions/due?until=${p.today}`),
  get('GET /reflections/{week}', (p) => `/api/reflections/${p.week}`),
  get('GET /reports/week', (p) => `/api/reports/week?week=${p.week}`),
  get('GET /reports/trend', (p) => `/api/reports/trend?weeks=12&until=${p.week}`),
  get('GET /activities (week)', (p) => `/api/activities?from=${enc(p.from)}&to=${enc(p.to)}&limit=500`),
];

const pick = (ids: string[], turn: number) => ids[turn % ids.length] ?? 'none';

/** A card dragged to another quadrant, and the figures the board then fetches again. */
const moveCard: LoadRequest[] = [
  {
    name: 'PATCH /activities/{id}',
    method: 'PATCH',
    path: (p, turn) => `/api/activities/${pick(p.activityIds, turn)}`,
    body: (_, turn) => ({ urgent: turn % 2 === 0 }),
  },
  get('GET /reports/week', (p) => `/api/reports/week?week=${p.week}`),
];

const quickAdd: LoadRequest[] = [
  {
    name: 'POST /activities',
    method: 'POST',
    path: () => '/api/activities',
    body: (p) => ({
      title: 'Call about the renewal',
      startsAt: new Date().toISOString(),
      minutes: 15,
      urgent: false,
      important: true,
      accountId: p.accountId,
    }),
  },
  get('GET /activities (week)', (p) => `/api/activities?from=${enc(p.from)}&to=${enc(p.to)}&limit=500`),
];

/** An account page: every request it makes when it opens. */
export const accountPage = [
  ...shell,
  ...['', '/inheritance', '/goals', '/time', '/scorecard', '/decisions', '/stakeholders'].map((part) =>
    get(`GET /accounts/{id}${part}`, (p) => `/api/accounts/${p.accountId}${part}`),
  ),
  get('GET /activities (account)', (p) => `/api/activities?accountId=${p.accountId}&order=desc&limit=8`),
  get(
    'GET /accounts/{id}/connectivity',
    (p) => `/api/accounts/${p.accountId}/connectivity?losingTouchDays=60`,
  ),
];

const planPage = [
  ...shell,
  get('GET /plans/{week}', (p) => `/api/plans/${p.week}`),
  get('GET /time-drains/q3', () => '/api/time-drains/q3'),
  get('GET /time-drains/q4', () => '/api/time-drains/q4'),
];

/**
 * A page as the browser opens it: its requests sent together (the web app's queries start at once),
 * or one after another where the app waits for an answer (a move, then the figures it refetches).
 */
export interface LoadPage {
  name: string;
  requests: LoadRequest[];
  sequential?: boolean;
}

/**
 * A page opened from inside the app: the shell's answers are still fresh in the web app's cache
 * (`/me` for the session, the review count for a minute, notifications polled each minute), so
 * only the page's own requests go out.
 */
const inApp = (page: LoadRequest[]) => page.filter((step) => !shell.includes(step));

/** One person's session, in the order a person clicks: the Week page loaded afresh, then in the app. */
export const personPages: LoadPage[] = [
  { name: 'Week page', requests: weekPage },
  { name: 'move a card', requests: moveCard, sequential: true },
  { name: 'quick-add', requests: quickAdd, sequential: true },
  { name: 'account page', requests: inApp(accountPage) },
  { name: 'plan', requests: inApp(planPage) },
];

export const leaderPages: LoadPage[] = [
  {
    name: 'team page',
    requests: [
      ...shell,
      get('GET /users', () => '/api/users'),
      get('GET /team', (p) => `/api/team?week=${p.week}`),
    ],
  },
];

/** The same sessions as one request after another (the closed-loop capacity run and "alone"). */
export const personSession: LoadRequest[] = personPages.flatMap((page) => page.requests);
export const leaderSession: LoadRequest[] = leaderPages.flatMap((page) => page.requests);

/** Tokens and ids for the seeded people, read in-process before the servers start. */
export async function loadPeople(core: Core, ids: string[]): Promise<LoadPerson[]> {
  const people: LoadPerson[] = [];
  for (const id of ids) {
    const [user] = (
      await core.db.execute<{ email: string; time_zone: string }>(
        sql`select email, time_zone from users where id = ${id}`,
      )
    ).rows;
    if (!user) throw new Error(`no user ${id}`);
    const week = currentWeek(user.time_zone);
    const { from, to } = weekRange(week, user.time_zone);
    const activities = (
      await core.db.execute<{ id: string; account_id: string | null }>(sql`
        select id, account_id from activities where user_id = ${id} and deleted_at is null
          and starts_at >= ${from.toJSDate().toISOString()}::timestamptz - interval '7 days'
        order by starts_at limit 20`)
    ).rows;
    const [account] = (
      await core.db.execute<{ id: string }>(sql`select id from accounts where owner_id = ${id} limit 1`)
    ).rows;
    const local = (at: DateTime) => at.setZone(user.time_zone).toFormat("yyyy-MM-dd'T'HH:mm");
    people.push({
      token: await createApiToken(core.db, user.email, 'load bench'),
      week,
      from: local(from),
      to: local(to),
      today: DateTime.now().setZone(user.time_zone).toISODate() ?? '',
      accountId: account?.id ?? 'none',
      activityIds: activities.map((a) => a.id),
    });
  }
  return people;
}
