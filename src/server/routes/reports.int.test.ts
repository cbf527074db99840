import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { apiClient, buildAccount, buildActivity, buildPerson } from '../../../test/factories.ts';

const { core, app, close } = await testApp();
afterAll(close);

describe('week report', () => {
  it('splits the week by quadrant, account and kind, with last week and targets', async () => {
    const user = await buildPerson(core, { timeZone: 'Europe/London' });
    const add = (startsAt: string, minutes: number, urgent: boolean, important: boolean, extra = {}) =>
      buildActivity(core, { by: user, startsAt, minutes, urgent, important, ...extra });
    await buildAccount(core, { owner: user, name: 'Northwind' });
    await buildAccount(core, { owner: user, name: 'Contoso' });
    await add('2026-11-16T09:00', 120, true, true, { account: 'Northwind', kind: 'customer_meeting' });
    await add('2026-11-17T09:00', 60, false, true, { account: 'Northwind', kind: 'customer_meeting' });
    await add('2026-11-18T09:00', 180, true, false, { kind: 'internal_meeting' });
    await add('2026-11-19T09:00', 120, false, false, { kind: 'admin_reporting' });
    await add('2026-11-22T23:30', 30, false, true, { account: 'Contoso', kind: 'planning' }); // Sunday night: still W47
    await add('2026-11-23T00:00', 60, false, true); // Monday 00:00: W48
    await add('2026-11-10T09:00', 60, false, true); // previous week

    const res = await apiClient(app, user.token).get('/reports/week?week=2026-W47');
    expect(res.status).toBe(200);
    const report = res.body;
    expect(report).toMatchObject({
      week: '2026-W47',
      timeZone: 'Europe/London',
      from: '2026-11-16T00:00:00+00:00',
      to: '2026-11-23T00:00:00+00:00',
      totalMinutes: 510,
      quadrants: {
        q1: { minutes: 120, share: 0.2353 },
        q2: { minutes: 90, share: 0.1765 },
        q3: { minutes: 180, share: 0.3529 },
        q4: { minutes: 120, share: 0.2353 },
      },
      previous: { week: '2026-W46', totalMinutes: 60, quadrants: { q2: { minutes: 60, share: 1 } } },
      next: { week: '2026-W48' },
      targets: {
        q2: { min: 0.35, actual: 0.1765, met: false },
        q3: { max: 0.15, actual: 0.3529, met: false },
        q4: { max: 0.05, actual: 0.2353, met: false },
      },
    });
    expect(report.byAccount).toEqual([
      expect.objectContaining({ name: 'Internal', accountId: null, minutes: 300 }),
      expect.objectContaining({ name: 'Northwind', minutes: 180 }),
      expect.objectContaining({ name: 'Contoso', minutes: 30 }),
    ]);
    expect(report.byAccount[1].quadrants.q1.minutes).toBe(120);
    expect(report.byKind).toEqual([
      { kind: 'customer_meeting', minutes: 180 },
      { kind: 'internal_meeting', minutes: 180 },
      { kind: 'admin_reporting', minutes: 120 },
      { kind: 'planning', minutes: 30 },
    ]);
    expect(report.summary).toMatch(/Q3/);
  });

  it('counts a working day as 480 minutes in the DST week, and cuts weeks in the user zone', async () => {
    const user = await buildPerson(core, { timeZone: 'America/New_York' });
    await buildActivity(core, {
      by: user,
      startsAt: '2026-03-08T09:00',
      minutes: undefined,
      endsAt: '2026-03-08T17:00',
    });
    await buildActivity(core, { by: user, startsAt: '2026-03-08T23:30', minutes: 60 }); // Sunday night NY = Monday UTC
    const report = (await apiClient(app, user.token).get('/reports/week?week=2026-W10')).body;
    expect(report.totalMinutes).toBe(540);
    expect(report.from).toBe('2026-03-02T00:00:00-05:00');
    expect(report.to).toBe('2026-03-09T00:00:00-04:00');
  });

  it('says the empty week is empty, with zero shares', async () => {
    const user = await buildPerson(core);
    const report = (await apiClient(app, user.token).get('/reports/week?week=2026-W01')).body;
    expect(report.totalMinutes).toBe(0);
    expect(report.quadrants.q2).toEqual({ minutes: 0, share: 0 });
    expect(report.summary).toMatch(/Nothing logged/);
  });

  it('defaults to the current week and rejects a malformed week', async () => {
    const user = await buildPerson(core);
    const api = apiClient(app, user.token);
    expect((await api.get('/reports/week')).body.week).toMatch(/^\d{4}-W\d{2}$/);
    for (const week of ['2026-47', '2026-W54', '2025-W53', 'soon']) {
      const res = await api.get(`/reports/week?week=${week}`);
      expect(res.status, week).toBe(400);
      expect(res.body.error.fields).toHaveProperty('week');
    }
  });

  it("applies the user's own targets", async () => {
    const user = await buildPerson(core);
    const api = apiClient(app, user.token);
    await buildActivity(core, { by: user, startsAt: '2026-11-17T09:00', urgent: false, important: true });
    const patched = await api.patch('/me', { targets: { q2: { min: 0.5 }, q1: { max: 0.2 } } });
    expect(patched.status).toBe(200);
    const report = (await api.get('/reports/week?week=2026-W47')).body;
    expect(report.targets).toEqual({
      q1: { max: 0.2, actual: 0, met: true, off: 0 },
      q2: { min: 0.5, actual: 1, met: true, off: 0 },
    });
  });
});

describe('trend', () => {
  it('gives each of the last N weeks, oldest first, ending at the chosen week', async () => {
    const user = await buildPerson(core, { timeZone: 'Australia/Sydney' });
    await buildActivity(core, {
      by: user,
      startsAt: '2026-11-16T08:00',
      minutes: 60,
      urgent: true,
      important: true,
    });
    await buildActivity(core, {
      by: user,
      startsAt: '2026-10-05T08:00',
      minutes: 30,
      urgent: false,
      important: true,
    });
    await buildActivity(core, {
      by: user,
      startsAt: '2026-11-23T00:30',
      minutes: 30,
      urgent: false,
      important: true,
    }); // W48
    const res = await apiClient(app, user.token).get('/reports/trend?weeks=12&until=2026-W47');
    expect(res.status).toBe(200);
    expect(res.body.weeks).toHaveLength(12);
    expect(res.body.weeks[0].week).toBe('2026-W36');
    expect(res.body.weeks[11]).toMatchObject({
      week: '2026-W47',
      totalMinutes: 60,
      quadrants: { q1: { minutes: 60, share: 1 } },
    });
    expect(res.body.weeks.find((w: { week: string }) => w.week === '2026-W41').quadrants.q2.minutes).toBe(30);
    expect(res.body.weeks.reduce((s: number, w: { totalMinutes: number }) => s + w.totalMinutes, 0)).toBe(90);
  });

  it('rejects a count outside 1–104', async () => {
    const user = await buildPerson(core);
    for (const weeks of ['0', '105', 'many']) {
      expect((await apiClient(app, user.token).get(`/reports/trend?weeks=${weeks}`)).status).toBe(400);
    }
  });
});

describe('me', () => {
  it('changes the time zone and name, refusing what is not IANA', async () => {
    const user = await buildPerson(core);
    const api = apiClient(app, user.token);
    expect((await api.patch('/me', { timeZone: 'Asia/Tokyo', name: 'Kenji' })).body).toMatchObject({
      timeZone: 'Asia/Tokyo',
      name: 'Kenji',
    });
    const bad = await api.patch('/me', { timeZone: 'Tokyo' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('timeZone');
  });

  it('refuses targets that are not shares, or whose min exceeds max', async () => {
    const user = await buildPerson(core);
    const api = apiClient(app, user.token);
    for (const targets of [
      { q2: { min: 35 } },
      { q2: { min: 0.6, max: 0.4 } },
      { q5: { min: 0.1 } },
      { q2: { least: 0.1 } },
    ]) {
      const res = await api.patch('/me', { targets });
      expect(res.status, JSON.stringify(targets)).toBe(400);
    }
  });
});
