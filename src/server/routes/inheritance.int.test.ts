import { describe, expect, it, onTestFinished } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient, buildAccount, buildDecision, buildStakeholder } from '../../../test/factories.ts';

/**
 * A workspace of the test's own: Ann, Ben and a bystander, and an outsider; Ann's account Northwind with two
 * precedents (keep and undo), a one-off decision and a buyer, Tom Becker.
 */
async function acme() {
  const world = await testWorld({ people: { ann: { name: 'Ann' }, ben: { name: 'Ben' }, bystander: {} } });
  onTestFinished(world.close);
  const { core, ann } = world;
  const northwind = await buildAccount(core, { owner: ann, name: 'Northwind', legacyStatement: 'Partners' });
  const precedent = async (title: string) =>
    (await buildDecision(core, { on: northwind, title, precedent: true })).decision.id;
  const keepId = await precedent('Quarterly price review');
  const undoId = await precedent('Free express shipping');
  await buildDecision(core, { on: northwind, title: 'One-off credit note', precedent: false });
  await buildStakeholder(core, { on: northwind, name: 'Tom Becker', title: 'Buyer', influence: 4 });
  return { ...world, accountId: northwind.account.id, keepId, undoId };
}

describe('transfer and inheritance review', () => {
  it('hands the account over in one step; only the owner or a leader may', async () => {
    const { app, ann, ben, bystander, outsider, accountId } = await acme();
    expect(
      (await apiClient(app, bystander.token).post(`/accounts/${accountId}/transfer`, { toUserId: ben.me.id }))
        .status,
    ).toBe(403);
    expect(
      (await apiClient(app, ann.token).post(`/accounts/${accountId}/transfer`, { toUserId: outsider.me.id }))
        .status,
    ).toBe(400);
    expect(
      (await apiClient(app, outsider.token).post(`/accounts/${accountId}/transfer`, { toUserId: ben.me.id }))
        .status,
    ).toBe(404);

    const handed = await apiClient(app, ann.token).post(`/accounts/${accountId}/transfer`, {
      toUserId: ben.me.id,
      note: 'Tom prefers calls on Fridays',
    });
    expect(handed.status).toBe(201);
    expect(handed.body).toMatchObject({ from: 'Ann', to: { name: 'Ben' }, completedAt: null, mine: false });
    expect(handed.body.precedents.map((p: { title: string }) => p.title).sort()).toEqual([
      'Free express shipping',
      'Quarterly price review',
    ]);
    expect(handed.body.introductions).toEqual([
      expect.objectContaining({ name: 'Tom Becker', introducer: 'Ann', done: false }),
    ]);

    const account = (await apiClient(app, ben.token).get(`/accounts/${accountId}`)).body;
    expect(account).toMatchObject({ owner: { name: 'Ben' }, canEdit: true });
    // Ann keeps read access to what she wrote, no longer the right to change the account.
    const annSees = apiClient(app, ann.token);
    expect((await annSees.get(`/accounts/${accountId}/decisions`)).body.items).toHaveLength(3);
    expect((await annSees.get(`/accounts/${accountId}`)).body.canEdit).toBe(false);
    expect((await annSees.patch(`/accounts/${accountId}`, { tier: 'growth' })).status).toBe(403);
  });

  it('is worked through by the successor: each precedent kept, revisited or undone with a reason', async () => {
    const { app, ann, ben, outsider, accountId, keepId, undoId } = await acme();
    const handed = await apiClient(app, ann.token).post(`/accounts/${accountId}/transfer`, {
      toUserId: ben.me.id,
    });
    expect(handed.status).toBe(201);
    const reviewId = handed.body.id;
    const api = apiClient(app, ben.token);
    expect((await api.get(`/accounts/${accountId}/inheritance`)).body.review).toMatchObject({
      id: reviewId,
      mine: true,
    });
    expect(
      (
        await apiClient(app, ann.token).put(`/inheritance/${reviewId}/precedents/${keepId}`, {
          verdict: 'keep',
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const noReason = await api.put(`/inheritance/${reviewId}/precedents/${keepId}`, {
      verdict: 'keep',
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty('reason');
    expect(
      (await api.put(`/inheritance/${reviewId}/precedents/${keepId}`, { verdict: 'ignore', reason: 'x' }))
        .status,
    ).toBe(400);

    await api.put(`/inheritance/${reviewId}/precedents/${keepId}`, {
      verdict: 'keep',
      reason: 'Fair to both sides',
    });
    const undone = await api.put(`/inheritance/${reviewId}/precedents/${undoId}`, {
      verdict: 'undo',
      reason: 'Deliveries are on time again',
    });
    expect(undone.body.completedAt).toBeNull(); // the introduction is still open
    const decision = (await api.get(`/decisions/${undoId}`)).body;
    expect(decision).toMatchObject({ status: 'undone', statusReason: 'Deliveries are on time again' });

    const tom = undone.body.introductions[0].stakeholderId;
    const finished = await api.put(`/inheritance/${reviewId}/introductions/${tom}`, { done: true });
    expect(finished.body.completedAt).toEqual(expect.any(String));
    expect(finished.body.precedents.map((p: { verdict: string }) => p.verdict).sort()).toEqual([
      'keep',
      'undo',
    ]);
    expect((await api.put(`/inheritance/${reviewId}/introductions/nope`, { done: true })).status).toBe(404);
    const theirs = apiClient(app, outsider.token);
    expect((await theirs.get(`/accounts/${accountId}/inheritance`)).status).toBe(404);
    expect(
      (await theirs.put(`/inheritance/${reviewId}/precedents/${keepId}`, { verdict: 'keep', reason: 'x' }))
        .status,
    ).toBe(404);
  });
});
