import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../../test/app.ts';
import {
  type ActivityRow,
  apiClient,
  buildAccount,
  buildActivityRows,
  buildDecision,
  buildPerson,
  buildPlanItem,
  buildRock,
  buildStakeholder,
  type TestUser,
} from '../../../test/factories.ts';
import { users } from '../../core/db/schema/index.ts';
import { updatePerson } from '../../core/people/service.ts';
import { saveReflection } from '../../core/reflections/service.ts';
import type { TeamView } from '../../core/team/schemas.ts';
import { fixedClock, setClock } from '../../core/time/clock.ts';
import { weekRange } from '../../core/time/weeks.ts';

const WEEK = '2026-W47';
const PREVIOUS = '2026-W46';
const NEXT = '2026-W48';
const MARKER = 'zq-private-marker';

/** 09:00 on a weekday of a week, in the person's zone. */
const at = (person: TestUser, week: string, day = 1, hour = 9) =>
  weekRange(week, person.actor.timeZone)
    .from.plus({ days: day - 1, hours: hour })
    .toJSDate();

describe('the team page', () => {
  let t: TestApp;
  let owner: TestUser;
  let leader: TestUser;
  let subLeader: TestUser;
  let ann: TestUser;
  let ben: TestUser;
  let cai: TestUser;
  let loner: TestUser;
  let outsider: TestUser;
  let restoreClock: () => void;
  const api = (who: TestUser) => apiClient(t.app, who.token);

  beforeAll(async () => {
    // Friday of the week after: the week is over, the clock fixed so "due" and "stale" are stable.
    restoreClock = setClock(fixedClock('2026-11-27T12:00:00Z'));
    t = await testApp();
    owner = await buildPerson(t.core, { role: 'owner', workspace: 'Team Co', name: 'Olga Owner' });
    leader = await buildPerson(t.core, { role: 'leader', colleagueOf: owner, name: 'Lena Leader' });
    subLeader = await buildPerson(t.core, { role: 'leader', colleagueOf: owner, name: 'Sami Sub' });
    ann = await buildPerson(t.core, { colleagueOf: owner, name: 'Ann Able', timeZone: 'America/New_York' });
    ben = await buildPerson(t.core, { colleagueOf: owner, name: 'Ben Baker' });
    cai = await buildPerson(t.core, { colleagueOf: owner, name: 'Cai Chen', timeZone: 'Asia/Tokyo' });
    loner = await buildPerson(t.core, { colleagueOf: owner, name: 'Lou Loner' });
    outsider = await buildPerson(t.core, { role: 'owner', workspace: 'Elsewhere' });
    // leader → ann, subLeader → ben, cai (so ben and cai report to the leader through subLeader).
    for (const [person, lead] of [
      [ann, leader],
      [subLeader, leader],
      [ben, subLeader],
      [cai, subLeader],
      [loner, owner],
    ] as const) {
      await updatePerson(t.core.db, owner.actor, person.me.id, { leaderId: lead.me.id }, null);
    }

    // Ann: 2 h Q2, 1 h Q1 and a 30-minute recurring Q3 meeting in WEEK; an all-day, an unclassified
    // and a deleted-by-exclusion event that must not count; 1 h Q2 the week before.
    const annsWeek: ActivityRow[] = [
      { startsAt: at(ann, WEEK, 1), minutes: 120, title: `${MARKER} title`, notes: `${MARKER} note` },
      { startsAt: at(ann, WEEK, 2), minutes: 60, urgent: true, important: true },
      { startsAt: at(ann, WEEK, 3), minutes: 30, urgent: true, important: false, recurring: true },
      { startsAt: at(ann, WEEK, 4), minutes: 1440, excludedReason: 'all_day' },
      { startsAt: at(ann, WEEK, 4, 14), minutes: 45, classification: 'unclassified' },
      { startsAt: at(ann, PREVIOUS, 2), minutes: 60 },
      // Sunday 23:00 in New York is Monday in London: it is still Ann's WEEK.
      { startsAt: at(ann, WEEK, 7, 23), minutes: 30, urgent: false, important: false },
    ];
    await buildActivityRows(t.core, ann, annsWeek.length, (i) => annsWeek[i] as ActivityRow);
    await buildActivityRows(t.core, ben, 2, (i) => ({
      startsAt: at(ben, WEEK, i + 1),
      minutes: 90,
      urgent: i === 1,
      important: i === 0,
    }));
    await buildActivityRows(t.core, cai, 1, () => ({ startsAt: at(cai, WEEK, 2), minutes: 240 }));
    await buildActivityRows(t.core, loner, 1, () => ({ startsAt: at(loner, WEEK, 2), minutes: 60 }));

    // Plans and reflections with private text.
    await buildRock(t.core, { by: ann, week: WEEK, title: `${MARKER} rock`, budgetMinutes: 180 });
    await buildPlanItem(t.core, { by: ann, day: '2026-11-17', title: `${MARKER} action` });
    await saveReflection(t.core.db, ann.actor, WEEK, { answers: { step_out: `${MARKER} reflection` } });

    // Ann's account: one stakeholder (single-threaded), influential and never met; a decision due.
    const northwind = await buildAccount(t.core, { owner: ann, name: 'Northwind', tier: 'strategic' });
    await buildStakeholder(t.core, {
      on: northwind,
      name: 'Nora North',
      influence: 5,
      email: 'nora@northwind.test',
      notes: `${MARKER} stakeholder note`,
    });
    await buildDecision(t.core, {
      on: northwind,
      title: 'Free onsite support',
      reviewBy: '2026-11-20',
      context: `${MARKER} context`,
    });
    await buildActivityRows(t.core, ann, 1, () => ({
      startsAt: at(ann, WEEK, 5),
      minutes: 60,
      accountId: northwind.account.id,
    }));
    await buildAccount(t.core, { owner: loner, name: 'Lonely Ltd' });
  });

  afterAll(async () => {
    restoreClock();
    await t.close();
  });

  const row = (view: Pick<TeamView, 'people'>, who: TestUser) =>
    view.people.find((p) => p.userId === who.me.id);

  it('shows a leader everyone below them, directly or through others, and nobody else', async () => {
    const { status, body } = await api(leader).get(`/team?week=${WEEK}`);
    expect(status).toBe(200);
    expect(body.leader).toEqual({ id: leader.me.id, name: 'Lena Leader' });
    expect(body.people.map((p: { name: string }) => p.name)).toEqual([
      'Ann Able',
      'Ben Baker',
      'Cai Chen',
      'Sami Sub',
    ]);
    expect(body.accounts.map((a: { name: string }) => a.name)).toEqual(['Northwind']);
  });

  it('counts what each person’s own week report counts, in their own zone', async () => {
    const { body } = await api(leader).get(`/team?week=${WEEK}`);
    for (const person of [ann, ben, cai]) {
      const own = (await api(person).get(`/reports/week?week=${WEEK}`)).body;
      const mine = row(body, person);
      expect(mine?.totalMinutes).toBe(own.totalMinutes);
      expect(mine?.quadrants).toEqual(own.quadrants);
      expect(mine?.targets).toEqual(own.targets);
    }
    const a = row(body, ann);
    // 120 + 60 + 30 + 30 (late Sunday) + 60 on the account; the all-day and unclassified do not count.
    expect(a?.totalMinutes).toBe(300);
    expect(a?.recurringQ3Minutes).toBe(30);
    expect(a?.plannedQ2Minutes).toBe(180);
    expect(a?.reflected).toBe(true);
    expect(row(body, ben)?.reflected).toBe(false);
    expect(a?.q2Trend).toHaveLength(12);
    expect(a?.q2Trend.at(-1)).toEqual({ week: WEEK, totalMinutes: 300, share: 0.6 });
    expect(a?.q2Trend.at(-2)).toEqual({ week: PREVIOUS, totalMinutes: 60, share: 1 });
    expect(a?.q2Trend.at(0)).toEqual({ week: '2026-W36', totalMinutes: 0, share: null });
  });

  it('adds the team totals up from the people', async () => {
    const { body } = await api(leader).get(`/team?week=${WEEK}`);
    const sum = (pick: (p: (typeof body.people)[number]) => number) =>
      body.people.reduce((total: number, p: (typeof body.people)[number]) => total + pick(p), 0);
    expect(body.team.people).toBe(4);
    expect(body.team.contributors).toBe(3);
    expect(body.team.totalMinutes).toBe(sum((p) => p.totalMinutes));
    for (const q of ['q1', 'q2', 'q3', 'q4']) {
      expect(body.team.quadrants[q].minutes).toBe(sum((p) => p.quadrants[q].minutes));
    }
    expect(body.team.reflected).toBe(1);
    expect(body.team.q2Trend.at(-1).totalMinutes).toBe(body.team.totalMinutes);
  });

  it('lets the owner see everyone, or one leader’s team', async () => {
    const all = (await api(owner).get(`/team?week=${WEEK}`)).body;
    expect(all.leader).toBeNull();
    expect(all.people).toHaveLength(7);
    expect(all.accounts.map((a: { name: string }) => a.name).sort()).toEqual(['Lonely Ltd', 'Northwind']);
    const sub = (await api(owner).get(`/team?week=${WEEK}&leaderId=${subLeader.me.id}`)).body;
    expect(sub.people.map((p: { name: string }) => p.name)).toEqual(['Ben Baker', 'Cai Chen']);
  });

  it('lets a leader open a team below them but nobody else’s; members get 403', async () => {
    expect((await api(leader).get(`/team?week=${WEEK}&leaderId=${subLeader.me.id}`)).status).toBe(200);
    const up = await api(subLeader).get(`/team?week=${WEEK}&leaderId=${leader.me.id}`);
    expect(up.status).toBe(404);
    expect(up.body.error.fields).toEqual({ leaderId: 'no such leader in your team' });
    const notALeader = await api(leader).get(`/team?week=${WEEK}&leaderId=${ann.me.id}`);
    expect(notALeader.status).toBe(400);
    expect(notALeader.body.error.fields.leaderId).toBe('Ann Able is a member: nobody reports to them');
    expect((await api(leader).get(`/team?leaderId=${outsider.me.id}`)).status).toBe(404);
    expect((await api(outsider).get(`/team?leaderId=${leader.me.id}`)).status).toBe(404);
    const member = await api(ann).get('/team');
    expect(member.status).toBe(403);
    expect((await api(ann).get('/team/export?table=people')).status).toBe(403);
  });

  it('names a bad week or table', async () => {
    const week = await api(leader).get('/team?week=2026-48');
    expect(week.status).toBe(400);
    expect(week.body.error.fields.week).toMatch(/ISO week/);
    const table = await api(leader).get('/team/export?table=secrets');
    expect(table.status).toBe(400);
    expect(table.body.error.fields.table).toBe('must be people or accounts');
  });

  it('lists the team’s accounts with the risks a leader acts on', async () => {
    const { body } = await api(leader).get(`/team?week=${WEEK}`);
    const northwind = body.accounts[0];
    expect(northwind).toMatchObject({
      name: 'Northwind',
      tier: 'strategic',
      ownerId: ann.me.id,
      ownerName: 'Ann Able',
      minutes: 60,
      warnings: ['single_contact'],
      losingTouch: 1,
      lastRoundAt: null,
      stale: false,
      largestGap: null,
      decisionsDue: 1,
      openInheritanceReviews: 0,
      needsOwner: false,
    });
    expect(northwind.quadrants.q2).toEqual({ minutes: 60, share: 1 });
    expect(northwind.risk).toBeGreaterThan(0);
  });

  it('never shows a title, note, plan, reflection or stakeholder note', async () => {
    const responses = await Promise.all([
      api(leader).get(`/team?week=${WEEK}`),
      api(owner).get(`/team?week=${WEEK}`),
      api(leader).get(`/team/export?week=${WEEK}&table=people`),
      api(leader).get(`/team/export?week=${WEEK}&table=accounts`),
      api(ann).get(`/me/leader-view?week=${WEEK}`),
    ]);
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.text).not.toContain(MARKER);
    }
    // The markers are there to be found: the person's own views show them.
    expect((await api(ann).get(`/reflections/${WEEK}`)).text).toContain(MARKER);
  });

  it('exports the people and accounts tables as CSV', async () => {
    const people = await api(leader).get(`/team/export?week=${WEEK}&table=people`);
    expect(people.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(people.headers.get('content-disposition')).toContain(`team-people-${WEEK}.csv`);
    const lines = people.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toMatch(/^person,week,total minutes,q1 minutes/);
    expect(lines).toHaveLength(6); // header, four people, the team
    expect(lines.find((l) => l.startsWith('Ann Able'))).toContain(`${WEEK},300,`);
    const accounts = await api(leader).get(`/team/export?week=${WEEK}&table=accounts`);
    expect(accounts.text).toContain('Northwind,strategic,Ann Able,60');
  });

  it('shows each person exactly their row of the leader’s page', async () => {
    const team = (await api(leader).get(`/team?week=${WEEK}`)).body;
    const mine = (await api(ann).get(`/me/leader-view?week=${WEEK}`)).body;
    expect(mine.privacy).toBe('per-person');
    expect(mine.leader).toEqual({ id: leader.me.id, name: 'Lena Leader' });
    expect(mine.person).toEqual(row(team, ann));
    // Everyone whose team page has Ann's row: her leader and the owner; Ben's also his leader's leader.
    expect(mine.seenBy.map((p: { name: string }) => p.name)).toEqual(['Lena Leader', 'Olga Owner']);
    const bens = (await api(ben).get(`/me/leader-view?week=${WEEK}`)).body;
    expect(bens.seenBy.map((p: { name: string }) => p.name)).toEqual([
      'Lena Leader',
      'Sami Sub',
      'Olga Owner',
    ]);
  });

  describe('in aggregate mode', () => {
    beforeAll(async () => {
      const set = await api(owner).put('/workspace/team-privacy', { mode: 'aggregate', minGroupSize: 5 });
      expect(set.status).toBe(200);
    });
    afterAll(async () => {
      await api(owner).put('/workspace/team-privacy', { mode: 'per-person', minGroupSize: 5 });
    });

    it('hides per-person rows and totals of fewer than the minimum group', async () => {
      const { body } = await api(leader).get(`/team?week=${WEEK}`);
      expect(body.privacy).toBe('aggregate');
      expect(body.people).toEqual([]);
      expect(body.size).toBe(4); // the team's size is no secret
      expect(body.team).toBeNull(); // three contributed, fewer than five
      expect(body.accounts[0].minutes).toBeNull(); // one person's time on Northwind
      expect(body.accounts[0].decisionsDue).toBe(1);
      const mine = (await api(ann).get(`/me/leader-view?week=${WEEK}`)).body;
      expect(mine).toMatchObject({ privacy: 'aggregate', person: null });
      const csv = await api(leader).get(`/team/export?week=${WEEK}&table=people`);
      expect(
        csv.text
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\n'),
      ).toHaveLength(1);
    });

    it('opens only one’s own team, so no team can be subtracted from another', async () => {
      const sub = await api(leader).get(`/team?week=${WEEK}&leaderId=${subLeader.me.id}`);
      expect(sub.status).toBe(403);
      expect(sub.body.error.fields).toEqual({ leaderId: 'only your own team in aggregate mode' });
      expect((await api(owner).get(`/team?week=${WEEK}&leaderId=${leader.me.id}`)).status).toBe(403);
      expect((await api(leader).get(`/team?week=${WEEK}&leaderId=${leader.me.id}`)).status).toBe(200);
    });

    it('shows totals once enough people contributed', async () => {
      // The owner's whole workspace: ann, ben, cai and loner logged time; one more makes five.
      await buildActivityRows(t.core, leader, 1, () => ({ startsAt: at(leader, WEEK, 3), minutes: 30 }));
      const { body } = await api(owner).get(`/team?week=${WEEK}`);
      expect(body.people).toEqual([]);
      expect(body.team.contributors).toBe(5);
      expect(body.team.totalMinutes).toBe(300 + 180 + 240 + 60 + 30);
      expect(body.team.q2Trend.at(-2)).toEqual({ week: PREVIOUS, totalMinutes: null, share: null });
      // Only Ann planned Q2 and had a recurring meeting: those totals would be hers alone.
      expect(body.team.plannedQ2Minutes).toBeNull();
      expect(body.team.recurringQ3Minutes).toBeNull();
    });
  });

  it('keeps privacy settings for the owner, with a floor of five', async () => {
    expect(
      (await api(leader).put('/workspace/team-privacy', { mode: 'aggregate', minGroupSize: 5 })).status,
    ).toBe(403);
    const small = await api(owner).put('/workspace/team-privacy', { mode: 'aggregate', minGroupSize: 3 });
    expect(small.status).toBe(400);
    expect(small.body.error.fields.minGroupSize).toMatch(/at least 5/);
    const mode = await api(owner).put('/workspace/team-privacy', { mode: 'secret', minGroupSize: 5 });
    expect(mode.status).toBe(400);
    expect(mode.body.error.fields.mode).toBeDefined();
    expect((await api(owner).get('/workspace/team-privacy')).body).toEqual({
      mode: 'per-person',
      minGroupSize: 5,
    });
    expect((await api(ann).get('/workspace/team-privacy')).status).toBe(403);
    const audit = (await api(owner).get('/audit')).body;
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('workspace.team_privacy_changed');
  });

  it('drops a deactivated person from the week after, keeping their past', async () => {
    const gone = await buildPerson(t.core, { colleagueOf: owner, name: 'Gus Gone' });
    await updatePerson(t.core.db, owner.actor, gone.me.id, { leaderId: leader.me.id }, null);
    await buildActivityRows(t.core, gone, 2, (i) => ({
      startsAt: at(gone, i ? WEEK : PREVIOUS, 2),
      minutes: 60,
    }));
    // Deactivated on the Thursday of WEEK.
    await t.core.db
      .update(users)
      .set({ deactivatedAt: DateTime.fromISO('2026-11-19T12:00:00Z').toJSDate() })
      .where(eq(users.id, gone.me.id));
    const during = (await api(leader).get(`/team?week=${WEEK}`)).body;
    expect(row(during, gone)).toMatchObject({ deactivated: true, totalMinutes: 60 });
    const after = (await api(leader).get(`/team?week=${NEXT}`)).body;
    expect(row(after, gone)).toBeUndefined();
    expect(after.team.people).toBe(during.team.people - 1);
    // The weeks before stay in the team's trend.
    expect(after.team.q2Trend.find((p: { week: string }) => p.week === WEEK).totalMinutes).toBe(
      during.team.totalMinutes,
    );
  });
});
