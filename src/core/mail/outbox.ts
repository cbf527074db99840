import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { type MailKind, mailOutbox, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';
import type { Mail, Mailer } from './mailer.ts';

/**
 * The outbox: every mail Linchpin sends on its own (digests, customer links, reminders) is a row
 * first. Enqueueing is idempotent on `key`, so every server process may enqueue the same digest;
 * delivering claims rows with `for update skip locked`, so each is sent by one process, once.
 */

export type OutboxRow = typeof mailOutbox.$inferSelect;

/** Builds the message of a row when it is sent (so a digest says what is true then); null drops it. */
export type RenderMail = (row: OutboxRow) => Promise<Mail | null>;

/** Wait before each retry; after the last one the mail is given up and the owner told. */
export const RETRY_MINUTES = [1, 5, 30, 120, 360] as const;

/** A claim older than this belongs to a process that died mid-send: another process takes it over. */
const leaseSeconds = () => Number(process.env.LINCHPIN_MAIL_LEASE_SECONDS ?? 300);

export interface MailRequest {
  workspaceId: string;
  userId: string | null;
  kind: MailKind;
  /** Names this one mail for good: enqueueing the same key again does nothing. */
  key: string;
  subject: Record<string, string>;
  /** Not before (default now). */
  at?: Date;
}

/** Puts a mail in the outbox unless one with its key is there already; true when it was added. */
export async function enqueueMail(db: Db | Tx, request: MailRequest): Promise<boolean> {
  const inserted = await db
    .insert(mailOutbox)
    .values({ id: randomUUID(), ...request, nextAttemptAt: request.at ?? now() })
    .onConflictDoNothing({ target: mailOutbox.key })
    .returning({ id: mailOutbox.id });
  return inserted.length > 0;
}

/** Takes up to `limit` due mails for this process: pending ones due now, and stale claims. */
async function claim(db: Db, limit: number): Promise<OutboxRow[]> {
  const at = now();
  const staleBefore = new Date(at.getTime() - leaseSeconds() * 1000);
  const result = await db.execute<{ id: string }>(sql`
    update mail_outbox set status = 'sending', claimed_at = ${at.toISOString()}::timestamptz,
      attempts = attempts + 1
    where id in (
      select id from mail_outbox
      where (status = 'pending' and next_attempt_at <= ${at.toISOString()}::timestamptz)
         or (status = 'sending' and claimed_at < ${staleBefore.toISOString()}::timestamptz)
      order by next_attempt_at
      limit ${limit}
      for update skip locked)
    returning id`);
  const ids = result.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(mailOutbox).where(inArray(mailOutbox.id, ids)).orderBy(mailOutbox.nextAttemptAt);
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: OutboxRow[];
  dropped: number;
}

/**
 * Sends what is due, one claimed batch at a time, until nothing is left. A refused or unreachable
 * SMTP server puts the mail back with a growing wait; it never throws for one bad mail.
 */
export async function deliverDueMail(
  db: Db,
  mailer: Mailer,
  render: RenderMail,
  batch = 20,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: [], dropped: 0 };
  if (!mailer.configured) return report;
  for (let rows = await claim(db, batch); rows.length > 0; rows = await claim(db, batch)) {
    for (const row of rows) await deliverOne(db, mailer, render, row, report);
  }
  return report;
}

async function deliverOne(
  db: Db,
  mailer: Mailer,
  render: RenderMail,
  row: OutboxRow,
  report: DeliveryReport,
) {
  const finish = (set: Partial<OutboxRow>) =>
    db
      .update(mailOutbox)
      .set(set)
      .where(and(eq(mailOutbox.id, row.id), eq(mailOutbox.status, 'sending')));
  let mail: Mail | null;
  try {
    mail = await render(row);
  } catch (error) {
    // A message that cannot be built will not build on retry either: give it up, visibly.
    await finish({ status: 'failed', lastError: `could not be written: ${(error as Error).message}` });
    report.failed.push({ ...row, status: 'failed' });
    return;
  }
  if (!mail) {
    await finish({ status: 'dropped' });
    report.dropped++;
    return;
  }
  try {
    await mailer.deliver(mail);
  } catch (error) {
    const reason = (error as Error).message.slice(0, 500);
    const wait = RETRY_MINUTES[row.attempts - 1];
    if (wait === undefined) {
      await finish({ status: 'failed', lastError: reason });
      report.failed.push({ ...row, status: 'failed', lastError: reason });
    } else {
      await finish({
        status: 'pending',
        lastError: reason,
        nextAttemptAt: new Date(now().getTime() + wait * 60_000),
      });
      report.retrying++;
    }
    return;
  }
  await finish({ status: 'sent', sentAt: now(), lastError: null });
  report.sent++;
}

/** What the owner sees of mail delivery: what waits for a retry and what was given up, newest first. */
export async function mailTrouble(db: Db, actor: Actor) {
  if (actor.role !== 'owner') throw new AppError('forbidden', 'only the owner sees mail delivery');
  const rows = await db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      nextAttemptAt: mailOutbox.nextAttemptAt,
      createdAt: mailOutbox.createdAt,
      person: users.name,
    })
    .from(mailOutbox)
    .leftJoin(users, eq(users.id, mailOutbox.userId))
    .where(
      and(
        eq(mailOutbox.workspaceId, actor.workspaceId),
        sql`(${mailOutbox.status} = 'failed' or (${mailOutbox.status} in ('pending', 'sending') and ${mailOutbox.lastError} is not null))`,
      ),
    )
    .orderBy(desc(mailOutbox.createdAt))
    .limit(50);
  return rows.map((r) => ({
    ...r,
    nextAttemptAt: r.status === 'failed' ? null : r.nextAttemptAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  }));
}
