import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../test/core.ts';
import { buildAccount, buildPerson, type TestUser } from '../../../../test/factories.ts';
import { createAccount, updateAccount } from '../../accounts/service.ts';
import { type ActivityAttendee, activities, rules } from '../../db/schema/index.ts';
import * as service from './service.ts';
import { ensureStarterRules, STARTER_RULES } from './starter.ts';

const DAY = 24 * 60 * 60 * 1000;

const core = await createTestCore();
afterAll(() => core.close());
const { applyRules, createRule, deleteRule, listRules, previewRule, reorderRules, updateRule } = service;

/** Someone, a colleague in their workspace, and Northwind (northwind.com), an account the colleague owns. */
async function acme() {
  const ann = await buildPerson(core);
  const colleague = await buildPerson(core, { colleagueOf: ann });
  const { account } = await buildAccount(core, {
    owner: colleague,
    name: 'Northwind',
    domains: ['northwind.com'],
  });
  return { ann, colleague, northwind: account.id };
}

interface Imported {
  title: string;
  daysAgo?: number;
  attendees?: string[];
  source?: 'calendar' | 'csv' | 'manual';
  classification?: 'manual' | 'rule' | 'unclassified';
  urgent?: boolean;
  important?: boolean;
  accountId?: string | null;
  kind?: 'other' | 'travel' | 'customer_meeting';
  deleted?: boolean;
}

/** An activity as an import (or a person) left it. */
async function imported(user: TestUser, e: Imported): Promise<string> {
  const id = randomUUID();
  const startsAt = new Date(Date.now() - (e.daysAgo ?? 3) * DAY);
  const attendees: ActivityAttendee[] = (e.attendees ?? []).map((email) => ({
    email,
    name: null,
    partstat: null,
  }));
  await core.db.insert(activities).values({
    id,
    workspaceId: user.actor.workspaceId,
    userId: user.actor.userId,
    title: e.title,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 60 * 60 * 1000),
    minutes: 60,
    timeZone: 'Europe/London',
    urgent: e.urgent ?? false,
    important: e.important ?? false,
    accountId: e.accountId ?? null,
    kind: e.kind ?? 'other',
    source: e.source ?? 'calendar',
    sourceId: id,
    classification: e.classification ?? 'unclassified',
    attendees,
    organizer: user.email,
    deletedAt: e.deleted ? new Date() : null,
  });
  return id;
}

async function activity(id: string) {
  const [row] = await core.db.select().from(activities).where(eq(activities.id, id));
  return row!;
}

describe('starter rules', () => {
  it('are created once, also when asked for at the same time, and not again after deleting them all', async () => {
    const user = await buildPerson(core);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => ensureStarterRules(core.db, user.actor)),
    );
    expect(results.map((r) => r.created).sort()).toEqual([0, 0, 0, 0, STARTER_RULES.length]);
    const listed = await listRules(core.db, user.actor);
    expect(listed.map((r) => r.name)).toEqual(STARTER_RULES.map((r) => r.name));
    expect(listed.map((r) => r.position)).toEqual(STARTER_RULES.map((_, i) => i));
    for (const rule of listed) await deleteRule(core.db, user.actor, rule.id);
    expect(await listRules(core.db, user.actor)).toEqual([]);
  });

  it('come before the first rule a person creates', async () => {
    const user = await buildPerson(core);
    await createRule(core.db, user.actor, { name: 'Mine', actions: { kind: 'development' } });
    const listed = await listRules(core.db, user.actor);
    expect(listed).toHaveLength(STARTER_RULES.length + 1);
    expect(listed.at(-1)).toMatchObject({ name: 'Mine', position: STARTER_RULES.length });
  });
});

describe('applying rules', () => {
  it('re-classifies imported activities, never manual, deleted or hand-logged ones', async () => {
    const { ann: user, colleague, northwind } = await acme();
    await listRules(core.db, user.actor); // the starter rules
    const customer = await imported(user, { title: 'QBR', attendees: ['buyer@northwind.com', user.email] });
    const internal = await imported(user, { title: 'Sync', attendees: [user.email, colleague.email] });
    const unknown = await imported(user, { title: 'Lunch', attendees: ['friend@example.org'] });
    const manual = await imported(user, {
      title: 'Escalation',
      classification: 'manual',
      urgent: false,
      important: false,
    });
    const deleted = await imported(user, { title: 'Escalation', deleted: true });
    const logged = await imported(user, { title: 'Escalation', source: 'manual' });
    const csv = await imported(user, {
      title: 'Timesheet',
      source: 'csv',
      accountId: northwind,
      kind: 'travel',
    });

    const { changed } = await applyRules(core.db, user.actor);
    expect(changed).toBe(3);
    expect(await activity(customer)).toMatchObject({
      accountId: northwind,
      urgent: false,
      important: true,
      kind: 'customer_meeting',
      classification: 'rule',
    });
    expect((await activity(customer)).ruleId).not.toBeNull();
    expect(await activity(internal)).toMatchObject({
      urgent: true,
      important: false,
      kind: 'internal_meeting',
    });
    expect(await activity(unknown)).toMatchObject({ classification: 'unclassified', ruleId: null });
    expect(await activity(manual)).toMatchObject({
      urgent: false,
      important: false,
      classification: 'manual',
    });
    expect(await activity(deleted)).toMatchObject({ urgent: false, classification: 'unclassified' });
    expect(await activity(logged)).toMatchObject({ urgent: false, classification: 'unclassified' });
    // The CSV's own account stays; what a rule decides (the kind) is replaced.
    expect(await activity(csv)).toMatchObject({
      accountId: northwind,
      kind: 'admin_reporting',
      urgent: false,
      important: false,
      classification: 'rule',
    });

    expect(await applyRules(core.db, user.actor)).toEqual({ changed: 0 });
    expect(await applyRules(core.db, user.actor, { activityIds: [] })).toEqual({ changed: 0 });
  });

  it('no longer sends meetings to an archived account by its domains', async () => {
    const user = await buildPerson(core);
    const old = await createAccount(core.db, user.actor, {
      name: 'Retired Co',
      domains: ['retired.example'],
    });
    await updateAccount(core.db, user.actor, old.id, { archived: true });
    const meeting = await imported(user, {
      title: 'Catch-up',
      attendees: ['cto@retired.example', user.email],
    });
    await applyRules(core.db, user.actor);
    expect((await activity(meeting)).accountId).toBeNull();
    await updateAccount(core.db, user.actor, old.id, { archived: false });
    await applyRules(core.db, user.actor);
    expect((await activity(meeting)).accountId).toBe(old.id);
  });

  it('runs again when a rule is created, changed, reordered or deleted', async () => {
    const user = await buildPerson(core);
    const lunch = await imported(user, { title: 'Lunch with Bob' });
    const created = await createRule(core.db, user.actor, {
      name: 'Lunch is Q4',
      conditions: { titleWords: ['lunch'] },
      actions: { urgent: false, important: false },
    });
    expect(created.changed).toBe(1);
    expect(await activity(lunch)).toMatchObject({ classification: 'rule', ruleId: created.id });

    const competing = await createRule(core.db, user.actor, {
      name: 'Bob is Q2',
      conditions: { titleWords: ['bob'] },
      actions: { urgent: false, important: true },
    });
    expect(competing.changed).toBe(0); // the lunch rule comes first
    const ids = (await listRules(core.db, user.actor)).map((r) => r.id);
    const reordered = await reorderRules(core.db, user.actor, [
      competing.id,
      ...ids.filter((i) => i !== competing.id),
    ]);
    expect(reordered.changed).toBe(1);
    expect(reordered.items[0]).toMatchObject({ id: competing.id, position: 0 });
    expect(reordered.items.map((r) => r.position)).toEqual(ids.map((_, i) => i));
    expect(await activity(lunch)).toMatchObject({ important: true, ruleId: competing.id });

    const disabled = await updateRule(core.db, user.actor, competing.id, { enabled: false });
    expect(disabled).toMatchObject({ enabled: false, changed: 1 });
    expect(await activity(lunch)).toMatchObject({ important: false, ruleId: created.id });

    await deleteRule(core.db, user.actor, created.id);
    expect(await activity(lunch)).toMatchObject({ classification: 'unclassified', ruleId: null });
    const after = await listRules(core.db, user.actor);
    expect(after.map((r) => r.position)).toEqual(after.map((_, i) => i));
  });
});

describe('previewing a draft rule', () => {
  it('counts matches and changes over the last and next 8 weeks, never changing manual ones', async () => {
    const user = await buildPerson(core);
    await listRules(core.db, user.actor);
    await imported(user, { title: 'Partner QBR', daysAgo: 2 });
    await imported(user, { title: 'Partner kickoff', daysAgo: 20 });
    await imported(user, { title: 'Partner sync', daysAgo: 70 }); // too old
    await imported(user, { title: 'Partner future', daysAgo: -3 }); // upcoming: counts
    await imported(user, { title: 'Partner next quarter', daysAgo: -70 }); // beyond the window
    await imported(user, {
      title: 'Partner dinner',
      classification: 'manual',
      urgent: true,
      important: true,
    });
    await imported(user, { title: 'Team lunch' });
    const draft = {
      conditions: { titleWords: ['partner'] },
      actions: { urgent: false, important: true, kind: 'customer_meeting' as const },
    };
    const preview = await previewRule(core.db, user.actor, draft);
    expect(preview).toMatchObject({ matched: 4, wouldChange: 3 });
    expect(preview.sample.map((s) => [s.title, s.from, s.to])).toEqual([
      ['Partner future', null, 'q2'],
      ['Partner QBR', null, 'q2'],
      ['Partner kickoff', null, 'q2'],
    ]);
    expect(preview.sample[0]!.startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$/);
    // Nothing was written.
    expect(await listRules(core.db, user.actor)).toHaveLength(STARTER_RULES.length);
  });

  it('puts a draft with an id in its rule’s place', async () => {
    const user = await buildPerson(core);
    await imported(user, { title: 'Escalation with partner' });
    const partner = await createRule(core.db, user.actor, {
      name: 'Partner',
      conditions: { titleWords: ['partner'] },
      actions: { urgent: false, important: false },
    });
    // As the last rule, the starter escalation rule (Q1) still decides.
    const inPlace = await previewRule(core.db, user.actor, {
      ...partner,
      id: partner.id,
      actions: { urgent: false, important: true },
    });
    expect(inPlace).toMatchObject({ matched: 1, wouldChange: 0 });
    // As a new rule it would go first.
    const first = await previewRule(core.db, user.actor, {
      actions: { urgent: false, important: true },
      conditions: { titleWords: ['partner'] },
    });
    expect(first).toMatchObject({ matched: 1, wouldChange: 1, sample: [{ from: 'q1', to: 'q2' }] });
  });
});

describe('scoping', () => {
  it("treats another user's or workspace's rule as not found, and refuses their accounts", async () => {
    const { ann, colleague, northwind } = await acme();
    const { account: rival, owner: outsider } = await buildAccount(core, { name: 'Theirs' });
    const [mine] = await listRules(core.db, ann.actor);
    const id = mine!.id;
    for (const other of [colleague, outsider]) {
      await expect(updateRule(core.db, other.actor, id, { name: 'x' })).rejects.toMatchObject({
        status: 404,
      });
      await expect(deleteRule(core.db, other.actor, id)).rejects.toMatchObject({ status: 404 });
      await expect(
        previewRule(core.db, other.actor, { id, actions: { urgent: true } }),
      ).rejects.toMatchObject({
        status: 404,
      });
      const theirs = (await listRules(core.db, other.actor)).map((r) => r.id);
      await expect(reorderRules(core.db, other.actor, [id, ...theirs.slice(1)])).rejects.toMatchObject({
        status: 404,
      });
    }
    await expect(
      createRule(core.db, ann.actor, { name: 'x', actions: { accountId: rival.id } }),
    ).rejects.toMatchObject({ status: 400, fields: { 'actions.accountId': expect.any(String) } });
    const ok = await createRule(core.db, ann.actor, { name: 'Northwind', actions: { accountId: northwind } });
    expect(ok.actions).toEqual({ accountId: northwind });
    expect(await core.db.select().from(rules).where(eq(rules.id, id))).toHaveLength(1);
  });

  it('reorder needs every rule exactly once', async () => {
    const ann = await buildPerson(core);
    const ids = (await listRules(core.db, ann.actor)).map((r) => r.id);
    await expect(reorderRules(core.db, ann.actor, ids.slice(1))).rejects.toMatchObject({
      status: 400,
      fields: { ids: expect.any(String) },
    });
    await expect(reorderRules(core.db, ann.actor, [ids[0]!, ...ids.slice(0, -1)])).rejects.toMatchObject({
      status: 400,
    });
    expect((await reorderRules(core.db, ann.actor, [...ids].reverse())).items.map((r) => r.id)).toEqual(
      [...ids].reverse(),
    );
  });
});
