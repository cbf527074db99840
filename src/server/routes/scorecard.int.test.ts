import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient, buildAccount, buildRound } from '../../../test/factories.ts';
import { scorecardInvitations, scorecardRounds } from '../../core/db/schema/index.ts';
import { fixedClock, now, setClock } from '../../core/time/clock.ts';
import type { App } from '../app.ts';

afterEach(() => {
  setClock(null);
});

const answers = (target: 'us' | 'them', scores: Record<string, number>) =>
  Object.entries(scores).map(([subject, score]) => ({ target, subject, score }));

/** How Ann rates a round: us and them, with evidence for our investment. */
const annScores = [
  ...answers('us', { trading: 4, credibility: 4, connectivity: 5, collaboration: 4 }),
  ...answers('them', { trading: 3, opportunity: 4 }),
  { target: 'us', subject: 'investment', score: 5, evidence: 'We funded their safety training' },
];

/**
 * A workspace (Acme) of the test's own: Ann and Colin, Ann's accounts Northwind and Secret Prospect, a round
 * on Northwind (Q4 2026), and an outsider.
 */
async function acme() {
  const world = await testWorld({ people: { ann: { name: 'Ann' }, colleague: { name: 'Colin' } } });
  onTestFinished(world.close);
  const northwind = await buildAccount(world.core, { owner: world.ann, name: 'Northwind' });
  await buildAccount(world.core, { owner: world.ann, name: 'Secret Prospect' });
  const { round } = await buildRound(world.core, { on: northwind, name: 'Q4 2026' });
  const publicApi = () => apiClient(world.app);
  return { ...world, northwind, accountId: northwind.account.id, roundId: round.id, publicApi };
}

/** A customer's rating through a one-time link labelled `label`; the link comes back. */
async function customerRates(app: App, token: string, roundId: string, label: string, rating: object) {
  const link = await apiClient(app, token).post(`/scorecard/rounds/${roundId}/invitations`, { label });
  expect(link.status).toBe(201);
  expect((await apiClient(app).post(`/public/scorecard/${link.body.token}`, rating)).status).toBe(204);
  return link.body;
}

describe('scorecard rounds', () => {
  it('are opened by the account team, rated by any colleague, and hidden from other workspaces', async () => {
    const { app, ann, colleague, outsider, accountId } = await acme();
    const api = apiClient(app, ann.token);
    const opened = await api.post(`/accounts/${accountId}/scorecard`, {
      name: 'Q4 2026',
      invitedUserIds: [colleague.me.id],
    });
    expect(opened.status).toBe(201);
    const roundId = opened.body.id;
    expect(opened.body).toMatchObject({
      name: 'Q4 2026',
      stale: false,
      invited: [{ name: 'Colin', rated: false }],
    });
    // Nobody has rated: every view says so instead of showing zero.
    expect(opened.body.views.themOnUs).toMatchObject({ raters: 0, average: null });
    expect(opened.body.views.themOnUs.subjects[0]).toEqual({ subject: 'trading', average: null, raters: 0 });

    expect(
      (await apiClient(app, colleague.token).post(`/accounts/${accountId}/scorecard`, { name: 'x' })).status,
    ).toBe(403);
    expect((await apiClient(app, outsider.token).get(`/scorecard/rounds/${roundId}`)).status).toBe(404);
    expect((await apiClient(app, outsider.token).get(`/accounts/${accountId}/scorecard`)).status).toBe(404);

    const mine = await api.put(`/scorecard/rounds/${roundId}/my-rating`, { scores: annScores });
    expect(mine.status).toBe(200);
    const theirs = await apiClient(app, colleague.token).put(`/scorecard/rounds/${roundId}/my-rating`, {
      scores: answers('us', { trading: 2 }),
    });
    expect(theirs.body.views.usOnUs.subjects[0]).toEqual({ subject: 'trading', average: 3, raters: 2 });
    expect(theirs.body.invited).toEqual([{ id: colleague.me.id, name: 'Colin', rated: true }]);
    expect(theirs.body.myScores).toEqual([{ target: 'us', subject: 'trading', score: 2, evidence: null }]);
    // Rating again replaces the earlier answers.
    const again = await apiClient(app, colleague.token).put(`/scorecard/rounds/${roundId}/my-rating`, {
      scores: answers('us', { trading: 4 }),
    });
    expect(again.body.views.usOnUs.subjects[0]).toEqual({ subject: 'trading', average: 4, raters: 2 });
    expect(again.body.evidence).toEqual([
      expect.objectContaining({
        subject: 'investment',
        evidence: 'We funded their safety training',
        rater: 'Ann',
      }),
    ]);
  });

  it('refuse scores outside 1–5, unknown subjects and repeated answers, naming the field', async () => {
    const { app, ann, roundId } = await acme();
    const api = apiClient(app, ann.token);
    const cases: [unknown, string][] = [
      [[{ target: 'us', subject: 'trading', score: 0 }], 'scores.0.score'],
      [[{ target: 'us', subject: 'trading', score: 6 }], 'scores.0.score'],
      [[{ target: 'us', subject: 'trading', score: 3.5 }], 'scores.0.score'],
      [[{ target: 'us', subject: 'vibes', score: 3 }], 'scores.0.subject'],
      [[{ target: 'both', subject: 'trading', score: 3 }], 'scores.0.target'],
      [answers('us', { trading: 3 }).concat(answers('us', { trading: 4 })), 'scores'],
    ];
    for (const [scores, field] of cases) {
      const res = await api.put(`/scorecard/rounds/${roundId}/my-rating`, { scores });
      expect(res.status, JSON.stringify(scores)).toBe(400);
      expect(Object.keys(res.body.error.fields), JSON.stringify(scores)).toContain(field);
    }
  });

  it('take customer ratings through a one-time link that shows nothing but the form', async () => {
    const { core, app, ann, roundId, publicApi } = await acme();
    const api = apiClient(app, ann.token);
    expect((await api.put(`/scorecard/rounds/${roundId}/my-rating`, { scores: annScores })).status).toBe(200);
    const link = await api.post(`/scorecard/rounds/${roundId}/invitations`, { label: 'Tom at Northwind' });
    expect(link.status).toBe(201);
    expect(link.body.token.length).toBeGreaterThanOrEqual(43); // 256 random bits, base64url
    expect(link.body.path).toBe(`/#/rate/${link.body.token}`);
    const [stored] = await core.db
      .select()
      .from(scorecardInvitations)
      .where(eq(scorecardInvitations.id, link.body.id));
    expect(JSON.stringify(stored)).not.toContain(link.body.token);

    const form = await publicApi().get(`/public/scorecard/${link.body.token}`);
    expect(form.status).toBe(200);
    expect(form.body).toEqual({
      supplier: 'Acme',
      customer: 'Northwind',
      round: 'Q4 2026',
      anonymous: false,
      subjects: ['trading', 'credibility', 'connectivity', 'collaboration', 'opportunity', 'investment'],
      expiresAt: link.body.expiresAt,
    });
    expect(JSON.stringify(form.body)).not.toMatch(/Secret Prospect|Tom at Northwind|Ann/);
    // The link does not open the rest of the API.
    expect((await publicApi().get('/accounts')).status).toBe(401);

    const sent = await publicApi().post(`/public/scorecard/${link.body.token}`, {
      raterName: 'Tom Becker',
      scores: [
        ...answers('us', { trading: 2, credibility: 3, connectivity: 2 }),
        ...answers('them', { trading: 4, opportunity: 2 }),
      ],
    });
    expect(sent.status).toBe(204);
    const reused = await publicApi().post(`/public/scorecard/${link.body.token}`, {
      scores: answers('us', { trading: 5 }),
    });
    expect(reused.status).toBe(409);
    expect(reused.body.error.message).toMatch(/already been used/);
    expect((await publicApi().get(`/public/scorecard/${link.body.token}`)).status).toBe(409);

    const round = (await api.get(`/scorecard/rounds/${roundId}`)).body;
    expect(round.views.themOnUs).toMatchObject({ raters: 1 });
    expect(round.raters).toContainEqual(expect.objectContaining({ side: 'them', name: 'Tom Becker' }));
    expect(round.invitations).toEqual([
      expect.objectContaining({ label: 'Tom at Northwind', status: 'used' }),
    ]);
    // We think better of our connectivity (5) than they do (2): the top of the agenda.
    expect(round.gaps[0]).toMatchObject({ subject: 'connectivity', aboutUs: 3, largest: 3 });
    expect(round.gaps.find((g: { subject: string }) => g.subject === 'opportunity')).toMatchObject({
      aboutThem: 2,
    });
  });

  it('refuse withdrawn, expired and made-up links with a clear reason', async () => {
    const { core, app, ann, colleague, outsider, roundId, publicApi } = await acme();
    const api = apiClient(app, ann.token);
    await customerRates(app, ann.token, roundId, 'Tom at Northwind', {
      raterName: 'Tom Becker',
      scores: answers('us', { trading: 2 }),
    });
    const revoked = (await api.post(`/scorecard/rounds/${roundId}/invitations`, { anonymous: true })).body;
    expect(
      (await apiClient(app, colleague.token).delete(`/scorecard/invitations/${revoked.id}`)).status,
    ).toBe(403);
    expect((await apiClient(app, outsider.token).delete(`/scorecard/invitations/${revoked.id}`)).status).toBe(
      404,
    );
    expect((await api.delete(`/scorecard/invitations/${revoked.id}`)).status).toBe(204);
    const gone = await publicApi().post(`/public/scorecard/${revoked.token}`, {
      scores: answers('us', { trading: 3 }),
    });
    expect(gone.status).toBe(410);
    expect(gone.body.error.message).toMatch(/withdrawn/);

    const expired = (await api.post(`/scorecard/rounds/${roundId}/invitations`, { expiresInDays: 1 })).body;
    await core.db
      .update(scorecardInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(scorecardInvitations.id, expired.id));
    const late = await publicApi().get(`/public/scorecard/${expired.token}`);
    expect(late.status).toBe(410);
    expect(late.body.error.message).toMatch(/expired on \d{4}-\d{2}-\d{2}/);

    expect((await publicApi().get(`/public/scorecard/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await api.post(`/scorecard/rounds/${roundId}/invitations`, { expiresInDays: 365 })).status).toBe(
      400,
    );

    // An anonymous link keeps no name even when one is typed.
    const anon = (await api.post(`/scorecard/rounds/${roundId}/invitations`, { anonymous: true })).body;
    expect((await publicApi().get(`/public/scorecard/${anon.token}`)).body.anonymous).toBe(true);
    await publicApi().post(`/public/scorecard/${anon.token}`, {
      raterName: 'Someone',
      scores: answers('them', { trading: 5 }),
    });
    const round = (await api.get(`/scorecard/rounds/${roundId}`)).body;
    expect(
      round.raters.filter((r: { side: string }) => r.side === 'them').map((r: { name: string }) => r.name),
    ).toEqual(['Tom Becker', null]);
  });

  it('turn agreed actions into planned Q2 activities, keep notes, and flag rounds older than 90 days', async () => {
    const { core, app, ann, northwind, accountId, roundId } = await acme();
    const api = apiClient(app, ann.token);
    const withAction = await api.post(`/scorecard/rounds/${roundId}/actions`, {
      title: 'Introduce our COO to their supply-chain director',
    });
    expect(withAction.status).toBe(201);
    const action = withAction.body.actions[0];
    const activity = (await api.get(`/activities/${action.activityId}`)).body;
    expect(activity).toMatchObject({
      title: 'Introduce our COO to their supply-chain director',
      quadrant: 'q2',
      status: 'planned',
      accountId,
      minutes: 60,
    });
    expect(Date.parse(activity.startsAt)).toBeGreaterThan(Date.now());
    const noted = await api.patch(`/scorecard/rounds/${roundId}`, {
      conversationNotes: 'They want fewer surprises.',
    });
    expect(noted.body.conversationNotes).toBe('They want fewer surprises.');

    await core.db
      .update(scorecardRounds)
      // 91 calendar days ago where Ann lives (91 × 24 h can be 90 days across the DST change).
      .set({
        createdAt: DateTime.fromJSDate(now(), { zone: ann.me.timeZone }).minus({ days: 91 }).toJSDate(),
      })
      .where(eq(scorecardRounds.id, roundId));
    await buildRound(core, { on: northwind, name: 'Q1 2027' });
    const rounds = (await api.get(`/accounts/${accountId}/scorecard`)).body.items;
    expect(rounds.map((r: { name: string; stale: boolean }) => [r.name, r.stale])).toEqual([
      ['Q1 2027', false],
      ['Q4 2026', true],
    ]);
  });

  it('call a round stale from the 91st calendar day after it was opened, at any hour', async () => {
    const { core, app, ann } = await acme();
    // Opened at 23:30 on 1 September in London; stale all day on 1 December, not a minute before.
    setClock(fixedClock('2026-09-01T22:30:00Z'));
    const api = apiClient(app, ann.token);
    const { account } = await buildRound(core, {
      on: await buildAccount(core, { owner: ann, name: 'Stale Ltd' }),
      name: 'Q3 2026',
    });
    const staleAt = async (at: string) => {
      setClock(fixedClock(at));
      return (await api.get(`/accounts/${account.id}/scorecard`)).body.items[0].stale;
    };
    expect(await staleAt('2026-11-30T23:59:00Z')).toBe(false); // 23:59 on 30 November, day 90
    expect(await staleAt('2026-12-01T00:01:00Z')).toBe(true); // 00:01 on 1 December, day 91
    expect(await staleAt('2026-12-01T23:30:00Z')).toBe(true);
  });

  it('rate-limit the public form per address', async () => {
    const { publicApi } = await acme();
    let status = 0;
    for (let i = 0; i < 35 && status !== 429; i++) {
      status = (await publicApi().get(`/public/scorecard/${'y'.repeat(43)}`)).status;
    }
    expect(status).toBe(429);
  });
});
