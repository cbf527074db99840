import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { type Actor, ownReach } from '../auth/actor.ts';
import { derivedSecret, digest, matchesDigest, newSecret } from '../auth/secrets.ts';
import type { Db } from '../db/client.ts';
import {
  accounts,
  bigRocks,
  calendarFeeds,
  planItems,
  type TimeDecision,
  users,
} from '../db/schema/index.ts';
import { decisionsToReview } from '../decisions/service.ts';
import { AppError } from '../errors.ts';
import { addEvent, type CalendarEntry, newCalendar, stampNow } from '../plan/ics.ts';
import { followUps } from '../plan/time-drains.ts';
import { now } from '../time/clock.ts';
import { addDays, todayIn } from '../time/days.ts';
import { formatIsoWeek } from '../time/weeks.ts';
import type { FeedView } from './schemas.ts';

/** What the feed covers around today (in the person's zone). */
export const FEED_DAYS_BACK = 4 * 7;
export const FEED_DAYS_AHEAD = 26 * 7;

/** Where the feed is served; its address ends in `<token>.ics` (calendar apps like the suffix). */
export const FEED_PATH = '/api/public/feed/';

/** base64url of 32 bytes: 43 characters. Anything else is no feed, without a database look-up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The feed's token: an HMAC of the person and the row's nonce under the instance secret, 256 bits.
 * It is derived again whenever the person asks for their address, so it is never stored (only its
 * SHA-256 is); a new nonce (rotate) makes a new token.
 */
const tokenOf = (secret: string, userId: string, nonce: string) =>
  derivedSecret(secret, `calendar-feed:${userId}:${nonce}`);

const urlOf = (origin: string, token: string) => `${origin}${FEED_PATH}${token}.ics`;

const rowOf = async (db: Db, actor: Actor) =>
  (
    await db
      .select({ nonce: calendarFeeds.nonce, tokenHash: calendarFeeds.tokenHash })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.userId, actor.userId), eq(calendarFeeds.workspaceId, actor.workspaceId)))
  )[0];

/**
 * The actor's feed address, made on first use: two first requests at once insert one row (the
 * second insert does nothing) and both answer the same address.
 */
export async function feedUrl(db: Db, actor: Actor, secret: string, origin: string): Promise<FeedView> {
  let row = await rowOf(db, actor);
  if (!row) {
    const nonce = newSecret();
    await db
      .insert(calendarFeeds)
      .values({
        userId: actor.userId,
        workspaceId: actor.workspaceId,
        nonce,
        tokenHash: digest(tokenOf(secret, actor.userId, nonce)),
      })
      .onConflictDoNothing();
    row = await rowOf(db, actor);
    if (!row) throw AppError.notFound('feed');
  }
  const token = tokenOf(secret, actor.userId, row.nonce);
  if (!matchesDigest(token, row.tokenHash)) {
    // The instance secret changed (LINCHPIN_AUTH_SECRET set or replaced): the stored address can no
    // longer be shown, so the one shown now takes its place.
    await db
      .update(calendarFeeds)
      .set({ tokenHash: digest(token) })
      .where(and(eq(calendarFeeds.userId, actor.userId), eq(calendarFeeds.nonce, row.nonce)));
  }
  return { url: urlOf(origin, token) };
}

/** A new address for the actor's feed; the old one answers 404 from now on. */
export async function rotateFeed(db: Db, actor: Actor, secret: string, origin: string): Promise<FeedView> {
  const nonce = newSecret();
  const token = tokenOf(secret, actor.userId, nonce);
  const values = { nonce, tokenHash: digest(token), createdAt: now() };
  await db
    .insert(calendarFeeds)
    .values({ userId: actor.userId, workspaceId: actor.workspaceId, ...values })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: values });
  return { url: urlOf(origin, token) };
}

/** Whose feed a token opens: an active person, or nobody (404, whatever was wrong with the token). */
async function ownerOf(db: Db, token: string) {
  const presented = token.replace(/\.ics$/i, '');
  if (!TOKEN.test(presented)) throw AppError.notFound('feed');
  const [row] = await db
    .select({
      tokenHash: calendarFeeds.tokenHash,
      userId: users.id,
      workspaceId: users.workspaceId,
      role: users.role,
      timeZone: users.timeZone,
      name: users.name,
    })
    .from(calendarFeeds)
    .innerJoin(
      users,
      and(eq(users.id, calendarFeeds.userId), eq(users.workspaceId, calendarFeeds.workspaceId)),
    )
    .where(and(eq(calendarFeeds.tokenHash, digest(presented)), isNull(users.deactivatedAt)));
  if (!row || !matchesDigest(presented, row.tokenHash)) throw AppError.notFound('feed');
  const actor: Actor = {
    userId: row.userId,
    workspaceId: row.workspaceId,
    role: row.role,
    timeZone: row.timeZone,
  };
  return { actor, name: row.name };
}

/** The person's scheduled actions in the window, with their big rock's title and account. */
export const planOf = (db: Db, actor: Actor, from: string, to: string) =>
  db
    .select({
      id: planItems.id,
      title: planItems.title,
      day: planItems.day,
      startTime: planItems.startTime,
      minutes: planItems.minutes,
      doneAt: planItems.doneAt,
      rockTitle: bigRocks.title,
      accountName: accounts.name,
    })
    .from(planItems)
    .leftJoin(bigRocks, and(eq(bigRocks.id, planItems.rockId), eq(bigRocks.userId, planItems.userId)))
    .leftJoin(
      accounts,
      and(eq(accounts.id, bigRocks.accountId), eq(accounts.workspaceId, planItems.workspaceId)),
    )
    .where(
      and(
        eq(planItems.workspaceId, actor.workspaceId),
        eq(planItems.userId, actor.userId),
        gte(planItems.day, from),
        lte(planItems.day, to),
      ),
    )
    .orderBy(asc(planItems.day), sql`${planItems.startTime} nulls last`, asc(planItems.id));

const DECIDED: Record<TimeDecision, string> = {
  decline: 'to decline it',
  shorten: 'to shorten it',
  delegate: 'to delegate it',
  keep: 'to keep it',
};

const lines = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join('\n');

/** A scheduled action as a calendar event (the feed's, and a CalDAV write-back's); `url` links back. */
export function planEntry(item: Awaited<ReturnType<typeof planOf>>[number], url?: string): CalendarEntry {
  const rock = item.rockTitle
    ? `Q2 big rock: ${item.rockTitle}${item.accountName ? ` (${item.accountName})` : ''}`
    : null;
  return {
    uid: `plan-${item.id}@linchpin`,
    summary: item.doneAt ? `✓ ${item.title}` : item.title,
    description: lines(rock, item.doneAt && 'Done.', url && `Your plan in Linchpin: ${url}`),
    url,
    day: item.day,
    startTime: item.startTime,
    minutes: item.minutes,
  };
}

/**
 * The live calendar behind a feed token (an .ics text): the person's scheduled actions from four
 * weeks back to 26 weeks ahead (timed ones at their time, the others all-day; done ones ticked),
 * the review-by dates of decisions in force on the accounts they own or share (a leader's too), and the follow-up
 * dates of their time drains. Titles and dates only: no activity notes, no decision text, nothing
 * of anyone else. An unknown, malformed or rotated token, or a deactivated person: 404.
 */
export async function feedCalendar(db: Db, token: string, origin?: string): Promise<string> {
  const { actor, name } = await ownerOf(db, token);
  const today = todayIn(actor.timeZone);
  const from = addDays(today, -FEED_DAYS_BACK);
  const to = addDays(today, FEED_DAYS_AHEAD);
  const [items, reviews, drains] = await Promise.all([
    planOf(db, actor, from, to),
    decisionsToReview(db, ownReach(actor), { from, until: to }),
    followUps(db, actor, { from, until: to }),
  ]);
  const link = (hash: string) => (origin ? `${origin}/#/${hash}` : undefined);

  const calendar = newCalendar('-//Linchpin//Calendar feed//EN', `Linchpin – ${name}`);
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  calendar.updatePropertyWithValue('x-wr-caldesc', 'Plan actions, decision reviews and follow-ups');
  const refresh = new ICAL.Property('refresh-interval');
  refresh.resetType('duration');
  refresh.setValue(ICAL.Duration.fromString('PT1H'));
  calendar.addProperty(refresh);
  calendar.updatePropertyWithValue('x-published-ttl', 'PT1H');
  const stamp = stampNow();
  const options = { timeZone: actor.timeZone, stamp };

  for (const item of items) {
    addEvent(calendar, planEntry(item, link(`plan/${formatIsoWeek(DateTime.fromISO(item.day))}`)), options);
  }
  for (const decision of reviews) {
    if (!decision.reviewBy) continue;
    const url = link(`accounts/${encodeURIComponent(decision.accountId)}`);
    addEvent(
      calendar,
      {
        uid: `decision-review-${decision.id}@linchpin`,
        summary: `Review decision: ${decision.title} (${decision.accountName})`,
        description: lines(
          `The review-by date of a decision on ${decision.accountName}: keep, revisit or retire it.`,
          url && `The account in Linchpin: ${url}`,
        ),
        url,
        day: decision.reviewBy,
      },
      options,
    );
  }
  for (const drain of drains) {
    if (!drain.followUp) continue;
    const url = link('plan');
    const decided =
      drain.decision === 'delegate' && drain.delegateTo
        ? `to delegate it to ${drain.delegateTo}`
        : DECIDED[drain.decision];
    addEvent(
      calendar,
      {
        uid: `follow-up-${drain.id}@linchpin`,
        summary: `Follow up: ${drain.title}`,
        description: lines(`You decided ${decided}. Did it work?`, url && `Time drains in Linchpin: ${url}`),
        url,
        day: drain.followUp,
      },
      options,
    );
  }
  return calendar.toString();
}
