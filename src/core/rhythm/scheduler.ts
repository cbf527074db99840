import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { instanceSettings, MAIL_KIND_NAMES, type MailKind, users } from '../db/schema/index.ts';
import { enqueueDueDigests, renderDigestMail } from '../digest/service.ts';
import { expireIdempotencyKeys } from '../idempotency/service.ts';
import type { Core } from '../index.ts';
import { trustedOrigin } from '../mail/link-origin.ts';
import {
  type DeliveryReport,
  deliverDueMail,
  emptyReport,
  type OutboxRow,
  pruneOutbox,
  type RenderMail,
} from '../mail/outbox.ts';
import { activePeople, refreshNotifications } from '../notifications/due.ts';
import { notify, pruneNotifications } from '../notifications/service.ts';
import { enqueueRatingReminders, renderRatingMail } from '../scorecard/link-mail.ts';
import { now } from '../time/clock.ts';

/**
 * The weekly rhythm's background step, run by every server process: tell people what became due,
 * put digests and customer-link reminders whose time came into the outbox, and send what the outbox
 * holds. Each part is safe in several processes at once: keys make notices and mails once, claims
 * send each mail once, and the costly notice pass is leased to one process at a time.
 */

export interface RhythmReport {
  notified: number;
  digests: number;
  reminders: number;
  mail: DeliveryReport;
}

/** One renderer per kind of mail, composed here so the outbox knows no feature. */
function renderers(db: Db, links: { origin: string; secret: string }): RenderMail {
  const digest = renderDigestMail(db, links);
  const rating = renderRatingMail(db, links.secret, links.origin);
  const byKind: Record<MailKind, RenderMail> = {
    weekly_plan: digest,
    friday_reflection: digest,
    daily: digest,
    rating_link: rating,
    rating_reminder: rating,
  };
  return (row: OutboxRow) => byKind[row.kind](row);
}

/**
 * Mail given up after its retries is a notice to the workspace's owners: one a day per kind of
 * mail (an outage must not flood the bell), with the first reason; Settings lists every one.
 */
async function tellOwners(db: Db, failed: OutboxRow[]) {
  const day = now().toISOString().slice(0, 10);
  for (const row of failed) {
    const owners = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(eq(users.workspaceId, row.workspaceId), eq(users.role, 'owner'), isNull(users.deactivatedAt)),
      );
    for (const owner of owners)
      await notify(db, { userId: owner.id, workspaceId: row.workspaceId }, [
        {
          kind: 'mail_failed',
          key: `mail_failed:${row.kind}:${day}`,
          title: `A ${MAIL_KIND_NAMES[row.kind]} could not be sent after ${row.attempts} tries: ${row.lastError ?? 'unknown reason'}`,
          url: '/#/settings/notifications',
        },
      ]);
  }
}

/** How often each process runs the rhythm: `LINCHPIN_RHYTHM_SECONDS`, 60 by default. */
const rhythmSeconds = () => Math.max(1, Number(process.env.LINCHPIN_RHYTHM_SECONDS) || 60);

/** What is due is worked out every fifth pass (5 minutes by default), by one process at a time. */
const noticeEverySeconds = () => 5 * rhythmSeconds();

/**
 * Takes the notice pass for this process unless another took it in the last few minutes: a
 * conditional update of one row, so it holds across processes on either engine.
 */
async function takeNoticePass(db: Db): Promise<boolean> {
  const at = now();
  // A little less than the period, so the process that took it last can take it again on time.
  const before = new Date(at.getTime() - noticeEverySeconds() * 900).toISOString();
  await db
    .insert(instanceSettings)
    .values({ key: 'notice_pass_at', value: new Date(0).toISOString() })
    .onConflictDoNothing();
  const taken = await db.execute(sql`
    update instance_settings set value = ${at.toISOString()}
    where key = 'notice_pass_at' and value::timestamptz < ${before}::timestamptz
    returning key`);
  return taken.rows.length > 0;
}

/** Everyone's notices; one person's failure is logged and does not stop the others'. */
async function noticePass(db: Db): Promise<number> {
  let notified = 0;
  for (const person of await activePeople(db)) {
    try {
      notified += await refreshNotifications(db, person);
    } catch (error) {
      console.error(`notifications of ${person.userId} could not be worked out`, error);
    }
  }
  await pruneNotifications(db);
  await pruneOutbox(db);
  // Idempotency-Keys are honoured for 24 hours; older ones are only taking room.
  await expireIdempotencyKeys(db);
  return notified;
}

/**
 * One pass of the rhythm. `notices: 'always'` works out what is due now (tests, the demo);
 * by default only when this process holds the notice pass.
 */
export async function runRhythm(
  core: Core,
  options: { notices?: 'always' | 'leased' } = {},
): Promise<RhythmReport> {
  const { db, mailer } = core;
  const notices = options.notices === 'always' || (await takeNoticePass(db));
  const notified = notices ? await noticePass(db) : 0;
  const origin = await trustedOrigin(db);
  // Without a mail server or a known address for links nothing is enqueued: nothing would be sent.
  if (!mailer.configured || !origin) return { notified, digests: 0, reminders: 0, mail: emptyReport() };
  const digests = await enqueueDueDigests(db);
  const reminders = await enqueueRatingReminders(db);
  const mail = await deliverDueMail(db, mailer, renderers(db, { origin, secret: core.secret }));
  await tellOwners(db, mail.failed);
  return { notified, digests, reminders, mail };
}

/**
 * Runs the rhythm every `LINCHPIN_RHYTHM_SECONDS` (60) in this process. The returned stop waits
 * for a running pass, so a mail handed to the SMTP server is marked sent before the process exits.
 */
export function startRhythm(core: Core): () => Promise<void> {
  const seconds = rhythmSeconds();
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    // A slow pass (a hanging mail server) must not overlap the next one in the same process.
    if (running || stopped) return;
    running = runRhythm(core)
      .then((report) => {
        const { sent, retrying, failed } = report.mail;
        if (sent + retrying + failed.length > 0)
          console.log(`mail: ${sent} sent, ${retrying} to retry, ${failed.length} given up`);
      })
      .catch((error) => console.error('weekly rhythm step failed', error))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, seconds * 1000).unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
