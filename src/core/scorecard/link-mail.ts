import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lte, notExists, sql } from 'drizzle-orm';
import { recordActorAudit } from '../audit/service.ts';
import type { Actor } from '../auth/actor.ts';
import { derivedSecret, digest, matchesDigest } from '../auth/secrets.ts';
import type { Db } from '../db/client.ts';
import { mailOutbox, scorecardInvitations, scorecardRounds, users, workspaces } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { type MailBlock, type MailDocument, mailHtml, mailText } from '../mail/layout.ts';
import type { Mail } from '../mail/mailer.ts';
import { enqueueMail, enqueueMails, type OutboxRow, type RenderMail } from '../mail/outbox.ts';
import { now } from '../time/clock.ts';
import { dateIn } from '../time/days.ts';
import { daysFromNow } from '../time/weeks.ts';
import type { MailedInvitationInput } from './schemas.ts';
import { DEFAULT_LINK_DAYS, editableRound } from './service.ts';

/**
 * Customer rating links that Linchpin mails, and the reminder before they expire. A mailed link's
 * token is derived from the instance secret and the link's id (`customer-link:<id>`), so the mail can
 * be written when it is sent, and again for the reminder, while the database keeps only its SHA-256.
 * The words are the sender's: the template around them is names, a date, a link and symbols only.
 */

/** The reminder goes when this much is left of the link's life. */
export const REMINDER_DAYS = 3;
const DAY_MS = 86_400_000;

/** The token of a mailed link: the same for the first mail and the reminder, never stored. */
export const mailedLinkToken = (secret: string, invitationId: string) =>
  derivedSecret(secret, `customer-link:${invitationId}`);

export const ratingUrl = (origin: string, token: string) => `${origin}/#/rate/${token}`;

export const linkMailKey = (invitationId: string) => `rating_link:${invitationId}`;
export const reminderKey = (invitationId: string) => `rating_reminder:${invitationId}`;

/** Whether and where this server can mail: an SMTP server, and an origin its links may point at. */
export interface LinkMailSetup {
  /** The instance secret (`Core.secret`). */
  secret: string;
  /** `mailer.configured`. */
  mailConfigured: boolean;
  /** `trustedOrigin(db)`: null when the server does not know its own address yet. */
  origin: string | null;
}

export const MAIL_NOT_SET_UP =
  'mail is not set up on this server (no SMTP server or no public address): copy the link instead';

/**
 * Mails a rating link to one customer-side rater: the link (token derived, only its digest stored),
 * its mail in the outbox and the audit entry in one transaction; the outbox sends it once, retrying
 * while the SMTP server is away. Refused (409) when this server cannot mail.
 */
export async function mailInvitation(
  db: Db,
  actor: Actor,
  setup: LinkMailSetup,
  roundId: string,
  input: MailedInvitationInput,
  ip: string | null = null,
): Promise<{ id: string; token: string; expiresAt: string; email: string }> {
  const round = await editableRound(db, actor, roundId);
  if (!setup.mailConfigured || !setup.origin) throw new AppError('conflict', MAIL_NOT_SET_UP);
  const id = randomUUID();
  const token = mailedLinkToken(setup.secret, id);
  const expiresAt = daysFromNow(input.expiresInDays ?? DEFAULT_LINK_DAYS, actor.timeZone);
  const label = input.label?.trim() || null;
  await db.transaction(async (tx) => {
    await tx.insert(scorecardInvitations).values({
      id,
      workspaceId: actor.workspaceId,
      roundId: round.id,
      tokenHash: digest(token),
      label,
      email: input.to,
      anonymous: input.anonymous ?? false,
      expiresAt,
      createdBy: actor.userId,
    });
    await enqueueMail(tx, {
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      kind: 'rating_link',
      key: linkMailKey(id),
      // The sender's words travel with the mail (the link row has no place for them); the origin
      // is the one trusted now, in case the sending process knows none.
      subject: { invitationId: id, message: input.message ?? '', origin: setup.origin ?? '' },
    });
    const target = `${round.name} for ${label ? `${label} <${input.to}>` : input.to} (by e-mail)`;
    await recordActorAudit(tx, actor, 'customer_link.created', target, ip);
  });
  return { id, token, expiresAt: expiresAt.toISOString(), email: input.to };
}

/** What a rating mail says: the sender's words and names, the round, the link, the expiry date. */
export interface RatingMailFacts {
  to: string;
  round: string;
  workspace: string;
  sender: { name: string; email: string } | null;
  message: string;
  url: string;
  /** YYYY-MM-DD in the sender's zone, as their link list shows it. */
  expiresOn: string;
  reminder: boolean;
}

/** The mail itself: no prose of Linchpin's, so it reads right in whatever language the sender wrote. */
export function ratingMail(f: RatingMailFacts): Mail {
  const mark = f.reminder ? '⏰ ' : '';
  const subject = `${mark}★ ${f.round} — ${f.workspace}`;
  // One paragraph per line: HTML would run the sender's line breaks together.
  const words: MailBlock[] = f.message
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((paragraph) => ({ paragraph }));
  const doc: MailDocument = {
    preheader: f.message.split('\n')[0]?.trim() || `${f.round} — ${f.workspace}`,
    title: `${mark}${f.round} · ${f.workspace}`,
    blocks: [
      ...(f.reminder ? [{ paragraph: `⏰ → ${f.expiresOn}` }] : []),
      ...words,
      { paragraph: `— ${f.sender ? `${f.sender.name}, ` : ''}${f.workspace}` },
      { button: { label: '★★★★★ →', url: f.url } },
      { paragraph: f.url, muted: true },
      { paragraph: `⌛ ${f.expiresOn}`, muted: true },
    ],
    footer: [{ text: f.sender ? `${f.sender.name} · ${f.workspace} · ${f.sender.email}` : f.workspace }],
  };
  return {
    to: f.to,
    subject,
    text: mailText(doc),
    html: mailHtml(doc),
    // Answers go to the person who asked, not to the server's address.
    ...(f.sender ? { headers: { 'Reply-To': f.sender.email } } : {}),
  };
}

/**
 * Writes `rating_link` and `rating_reminder` mails when the outbox sends them; null (dropped) when
 * the link was used, withdrawn or has expired by then, or its token can no longer be made (the
 * instance secret changed). `origin` is the trusted origin at sending time; without one, the link
 * points at the origin trusted when the mail was enqueued.
 */
export function renderRatingMail(db: Db, secret: string, origin: string | null): RenderMail {
  return async (row: OutboxRow) => {
    if (row.kind !== 'rating_link' && row.kind !== 'rating_reminder')
      throw new Error(`renderRatingMail cannot write a ${row.kind} mail`);
    const invitationId = row.subject.invitationId ?? '';
    const [found] = await db
      .select({
        link: scorecardInvitations,
        round: scorecardRounds.name,
        workspace: workspaces.name,
        senderName: users.name,
        senderEmail: users.email,
        senderZone: users.timeZone,
      })
      .from(scorecardInvitations)
      .innerJoin(scorecardRounds, eq(scorecardRounds.id, scorecardInvitations.roundId))
      .innerJoin(workspaces, eq(workspaces.id, scorecardInvitations.workspaceId))
      .leftJoin(users, eq(users.id, scorecardInvitations.createdBy))
      .where(eq(scorecardInvitations.id, invitationId));
    if (!found?.link.email) return null;
    const { link } = found;
    if (link.usedAt || link.revokedAt || link.expiresAt.getTime() <= now().getTime()) return null;
    const token = mailedLinkToken(secret, link.id);
    if (!matchesDigest(token, link.tokenHash)) return null;
    const base = origin ?? row.subject.origin;
    if (!base) throw new Error('no public address to link to (set LINCHPIN_PUBLIC_URL)');
    return ratingMail({
      to: link.email ?? '',
      round: found.round,
      workspace: found.workspace,
      sender:
        found.senderName && found.senderEmail ? { name: found.senderName, email: found.senderEmail } : null,
      message: row.subject.message ?? '',
      url: ratingUrl(base, token),
      expiresOn: dateIn(link.expiresAt, found.senderZone ?? 'UTC'),
      reminder: row.kind === 'rating_reminder',
    });
  };
}

/**
 * Puts the reminder of every mailed link that is neither used nor withdrawn and expires within
 * three days into the outbox, once (key `rating_reminder:<id>`; any process may run this). Only a
 * link whose first mail left before those three days began gets one: a link mailed for three days
 * or less, or mailed late, is not reminded of right after it arrived. Answers how many were added.
 */
export async function enqueueRatingReminders(db: Db): Promise<number> {
  const at = now();
  const windowEnd = new Date(at.getTime() + REMINDER_DAYS * DAY_MS);
  const reminder = db
    .select({ one: sql`1` })
    .from(mailOutbox)
    .where(eq(mailOutbox.key, sql`'rating_reminder:' || ${scorecardInvitations.id}`));
  const due = await db
    .select({
      id: scorecardInvitations.id,
      workspaceId: scorecardInvitations.workspaceId,
      userId: scorecardInvitations.createdBy,
      first: mailOutbox.subject,
    })
    .from(scorecardInvitations)
    .innerJoin(mailOutbox, eq(mailOutbox.key, sql`'rating_link:' || ${scorecardInvitations.id}`))
    .where(
      and(
        isNotNull(scorecardInvitations.email),
        isNull(scorecardInvitations.usedAt),
        isNull(scorecardInvitations.revokedAt),
        gt(scorecardInvitations.expiresAt, at),
        lte(scorecardInvitations.expiresAt, windowEnd),
        eq(mailOutbox.status, 'sent'),
        sql`${mailOutbox.sentAt} < ${scorecardInvitations.expiresAt} - interval '${sql.raw(String(REMINDER_DAYS * 24))} hours'`,
        notExists(reminder),
      ),
    );
  return enqueueMails(
    db,
    due.map((d) => ({
      workspaceId: d.workspaceId,
      userId: d.userId,
      kind: 'rating_reminder' as const,
      key: reminderKey(d.id),
      subject: { invitationId: d.id, message: d.first.message ?? '', origin: d.first.origin ?? '' },
    })),
  );
}
