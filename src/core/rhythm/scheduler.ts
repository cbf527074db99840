import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type MailKind, users } from '../db/schema/index.ts';
import { enqueueDueDigests, renderDigestMail } from '../digest/service.ts';
import type { Core } from '../index.ts';
import { trustedOrigin } from '../mail/link-origin.ts';
import { type DeliveryReport, deliverDueMail, type OutboxRow, type RenderMail } from '../mail/outbox.ts';
import { activePeople, refreshNotifications } from '../notifications/due.ts';
import { notify } from '../notifications/service.ts';
import { enqueueRatingReminders, renderRatingMail } from '../scorecard/link-mail.ts';

/**
 * The weekly rhythm's background step, run by every server process: tell people what became due,
 * put digests and customer-link reminders whose time came into the outbox, and send what the outbox holds. Each part is safe
 * to run in several processes at once (keys make notices and mails once, claims send them once).
 */

export interface RhythmReport {
  notified: number;
  digests: number;
  reminders: number;
  mail: DeliveryReport;
}

const MAIL_NAMES: Record<MailKind, string> = {
  weekly_plan: 'Monday plan',
  friday_reflection: 'Friday reflection',
  daily: 'daily digest',
  rating_link: 'customer rating link',
  rating_reminder: 'customer rating reminder',
};

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

/** A mail given up after its retries is a notice to the workspace's owners, with the server's reason. */
async function tellOwners(db: Db, failed: OutboxRow[]) {
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
          key: `mail_failed:${row.id}`,
          title: `A ${MAIL_NAMES[row.kind]} mail could not be sent after ${row.attempts} tries: ${row.lastError ?? 'unknown reason'}`,
          url: '/#/settings/notifications',
        },
      ]);
  }
}

/** One pass of the rhythm. `notices`: also work out what became due for everyone (the costly part). */
export async function runRhythm(core: Core, options: { notices?: boolean } = {}): Promise<RhythmReport> {
  const { db, mailer } = core;
  let notified = 0;
  if (options.notices ?? true) {
    for (const person of await activePeople(db)) notified += await refreshNotifications(db, person);
  }
  const origin = await trustedOrigin(db);
  // Without a mail server or a known address for links nothing is enqueued: nothing would be sent.
  if (!mailer.configured || !origin)
    return { notified, digests: 0, reminders: 0, mail: { sent: 0, retrying: 0, failed: [], dropped: 0 } };
  const digests = await enqueueDueDigests(db);
  const reminders = await enqueueRatingReminders(db);
  const mail = await deliverDueMail(db, mailer, renderers(db, { origin, secret: core.secret }));
  await tellOwners(db, mail.failed);
  return { notified, digests, reminders, mail };
}

/** Work out what is due every this many rhythm steps (5 minutes at the default step of a minute). */
const NOTICE_EVERY = 5;

/** Runs the rhythm every `LINCHPIN_RHYTHM_SECONDS` (60) in this process; returns a stop function. */
export function startRhythm(core: Core): () => void {
  const seconds = Number(process.env.LINCHPIN_RHYTHM_SECONDS ?? 60);
  let step = 0;
  let running = false;
  const tick = async () => {
    // A slow pass (a hanging mail server) must not overlap the next one in the same process.
    if (running) return;
    running = true;
    try {
      const report = await runRhythm(core, { notices: step++ % NOTICE_EVERY === 0 });
      const { sent, retrying, failed } = report.mail;
      if (sent + retrying + failed.length > 0)
        console.log(`mail: ${sent} sent, ${retrying} to retry, ${failed.length} given up`);
    } catch (error) {
      console.error('weekly rhythm step failed', error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, seconds * 1000).unref();
  return () => clearInterval(timer);
}
