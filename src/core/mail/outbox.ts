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

/**
 * A claim older than this belongs to a process that died mid-send: another process takes it over.
 * One mail is claimed at a time, so it must only outlast one SMTP exchange (mailer.ts: ≤ 50 s).
 */
export const MIN_LEASE_SECONDS = 60;
const leaseSeconds = () =>
  Math.max(MIN_LEASE_SECONDS, Number(process.env.LINCHPIN_MAIL_LEASE_SECONDS) || 300);

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

/** Keys looked up, and rows inserted, per statement (PostgreSQL takes at most 65,535 parameters). */
const CHUNK = 1000;

/**
 * Puts mails in the outbox unless one with the same key is there already; how many were added.
 * The keys are read first: most passes find every digest enqueued already, and a read is cheaper
 * than as many conflicting inserts.
 */
export async function enqueueMails(db: Db | Tx, requests: MailRequest[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < requests.length; i += CHUNK) {
    const chunk = requests.slice(i, i + CHUNK);
    const have = await db
      .select({ key: mailOutbox.key })
      .from(mailOutbox)
      .where(
        inArray(
          mailOutbox.key,
          chunk.map((r) => r.key),
        ),
      );
    const known = new Set(have.map((r) => r.key));
    const missing = chunk.filter((r) => !known.has(r.key));
    if (missing.length === 0) continue;
    const inserted = await db
      .insert(mailOutbox)
      .values(missing.map(({ at, ...r }) => ({ id: randomUUID(), ...r, nextAttemptAt: at ?? now() })))
      .onConflictDoNothing({ target: mailOutbox.key })
      .returning({ id: mailOutbox.id });
    added += inserted.length;
  }
  return added;
}

/** Puts one mail in the outbox unless one with its key is there already; true when it was added. */
export const enqueueMail = async (db: Db | Tx, request: MailRequest) =>
  (await enqueueMails(db, [request])) > 0;

/**
 * Takes the next due mail for this process: a pending one due now, or a stale claim. A stale claim
 * that used up its tries is given up instead (it crashed its sender every time). One at a time, so
 * a claim's lease covers one send, never a batch behind a slow mail server.
 */
async function claimNext(db: Db): Promise<OutboxRow | null> {
  const at = now().toISOString();
  const staleBefore = new Date(now().getTime() - leaseSeconds() * 1000).toISOString();
  await db.execute(sql`
    update mail_outbox set status = 'failed', last_error = coalesce(last_error, 'its sender stopped while sending it')
    where status = 'sending' and claimed_at < ${staleBefore}::timestamptz and attempts > ${RETRY_MINUTES.length}`);
  const result = await db.execute<{ id: string }>(sql`
    update mail_outbox set status = 'sending', claimed_at = ${at}::timestamptz, attempts = attempts + 1
    where id = (
      select id from mail_outbox
      where (status = 'pending' and next_attempt_at <= ${at}::timestamptz)
         or (status = 'sending' and claimed_at < ${staleBefore}::timestamptz)
      order by next_attempt_at
      limit 1
      for update skip locked)
    returning id`);
  const id = result.rows[0]?.id;
  if (!id) return null;
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: OutboxRow[];
  dropped: number;
}

export const emptyReport = (): DeliveryReport => ({ sent: 0, retrying: 0, failed: [], dropped: 0 });

/** How long one pass may keep sending; what is left waits for the next pass. */
const PASS_SECONDS = 120;

/**
 * Sends what is due, one claimed mail at a time, until nothing is left or the pass has used its
 * time. A refused or unreachable SMTP server, or a message that could not be written, puts the mail
 * back with a growing wait; it never throws for one bad mail.
 */
export async function deliverDueMail(db: Db, mailer: Mailer, render: RenderMail): Promise<DeliveryReport> {
  const report = emptyReport();
  if (!mailer.configured) return report;
  const until = Date.now() + PASS_SECONDS * 1000;
  for (let row = await claimNext(db); row; row = Date.now() < until ? await claimNext(db) : null) {
    try {
      await deliverOne(db, mailer, render, row, report);
    } catch (error) {
      // The database failed around a send: end this pass; the claim runs out and is taken again.
      console.error(`mail ${row.id}: ${reasonOf(error)}`);
      break;
    }
  }
  return report;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

async function deliverOne(
  db: Db,
  mailer: Mailer,
  render: RenderMail,
  row: OutboxRow,
  report: DeliveryReport,
) {
  // Only this claim may finish the row: after a lease ran out another process owns it.
  const finish = (set: Partial<OutboxRow>) =>
    db
      .update(mailOutbox)
      .set(set)
      .where(
        and(
          eq(mailOutbox.id, row.id),
          eq(mailOutbox.status, 'sending'),
          eq(mailOutbox.claimedAt, row.claimedAt as Date),
        ),
      );
  const retryOrGiveUp = async (reason: string) => {
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
  };
  let mail: Mail | null;
  try {
    mail = await render(row);
  } catch (error) {
    // The database may have blinked while the digest was gathered: try again later, like SMTP.
    await retryOrGiveUp(`could not be written: ${reasonOf(error)}`);
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
    await retryOrGiveUp(reasonOf(error));
    return;
  }
  await finish({ status: 'sent', sentAt: now(), lastError: null });
  report.sent++;
}

/** Forgets mail sent or dropped long ago (the outbox is a queue, not an archive). */
export async function pruneOutbox(db: Db, olderThanDays = 30) {
  const before = new Date(now().getTime() - olderThanDays * 86_400_000).toISOString();
  await db.execute(
    sql`delete from mail_outbox where status in ('sent', 'dropped', 'failed') and created_at < ${before}::timestamptz`,
  );
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
