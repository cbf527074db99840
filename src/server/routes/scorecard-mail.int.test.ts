import { and, eq, like } from 'drizzle-orm';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { testWorld } from '../../../test/app.ts';
import { apiClient, buildAccount, buildRound } from '../../../test/factories.ts';
import { startMailServer } from '../../../test/mail-server.ts';
import { digest } from '../../core/auth/secrets.ts';
import { mailOutbox, notifications, scorecardInvitations } from '../../core/db/schema/index.ts';
import type { Core } from '../../core/index.ts';
import { trustedOrigin } from '../../core/mail/link-origin.ts';
import type { Mailer } from '../../core/mail/mailer.ts';
import { deliverDueMail } from '../../core/mail/outbox.ts';
import { enqueueRatingReminders, renderRatingMail } from '../../core/scorecard/link-mail.ts';
import { fixedClock, setClock } from '../../core/time/clock.ts';

afterEach(() => {
  setClock(null);
});

const TOM = 'tom@northwind.test';

/**
 * Acme with a real SMTP server: Olivia (the workspace owner, who has used the app, so mailed links
 * have an origin), Ann (owner of Northwind and its round Q4 2026), Colin (a colleague off the account).
 */
async function acme(options: { smtp?: boolean; ownerSeen?: boolean } = {}) {
  const mail = await startMailServer();
  onTestFinished(() => mail.close());
  const world = await testWorld({
    core: options.smtp === false ? {} : { smtpUrl: mail.url, from: 'Linchpin <linchpin@acme.test>' },
    people: { olivia: { role: 'owner', name: 'Olivia' }, ann: { name: 'Ann' }, colin: { name: 'Colin' } },
  });
  onTestFinished(world.close);
  if (options.ownerSeen !== false) await apiClient(world.app, world.olivia.token).get('/me');
  const northwind = await buildAccount(world.core, { owner: world.ann, name: 'Northwind' });
  const { round } = await buildRound(world.core, { on: northwind, name: 'Q4 2026' });
  const deliver = async (mailer: Mailer = world.core.mailer) =>
    deliverDueMail(
      world.core.db,
      mailer,
      renderRatingMail(world.core.db, world.core.secret, await trustedOrigin(world.core.db)),
    );
  const send = (body: object, token = world.ann.token) =>
    apiClient(world.app, token).post(`/scorecard/rounds/${round.id}/invitations/email`, body);
  return { ...world, mail, roundId: round.id, deliver, send };
}

const tokenIn = (text: string) => /\/#\/rate\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

const outbox = (core: Core) => core.db.select().from(mailOutbox).where(like(mailOutbox.key, 'rating_%'));

const scores = [{ target: 'us', subject: 'trading', score: 4 }];

describe('rating links by e-mail', () => {
  it('reach the customer once, in the sender’s words, with a link that opens the form', async () => {
    const { core, app, ann, mail, roundId, deliver, send } = await acme();
    const message = 'Hallo Tom,\n\nwie arbeiten wir zusammen? Fünf Minuten, bitte.\n\nDanke!';
    const sent = await send({ to: ' Tom@Northwind.test ', message, label: 'Tom Becker' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ email: TOM, path: `/#/rate/${sent.body.token}` });
    // Only the digest is stored; the mail waits in the outbox, written when it is sent.
    const [link] = await core.db
      .select()
      .from(scorecardInvitations)
      .where(eq(scorecardInvitations.id, sent.body.id));
    expect(link).toMatchObject({ email: TOM, tokenHash: digest(sent.body.token) });
    expect(JSON.stringify(link)).not.toContain(sent.body.token);
    const queued = await outbox(core);
    expect(queued.map((r) => [r.key, r.status])).toEqual([[`rating_link:${sent.body.id}`, 'pending']]);
    expect(JSON.stringify(queued)).not.toContain(sent.body.token);

    expect(await deliver()).toMatchObject({ sent: 1, dropped: 0 });
    const received = await mail.next(TOM);
    expect(received.subject).toBe('★ Q4 2026 — Acme');
    expect(received.text).toContain('wie arbeiten wir zusammen? Fünf Minuten, bitte.');
    expect(received.text).toContain('— Ann, Acme');
    expect(received.text).toMatch(/⌛ \d{4}-\d{2}-\d{2}/);
    expect(received.html).toContain('★★★★★ →');
    expect(received.html).not.toMatch(/<img|<script/i);
    const token = tokenIn(received.text);
    expect(token).toBe(sent.body.token);
    expect(received.text).toContain(`http://localhost/#/rate/${token}`);
    expect((await apiClient(app).get(`/public/scorecard/${token}`)).status).toBe(200);

    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(mail.messages).toHaveLength(1);
    const round = (await apiClient(app, ann.token).get(`/scorecard/rounds/${roundId}`)).body;
    expect(round.invitations).toEqual([
      expect.objectContaining({ label: 'Tom Becker', email: TOM, status: 'open', mail: 'sent' }),
    ]);
  });

  it('wait in the outbox while the SMTP server is down, and go once it is back', async () => {
    const { core, mail, deliver, send } = await acme();
    setClock(fixedClock('2026-03-02T09:00:00Z'));
    expect((await send({ to: TOM })).status).toBe(201);
    const down: Mailer = {
      configured: true,
      deliver: async () => {
        throw new Error('connect ECONNREFUSED');
      },
      send: async () => false,
    };
    expect(await deliver(down)).toMatchObject({ sent: 0, retrying: 1 });
    expect((await outbox(core))[0]).toMatchObject({ status: 'pending', lastError: 'connect ECONNREFUSED' });
    setClock(fixedClock('2026-03-02T09:02:00Z'));
    expect(await deliver()).toMatchObject({ sent: 1 });
    await mail.next(TOM);
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(mail.messages).toHaveLength(1);
  });

  it('remind the rater once, three days before the link expires, unless it was used or withdrawn', async () => {
    const { core, app, ann, mail, deliver, send } = await acme();
    const api = apiClient(app, ann.token);
    setClock(fixedClock('2026-03-02T09:00:00Z'));
    const link = async (to: string, expiresInDays = 10) => {
      const sent = await send({ to, message: 'Bitte bewerten.', expiresInDays });
      expect(sent.status).toBe(201);
      return sent.body as { id: string; token: string };
    };
    const tom = await link(TOM); // expires 2026-03-12 09:00 UTC
    const used = await link('used@northwind.test');
    const withdrawn = await link('withdrawn@northwind.test');
    const late = await link('late@northwind.test');
    await link('short@northwind.test', 3); // all its life is inside the window: no reminder
    expect(await deliver()).toMatchObject({ sent: 5 });
    for (const who of ['used', 'withdrawn', 'late', 'short']) await mail.next(`${who}@northwind.test`);
    await mail.next(TOM);
    expect(await enqueueRatingReminders(core.db)).toBe(0);
    setClock(fixedClock('2026-03-03T12:00:00Z')); // the short link is in its last three days
    expect(await enqueueRatingReminders(core.db)).toBe(0);

    setClock(fixedClock('2026-03-09T08:59:00Z')); // 3 days and a minute left: not yet
    expect(await enqueueRatingReminders(core.db)).toBe(0);

    expect((await apiClient(app).post(`/public/scorecard/${used.token}`, { scores })).status).toBe(204);
    expect((await api.delete(`/scorecard/invitations/${withdrawn.id}`)).status).toBe(204);
    setClock(fixedClock('2026-03-09T09:00:00Z'));
    expect(await enqueueRatingReminders(core.db)).toBe(2); // Tom's and the late one's
    expect(await enqueueRatingReminders(core.db)).toBe(0);
    // Withdrawn after its reminder was queued: the reminder is dropped, never sent.
    expect((await api.delete(`/scorecard/invitations/${late.id}`)).status).toBe(204);
    expect(await deliver()).toMatchObject({ sent: 1, dropped: 1 });
    const reminder = await mail.next(TOM);
    expect(reminder.subject).toBe('⏰ ★ Q4 2026 — Acme');
    expect(reminder.text).toContain('⏰ → 2026-03-12');
    expect(reminder.text).toContain('Bitte bewerten.');
    expect(tokenIn(reminder.text)).toBe(tom.token);
    expect((await apiClient(app).get(`/public/scorecard/${tom.token}`)).status).toBe(200);

    setClock(fixedClock('2026-03-11T09:00:00Z'));
    expect(await enqueueRatingReminders(core.db)).toBe(0);
    expect(await deliver()).toMatchObject({ sent: 0 });
    expect(mail.messages.map((m) => m.to[0]).sort()).toEqual(
      [
        TOM,
        TOM,
        'late@northwind.test',
        'short@northwind.test',
        'used@northwind.test',
        'withdrawn@northwind.test',
      ].sort(),
    );
    const keys = (await outbox(core)).filter((r) => r.kind === 'rating_reminder').map((r) => r.key);
    expect(keys.sort()).toEqual([`rating_reminder:${late.id}`, `rating_reminder:${tom.id}`].sort());
  });

  it('tell the account owner, the round’s creator and the sender once when the customer has rated', async () => {
    const { core, app, olivia, ann, mail, roundId, deliver, send } = await acme();
    expect((await send({ to: TOM }, olivia.token)).status).toBe(201);
    await deliver();
    const token = tokenIn((await mail.next(TOM)).text);
    const rated = await apiClient(app).post(`/public/scorecard/${token}`, {
      raterName: 'Tom Becker',
      scores,
    });
    expect(rated.status).toBe(204);
    const told = await core.db.select().from(notifications).where(eq(notifications.kind, 'customer_rated'));
    expect(told.map((n) => [n.userId, n.title, n.url]).sort()).toEqual(
      [
        [ann.me.id, 'Tom Becker rated Q4 2026 (Northwind)', `/#/scorecard/${roundId}`],
        [olivia.me.id, 'Tom Becker rated Q4 2026 (Northwind)', `/#/scorecard/${roundId}`],
      ].sort(),
    );
    // A copied, anonymous link: Ann (creator and owner) is told once, without a name.
    const copied = await apiClient(app, ann.token).post(`/scorecard/rounds/${roundId}/invitations`, {
      anonymous: true,
    });
    await apiClient(app).post(`/public/scorecard/${copied.body.token}`, { raterName: 'X', scores });
    const annTold = await core.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, ann.me.id), eq(notifications.kind, 'customer_rated')));
    expect(annTold.map((n) => n.title).sort()).toEqual([
      'A customer rated Q4 2026 (Northwind)',
      'Tom Becker rated Q4 2026 (Northwind)',
    ]);
  });

  it('refuse bad input naming the field, other workspaces’ rounds and people who may not edit the account', async () => {
    const { core, outsider, colin, send } = await acme();
    const cases: [object, string][] = [
      [{ to: 'not-an-address' }, 'to'],
      [{}, 'to'],
      [{ to: TOM, message: 'x'.repeat(4001) }, 'message'],
      [{ to: TOM, expiresInDays: 91 }, 'expiresInDays'],
    ];
    for (const [body, field] of cases) {
      const res = await send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields), JSON.stringify(body)).toContain(field);
    }
    expect((await send({ to: TOM, cc: 'boss@northwind.test' })).status).toBe(400);
    expect((await send({ to: TOM }, outsider.token)).status).toBe(404);
    const refused = await send({ to: TOM }, colin.token);
    expect(refused.status).toBe(403);
    expect(await outbox(core)).toEqual([]);
    expect(await core.db.select().from(scorecardInvitations)).toEqual([]);
  });

  it('say plainly that mail is not set up, and queue nothing, without an SMTP server or a public address', async () => {
    for (const options of [{ smtp: false }, { ownerSeen: false }]) {
      const { core, send } = await acme(options);
      const res = await send({ to: TOM });
      expect(res.status, JSON.stringify(options)).toBe(409);
      expect(res.body.error.message).toMatch(/mail is not set up/);
      expect(await outbox(core)).toEqual([]);
      expect(await core.db.select().from(scorecardInvitations)).toEqual([]);
    }
  });
});
