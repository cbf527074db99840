import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import {
  apiClient,
  buildAccount,
  buildActivity,
  buildGoal,
  buildPerson,
  buildPlanItem,
  buildRock,
  buildRound,
  type TestUser,
} from '../../../test/factories.ts';
import { planItems, users } from '../../core/db/schema/index.ts';
import type { Core } from '../../core/index.ts';
import { rollOverPlanItems } from '../../core/plan/service.ts';

const now = DateTime.now().setZone('Europe/London');
const today = now.toISODate() ?? '';
const week = `${now.weekYear}-W${String(now.weekNumber).padStart(2, '0')}`;

/** A workspace of the test's own: Ann and a leader, and an outsider. */
async function acme() {
  const world = await testWorld({ people: { ann: { name: 'Ann' }, leader: { role: 'leader' } } });
  onTestFinished(world.close);
  return world;
}

/** The week Ann planned: Meet the COO (2 h, done today for an hour) and Draft the joint plan (1.5 h), and a call. */
async function plannedWeek(core: Core, ann: TestUser) {
  const { rock } = await buildRock(core, { by: ann, week, title: 'Meet the COO', budgetMinutes: 120 });
  await buildRock(core, { by: ann, week, title: 'Draft the joint plan', budgetMinutes: 90 });
  await buildPlanItem(core, { by: ann, rockId: rock.id, title: 'Meet the COO', day: today, minutes: 60 });
  await buildPlanItem(core, { by: ann, title: 'Call the buyer', day: today });
  return rock;
}
describe('weekly plan', () => {
  it('suggests neglected goals, takes big rocks with budgets, schedules, and shows planned vs actual', async () => {
    const { core, app, ann } = await acme();
    const northwind = await buildAccount(core, { owner: ann, name: 'Northwind' });
    const accountId = northwind.account.id;
    const { goal } = await buildGoal(core, { on: northwind, dimension: 'relationships', title: 'A sponsor' });
    const goalId = goal.id;
    const api = apiClient(app, ann.token);
    const { round } = await buildRound(core, { on: northwind, name: 'Q4' });
    await api.post(`/scorecard/rounds/${round.id}/actions`, {
      title: 'Send the supply-chain study',
      startsAt: now.minus({ days: 8 }).toISO({ includeOffset: true }), // before this week, whatever today is
    });
    const empty = (await api.get(`/plans/${week}`)).body;
    expect(empty.suggestions).toContainEqual(expect.objectContaining({ kind: 'goal', goalId, accountId }));
    expect(empty.suggestions).toContainEqual(
      expect.objectContaining({
        kind: 'scorecard',
        title: 'Agreed action: Send the supply-chain study (Northwind)',
      }),
    );

    const goalSuggestion = empty.suggestions.find((x: { kind: string }) => x.kind === 'goal');
    await api.post(`/plans/${week}/rocks`, { title: goalSuggestion.title, goalId, budgetMinutes: 0 });
    expect((await api.get(`/plans/${week}`)).body.suggestions).not.toContainEqual(
      expect.objectContaining({ kind: 'goal' }),
    );
    await api.delete(`/rocks/${(await api.get(`/plans/${week}`)).body.rocks[0].id}`);
    await api.post(`/plans/${week}/rocks`, { title: 'Meet the COO', goalId, budgetMinutes: 120 });
    const plan = (
      await api.post(`/plans/${week}/rocks`, { title: 'Draft the joint plan', budgetMinutes: 90 })
    ).body;
    expect(
      plan.rocks.map((r: { title: string; accountName: string | null }) => [r.title, r.accountName]),
    ).toEqual([
      ['Meet the COO', 'Northwind'],
      ['Draft the joint plan', null],
    ]);
    const rock = plan.rocks[0];
    const scheduled = await api.post('/plan-items', {
      rockId: rock.id,
      day: today,
      startTime: '00:00',
      minutes: 60,
    });
    expect(scheduled.status).toBe(201);
    expect(scheduled.body).toMatchObject({ title: 'Meet the COO', slipped: 0, done: false });

    const done = (await api.put(`/plan-items/${scheduled.body.id}/done`, { done: true })).body;
    const activity = (await api.get(`/activities/${done.activityId}`)).body;
    expect(activity).toMatchObject({ quadrant: 'q2', accountId, goalId, minutes: 60, status: 'done' });

    const after = (await api.get(`/plans/${week}`)).body;
    expect(after.rocks[0]).toMatchObject({ scheduledMinutes: 60, doneMinutes: 60 });
    expect(after.plannedVsActual.quadrants.q2).toEqual({ planned: 210, actual: 60 });
    expect(after.plannedVsActual.quadrants.q3).toEqual({ planned: null, actual: 0 });
    const figures = (await api.get(`/plans/${week}?suggestions=false`)).body;
    expect(figures).toMatchObject({ suggestions: [], plannedVsActual: after.plannedVsActual });
    expect((await api.get(`/plans/${week}?suggestions=no`)).status).toBe(400);

    const undone = (await api.put(`/plan-items/${scheduled.body.id}/done`, { done: false })).body;
    expect(undone).toMatchObject({ done: false, activityId: null });
    expect((await api.get(`/activities/${done.activityId}`)).status).toBe(404);
  });

  it('rolls unfinished actions over to today and keeps how often they slipped', async () => {
    const { core, app, ann } = await acme();
    const api = apiClient(app, ann.token);
    const { item: late } = await buildPlanItem(core, { by: ann, title: 'Call the buyer', day: today });
    const twoDaysAgo = now.minus({ days: 2 }).toISODate() ?? '';
    await core.db
      .update(planItems)
      .set({ day: twoDaysAgo, plannedFor: twoDaysAgo })
      .where(eq(planItems.id, late.id));
    const first = (await api.get('/today')).body;
    expect(first.day).toBe(today);
    const rolled = first.items.find((i: { id: string }) => i.id === late.id);
    expect(rolled).toMatchObject({
      day: today,
      plannedFor: twoDaysAgo,
      slipped: 1,
      moves: [{ from: twoDaysAgo, to: today }],
    });
    // Reading again does not count another slip.
    expect((await api.get('/today')).body.items.find((i: { id: string }) => i.id === late.id).slipped).toBe(
      1,
    );
    // Reading writes nothing; the scheduled rollover writes the same move, once however often it runs.
    const [stored] = await core.db.select().from(planItems).where(eq(planItems.id, late.id));
    expect(stored).toMatchObject({ day: twoDaysAgo, moves: [] });
    expect(await rollOverPlanItems(core.db)).toBeGreaterThanOrEqual(1);
    expect(await rollOverPlanItems(core.db)).toBe(0);
    const [moved] = await core.db.select().from(planItems).where(eq(planItems.id, late.id));
    expect(moved).toMatchObject({ day: today, moves: [{ from: twoDaysAgo, to: today }] });
    expect((await api.get('/today')).body.items.find((i: { id: string }) => i.id === late.id)).toMatchObject({
      slipped: 1,
      moves: [{ from: twoDaysAgo, to: today }],
    });
  });

  it('is private to its author, exports as .ics and refuses bad input', async () => {
    const { core, app, ann, leader, outsider } = await acme();
    await plannedWeek(core, ann);
    expect((await apiClient(app, leader.token).get(`/plans/${week}`)).body.rocks).toEqual([]);
    expect((await apiClient(app, leader.token).get('/today')).body.items).toEqual([]);
    const rock = (await apiClient(app, ann.token).get(`/plans/${week}`)).body.rocks[0];
    expect((await apiClient(app, leader.token).patch(`/rocks/${rock.id}`, { budgetMinutes: 1 })).status).toBe(
      404,
    );
    expect(
      (await apiClient(app, outsider.token).post('/plan-items', { rockId: rock.id, day: today, minutes: 30 }))
        .status,
    ).toBe(404);

    const response = await app.request(`/api/plans/${week}/ics`, {
      headers: { authorization: `Bearer ${ann.token}` },
    });
    const ics = await response.text();
    expect(response.headers.get('content-type')).toMatch(/text\/calendar/);
    expect(ics).toMatch(/BEGIN:VCALENDAR[\s\S]*SUMMARY:Meet the COO[\s\S]*END:VCALENDAR/);
    expect(ics).toContain('SUMMARY:Call the buyer');

    const api = apiClient(app, ann.token);
    const cases: [string, Record<string, unknown>, string][] = [
      [`/plans/${week}/rocks`, { title: '', budgetMinutes: 60 }, 'title'],
      [`/plans/${week}/rocks`, { title: 'x', budgetMinutes: -5 }, 'budgetMinutes'],
      ['/plan-items', { title: 'x', day: '24/11/2026', minutes: 30 }, 'day'],
      ['/plan-items', { title: 'x', day: today, minutes: 30, startTime: '25:00' }, 'startTime'],
      ['/plan-items', { day: today, minutes: 30 }, 'title'],
    ];
    for (const [path, body, field] of cases) {
      const res = await api.post(path, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    expect((await api.get('/plans/2026-W60')).status).toBe(400);
  });
});

describe('say no and delegate', () => {
  it('ranks recurring Q3 meetings and Q4 work by hours over 8 weeks, and keeps a decision with a follow-up', async () => {
    const { core, app, ann, leader } = await acme();
    const api = apiClient(app, ann.token);
    const log = (title: string, daysAgo: number, minutes: number, urgent: boolean) => {
      const startsAt = now
        .minus({ days: daysAgo })
        .set({ hour: 9, minute: 0 })
        .toISO({ includeOffset: true });
      return buildActivity(core, {
        by: ann,
        title,
        startsAt: startsAt ?? '',
        minutes,
        urgent,
        important: false,
      });
    };
    for (const daysAgo of [7, 14, 21, 28]) await log('Weekly pipeline review', daysAgo, 60, true);
    await log('Ad-hoc pricing committee', 10, 45, true); // once: not a recurring meeting
    for (const daysAgo of [3, 10]) await log('Weekly pipeline review', daysAgo + 70, 60, true); // before the 8 weeks
    await log('Expense reports', 5, 45, false);
    await log('Expense reports', 12, 45, false);
    await log('Inbox triage', 6, 30, false);

    const q3 = (await api.get('/time-drains/q3')).body.items;
    expect(q3).toEqual([
      expect.objectContaining({
        title: 'Weekly pipeline review',
        occurrences: 4,
        minutes: 240,
        decision: null,
      }),
    ]);
    const decided = await api.put('/time-drains/q3', {
      title: 'Weekly pipeline review',
      decision: 'delegate',
      delegateTo: 'Colin',
      followUp: '2026-12-07',
    });
    expect(decided.body.items[0].decision).toEqual({
      decision: 'delegate',
      delegateTo: 'Colin',
      followUp: '2026-12-07',
      note: null,
    });
    const q4 = (await api.get('/time-drains/q4')).body.items;
    expect(q4.map((d: { title: string; minutes: number }) => [d.title, d.minutes])).toEqual([
      ['Expense reports', 90],
      ['Inbox triage', 30],
    ]);
    expect((await api.put('/time-drains/q4', { title: 'x', decision: 'ignore' })).status).toBe(400);
    expect((await api.get('/time-drains/q2')).status).toBe(400);
    // Someone else's view of the same endpoint is their own.
    expect((await apiClient(app, leader.token).get('/time-drains/q3')).body.items).toEqual([]);
  });

  it('gives leaders per-person aggregates, never titles, and members nothing', async () => {
    const { core, app, ann, leader } = await acme();
    const outside = await buildPerson(core, { role: 'leader', colleagueOf: ann });
    // Only a leader Ann reports to sees her figures.
    expect((await apiClient(app, leader.token).get(`/team/plans/${week}`)).body.items).toEqual([]);
    await core.db.update(users).set({ leaderId: leader.me.id }).where(eq(users.id, ann.me.id));
    await plannedWeek(core, ann);
    await buildActivity(core, { by: ann, title: 'Weekly pipeline review', urgent: true, important: false });
    const team = await apiClient(app, leader.token).get(`/team/plans/${week}`);
    expect(team.status).toBe(200);
    const annRow = team.body.items.find((r: { name: string }) => r.name === 'Ann');
    expect(annRow).toMatchObject({ bigRocks: 2, plannedQ2Minutes: 210 });
    expect(JSON.stringify(team.body)).not.toMatch(/Meet the COO|Call the buyer|pipeline/);
    expect((await apiClient(app, ann.token).get(`/team/plans/${week}`)).status).toBe(403);
    expect((await apiClient(app, outside.token).get(`/team/plans/${week}`)).body.items).toEqual([]);
  });
});
