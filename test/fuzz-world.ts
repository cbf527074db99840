import type { App } from '../src/server/app.ts';
import { type ApiResponse, apiClient, importIcs, jsonOf, type TestUser } from './factories.ts';
import { ics, vevent } from './ics.ts';

/** The kinds of resource a path or body id can name; one real id of each per workspace. */
export const RESOURCE_KINDS = [
  'account',
  'stakeholder',
  'goal',
  'decision',
  'round',
  'scorecardLink',
  'activity',
  'rock',
  'planItem',
  'rule',
  'calendar',
  'invitation',
  'token',
  'user',
  'inheritance',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type Resources = Record<ResourceKind, string>;

/** The week and day the fuzz suite's plans and activities use. */
export const FUZZ_WEEK = '2026-W47';
export const FUZZ_DAY = '2026-11-18';

/**
 * One real thing of every kind in the workspace of `user` (an owner), made through the API as a
 * person would: an account with a stakeholder, goal, decision, round and customer link, an activity,
 * a big rock and a plan action, a rule, an imported calendar, an invitation, a token, and an account
 * `colleague` handed to `user` (its inheritance review). `colleague` is the `user` id.
 */
export async function seedResources(app: App, user: TestUser, colleague: TestUser): Promise<Resources> {
  const api = apiClient(app, user.token);
  const made = async (what: string, response: Promise<ApiResponse>) => {
    const { status, body, text } = await response;
    if (status >= 300) throw new Error(`seeding ${what} answered ${status}: ${text}`);
    return body;
  };
  const account = (await made('account', api.post('/accounts', { name: `Fuzz ${user.me.id}` }))).id;
  // The colleague hands an account of theirs to `user`, who works through its inheritance review.
  const byColleague = apiClient(app, colleague.token);
  const handed = (await made('account', byColleague.post('/accounts', { name: `Handed ${user.me.id}` }))).id;
  const transfer = byColleague.post(`/accounts/${handed}/transfer`, { toUserId: user.me.id });
  const inheritance = (await made('transfer', transfer)).id;
  const on = (what: string, body: object) => made(what, api.post(`/accounts/${account}/${what}`, body));
  const round = (await on('scorecard', { name: 'Fuzz round' })).id;
  const rocks = (
    await made('rock', api.post(`/plans/${FUZZ_WEEK}/rocks`, { title: 'Fuzz', budgetMinutes: 60 }))
  ).rocks;
  await made(
    'calendar',
    Promise.resolve(
      importIcs(
        app,
        user,
        ics(...vevent('UID:fuzz-1', 'SUMMARY:Fuzz', 'DTSTART:20261118T090000Z', 'DTEND:20261118T100000Z')),
        'fuzz.ics',
      ),
    ).then(jsonOf),
  );
  return {
    account,
    stakeholder: (await on('stakeholders', { name: 'Fuzz contact' })).id,
    goal: (await on('goals', { dimension: 'commercial', title: 'Fuzz goal' })).id,
    decision: (await on('decisions', { title: 'Fuzz decision' })).id,
    round,
    scorecardLink: (await made('link', api.post(`/scorecard/rounds/${round}/invitations`, {}))).id,
    activity: (
      await made(
        'activity',
        api.post('/activities', {
          title: 'Fuzz',
          startsAt: `${FUZZ_DAY}T09:00`,
          minutes: 60,
          urgent: false,
          important: true,
        }),
      )
    ).id,
    rock: rocks[rocks.length - 1].id,
    planItem: (
      await made('plan item', api.post('/plan-items', { title: 'Fuzz', day: FUZZ_DAY, minutes: 30 }))
    ).id,
    rule: (
      await made(
        'rule',
        api.post('/rules', {
          name: 'Fuzz rule',
          conditions: { titleWords: ['fuzz'] },
          actions: { urgent: true },
        }),
      )
    ).id,
    calendar: (await made('calendars', api.get('/calendars'))).items[0].id,
    invitation: (
      await made(
        'invitation',
        api.post('/invitations', { email: `fuzz-${user.me.id}@example.test`, role: 'member' }),
      )
    ).id,
    token: (await made('token', api.post('/me/tokens', { name: 'fuzz' }))).id,
    user: colleague.me.id,
    inheritance,
  };
}

/** Which resource a path parameter names: `{id}` by the path's first segments, `{decisionId}` by its name. */
export function kindOfPathParam(path: string, param: string): ResourceKind | null {
  if (param !== 'id') return kindOfField(param);
  const prefixes: [string, ResourceKind][] = [
    ['/accounts/{id}', 'account'],
    ['/activities/{id}', 'activity'],
    ['/stakeholders/{id}', 'stakeholder'],
    ['/goals/{id}', 'goal'],
    ['/scorecard/rounds/{id}', 'round'],
    ['/scorecard/invitations/{id}', 'scorecardLink'],
    ['/decisions/{id}', 'decision'],
    ['/rocks/{id}', 'rock'],
    ['/plan-items/{id}', 'planItem'],
    ['/rules/{id}', 'rule'],
    ['/calendars/{id}', 'calendar'],
    ['/users/{id}', 'user'],
    ['/invitations/{id}', 'invitation'],
    ['/me/tokens/{id}', 'token'],
    ['/inheritance/{id}', 'inheritance'],
  ];
  return prefixes.find(([prefix]) => path.startsWith(prefix))?.[1] ?? null;
}

/** Which resource a body or query field holds by its name (`accountId`, `invitedUserIds`), if any. */
export function kindOfField(name: string): ResourceKind | null {
  const fields: Record<string, ResourceKind> = {
    accountId: 'account',
    goalId: 'goal',
    rockId: 'rock',
    decisionId: 'decision',
    stakeholderId: 'stakeholder',
    replacesId: 'decision',
    fromActivityId: 'activity',
    activityIds: 'activity',
    calendarId: 'calendar',
    toUserId: 'user',
    leaderId: 'user',
    ownerId: 'user',
    ownerIds: 'user',
    memberIds: 'user',
    invitedUserIds: 'user',
  };
  return fields[name] ?? null;
}
