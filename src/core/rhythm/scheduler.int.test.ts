import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestCores } from '../../../test/core.ts';
import { buildDecision, buildPerson, type TestUser } from '../../../test/factories.ts';
import { type MailServer, startMailServer } from '../../../test/mail-server.ts';
import { createApp } from '../../server/app.ts';
import { mailOutbox } from '../db/schema/index.ts';
import { updateDecision } from '../decisions/service.ts';
import { digestKey } from '../digest/service.ts';
import type { Core } from '../index.ts';
import { rememberOrigin } from '../mail/link-origin.ts';
import { RETRY_MINUTES } from '../mail/outbox.ts';
import { listNotifications, updateNotificationSettings } from '../notifications/service.ts';
import { fixedClock, setClock } from '../time/clock.ts';
import { runRhythm } from './scheduler.ts';

// Two cores on one PostgreSQL database are two server processes; on PGlite there is one.
let mail: MailServer;
let refusing: string | null = null;
let cores: Core[];
let core: Core;
let berlin: TestUser;
let newYork: TestUser;
let owner: TestUser;
const at = (iso: string) => setClock(fixedClock(iso));

beforeAll(async () => {
  mail = await startMailServer({ refuse: () => refusing });
  cores = await createTestCores(2, { smtpUrl: mail.url });
  core = cores[0] as Core;
  await rememberOrigin(core.db, 'https://linchpin.example');
  at('2026-11-25T10:00:00Z');
  owner = await buildPerson(core, { role: 'owner', workspace: 'Rhythm', timeZone: 'Europe/Berlin' });
  berlin = await buildPerson(core, { workspace: 'Rhythm', timeZone: 'Europe/Berlin', name: 'Bea Berlin' });
  newYork = await buildPerson(core, { workspace: 'Rhythm', timeZone: 'America/New_York', name: 'Ned York' });
  // Only the Monday mail in this file, unless a test turns on another.
  for (const p of [owner, berlin, newYork])
    await updateNotificationSettings(core.db, p.me.id, { fridayReflection: false });
});
afterEach(() => setClock(null));
afterAll(async () => {
  await core?.close();
  await mail?.close();
});

/** Every process runs its step at the same moment, as their timers would. */
// Each works out what is due every time (the lease that spreads this over processes is tested below).
const everyProcess = () => Promise.all(cores.map((c) => runRhythm(c, { notices: 'always' })));
/** A Monday digest's outbox row for `p`'s slot, as the rhythm enqueues it (pending, due then). */
const mondayMailOf = (p: TestUser, id: string, slot: string) => ({
  id,
  workspaceId: p.me.workspace.id,
  userId: p.me.id,
  kind: 'weekly_plan' as const,
  key: digestKey('weekly_plan', p.me.id, new Date(slot)),
  subject: { slot },
  nextAttemptAt: new Date(slot),
});
const digestsTo = (p: TestUser, subject: string) =>
  mail.messages.filter((m) => m.to.includes(p.email) && m.subject.startsWith(subject));

describe('Monday 08:00 digests, in each person’s zone', () => {
  it('each person gets exactly one “plan your week”, at 08:00 where they are, however many processes run', async () => {
    at('2026-12-07T06:59:00Z'); // 07:59 in Berlin
    await everyProcess();
    expect(digestsTo(berlin, 'Plan your week')).toHaveLength(0);

    at('2026-12-07T07:00:30Z'); // 08:00 in Berlin, 02:00 in New York
    await everyProcess();
    await everyProcess();
    expect(digestsTo(berlin, 'Plan your week')).toHaveLength(1);
    expect(digestsTo(newYork, 'Plan your week')).toHaveLength(0);

    at('2026-12-07T13:00:30Z'); // 08:00 in New York
    await Promise.all([everyProcess(), everyProcess()]);
    at('2026-12-07T15:00:00Z');
    await everyProcess();
    expect(digestsTo(berlin, 'Plan your week')).toHaveLength(1);
    expect(digestsTo(newYork, 'Plan your week')).toHaveLength(1);
    expect(digestsTo(owner, 'Plan your week')).toHaveLength(1);
  });

  it('is a product’s mail: last week against targets, what is due, plain text and HTML, one-click unsubscribe', async () => {
    const [digest] = digestsTo(berlin, 'Plan your week');
    expect(digest?.subject).toBe('Plan your week 2026-W50');
    expect(digest?.text).toContain('LAST WEEK');
    expect(digest?.text).toContain('https://linchpin.example/#/plan/2026-W50');
    expect(digest?.html).toContain('max-width: 560px');
    expect(digest?.html).not.toMatch(/<img|src="http/);
    expect(digest?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const link = digest?.headers['list-unsubscribe']?.match(/<(.+)>/)?.[1] ?? '';
    expect(link).toMatch(/^https:\/\/linchpin\.example\/api\/public\/unsubscribe\//);

    // The mail client's one-click POST turns the Monday mail off, without a session.
    const app = createApp(core);
    const path = new URL(link).pathname;
    expect((await app.request(path)).status).toBe(200);
    const post = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('will no longer get the Monday');
    const tampered = path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await app.request(tampered, { method: 'POST' })).status).toBe(404);

    at('2026-12-14T07:00:30Z');
    await everyProcess();
    expect(digestsTo(berlin, 'Plan your week')).toHaveLength(1);
    expect(digestsTo(newYork, 'Plan your week 2026-W51')).toHaveLength(0); // 02:00 there
  });

  it('after downtime sends one digest, the latest, not every one missed; none once it is stale', async () => {
    await updateNotificationSettings(core.db, newYork.me.id, { daily: true });
    at('2026-12-18T14:00:00Z'); // Friday 09:00 in New York; the server was down since Monday
    await everyProcess();
    const dailies = digestsTo(newYork, 'Due today');
    expect(dailies.map((m) => m.subject)).toEqual(['Due today, Fri 18 Dec']);
    expect(digestsTo(newYork, 'Plan your week 2026-W51')).toHaveLength(0); // Monday's is too old now
  });
});

describe('the outbox', () => {
  it('a mail claimed by a process that died is sent once by another after the lease, never twice', async () => {
    await updateNotificationSettings(core.db, berlin.me.id, { weeklyPlan: true });
    at('2026-12-21T07:00:30Z');
    // A process claimed Bea's Monday mail and died before sending it.
    await core.db.insert(mailOutbox).values({
      ...mondayMailOf(berlin, 'dead-claim', '2026-12-21T07:00:00.000Z'),
      status: 'sending',
      attempts: 1,
      claimedAt: new Date('2026-12-21T07:00:10Z'),
    });
    await everyProcess();
    expect(digestsTo(berlin, 'Plan your week 2026-W52')).toHaveLength(0);
    at('2026-12-21T07:06:00Z'); // the five-minute lease is over
    await everyProcess();
    await everyProcess();
    expect(digestsTo(berlin, 'Plan your week 2026-W52')).toHaveLength(1);
  });

  it('a refusing mail server: retried with growing waits, then given up and the owner told', async () => {
    refusing = '452 mailbox full';
    at('2026-12-28T07:00:30Z');
    const before = mail.messages.length;
    await everyProcess();
    const [row] = await core.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.key, digestKey('weekly_plan', berlin.me.id, new Date('2026-12-28T07:00:00Z'))));
    expect(row?.status).toBe('pending');
    expect(row?.lastError).toContain('mailbox full');
    let clock = new Date('2026-12-28T07:00:30Z').getTime();
    for (const wait of RETRY_MINUTES) {
      clock += wait * 60_000 + 1000;
      at(new Date(clock).toISOString());
      await everyProcess();
    }
    const [given] = await core.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.id, row?.id ?? ''));
    expect(given?.status).toBe('failed');
    expect(given?.attempts).toBe(RETRY_MINUTES.length + 1);
    expect(mail.messages.length).toBe(before);
    const told = await listNotifications(core.db, owner.actor, { unread: true });
    expect(told.items.filter((n) => n.kind === 'mail_failed').length).toBeGreaterThanOrEqual(1);
    expect(told.items.find((n) => n.kind === 'mail_failed')?.title).toContain('mailbox full');
    refusing = null;
  });
});

describe('a digest left in the outbox', () => {
  it('from before downtime is dropped: the person gets today’s once, not two', async () => {
    at('2027-01-11T07:00:30Z'); // Monday 08:00 in Berlin
    await core.db.insert(mailOutbox).values(mondayMailOf(berlin, 'left-over', '2027-01-04T07:00:00.000Z'));
    await everyProcess();
    expect(digestsTo(berlin, 'Plan your week 2027-W02')).toHaveLength(1);
    const [left] = await core.db.select().from(mailOutbox).where(eq(mailOutbox.id, 'left-over'));
    expect(left?.status).toBe('dropped');
  });
});

describe('notifications', () => {
  it('a decision due appears once, whichever process saw it first, and leaves unread when reviewed', async () => {
    at('2027-01-04T09:00:00Z');
    const { decision } = await buildDecision(core, {
      by: berlin,
      reviewBy: '2027-01-04',
      title: 'Free freight',
    });
    await everyProcess();
    await everyProcess();
    const due = (await listNotifications(core.db, berlin.actor)).items.filter(
      (n) => n.kind === 'decision_review',
    );
    expect(due).toHaveLength(1);
    expect(due[0]?.url).toBe(`/#/accounts/${decision.accountId}/decisions/${decision.id}`);
    expect(due[0]?.readAt).toBeNull();

    // Reviewed: the next review is in March, so it is no longer due and leaves "unread" by itself.
    await updateDecision(core.db, berlin.actor, decision.id, { reviewBy: '2027-03-01' });
    await everyProcess();
    const after = await listNotifications(core.db, berlin.actor, { unread: true });
    expect(after.items.filter((n) => n.kind === 'decision_review')).toHaveLength(0);
  });

  it('is worked out by one process at a time, every fifth step of the rhythm', async () => {
    at('2027-01-05T09:00:00Z');
    await buildDecision(core, { by: newYork, reviewBy: '2027-01-05', title: 'Pallet returns' });
    const [first, second] = await Promise.all(cores.map((c) => runRhythm(c)));
    expect((first?.notified ?? 0) + (second?.notified ?? 0)).toBeGreaterThanOrEqual(1);
    await buildDecision(core, { by: newYork, reviewBy: '2027-01-05', title: 'Shelf space' });
    expect((await runRhythm(core)).notified).toBe(0); // another pass holds it for five minutes
    at('2027-01-05T09:05:00Z');
    expect((await runRhythm(core)).notified).toBe(1);
  });
});
