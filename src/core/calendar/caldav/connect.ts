import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { caldavCollections, calendars } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { subscriptionUrl } from '../remote.ts';
import type { CaldavOptions } from './conversation.ts';
import { seal, unseal } from './credentials.ts';
import { type CaldavLogin, type CaldavSession, describe, openSession, sameHref } from './discover.ts';
import { type RemoteChanges, syncCaldav } from './sync.ts';

export type { RemoteChanges } from './sync.ts';

const absoluteHref = (href: string, base: string | undefined) => {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
};

/**
 * The session each connect opened, by calendar id, handed to the first sync that follows it (the
 * caller syncs right after connecting): the server is discovered once, not again by that sync.
 */
const openedOnConnect = new Map<string, CaldavSession>();

/**
 * Connects a CalDAV account as one calendar: signs in and discovers first (nothing is kept when
 * that fails), then keeps the chosen calendars (`hrefs`; without them the one the address names,
 * or every calendar with events) and the password, sealed. The first sync is the caller's, and
 * goes on with this discovery while its exchange's deadline lasts.
 */
export async function addCaldavCalendar(
  db: Db,
  actor: Actor,
  input: CaldavLogin & { name: string; calendars?: string[]; writeBack?: string },
  options: CaldavOptions = {},
): Promise<string> {
  const session = await openSession(input, options);
  const found = session.calendars.map(describe);
  let chosen = found.filter(
    (c) => c.supportsEvents && (session.given ? sameHref(c.href, session.given) : true),
  );
  const pick = (field: string, href: string) => {
    const absolute = absoluteHref(href, session.account.rootUrl);
    if (!absolute) throw AppError.invalid(field, `has ${href}, which is not a web address`);
    const match = found.find((c) => sameHref(c.href, absolute));
    if (!match) throw AppError.invalid(field, `has ${href}, which is not one of the server's calendars`);
    if (!match.supportsEvents) throw AppError.invalid(field, `has “${match.name}”, which holds no events`);
    return match;
  };
  if (input.calendars) chosen = input.calendars.map((href) => pick('calendars', href));
  // The plan is written into one calendar, which is then synced too (its own events are skipped).
  const target = input.writeBack ? pick('writeBack', input.writeBack) : null;
  if (target && !chosen.some((c) => c.href === target.href)) chosen.push(target);
  if (chosen.length === 0) throw AppError.invalid('url', 'leads to no calendar with events on this server');
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(calendars).values({
      id,
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      name: input.name.trim(),
      kind: 'caldav',
      url: subscriptionUrl(input.url),
      username: input.username,
      passwordSealed: seal(input.password, id),
    });
    await tx.insert(caldavCollections).values(
      chosen.map((c) => ({
        id: randomUUID(),
        calendarId: id,
        href: c.href,
        name: c.name,
        color: c.color,
        writeBack: c.href === target?.href,
      })),
    );
  });
  openedOnConnect.set(id, session);
  session.talking.signal.addEventListener('abort', () => openedOnConnect.delete(id), { once: true });
  return id;
}

/** Syncs a CalDAV calendar row with its own password (unsealed only for this exchange). */
export function syncCaldavCalendar(
  db: Db,
  actor: Actor,
  calendar: typeof calendars.$inferSelect,
  options: CaldavOptions = {},
): Promise<{ summary: Awaited<ReturnType<typeof syncCaldav>>['summary']; remote: RemoteChanges }> {
  if (!calendar.passwordSealed)
    throw new AppError('bad_request', 'this calendar has no password: connect it again');
  const opened = openedOnConnect.get(calendar.id);
  openedOnConnect.delete(calendar.id);
  const password = unseal(calendar.passwordSealed, calendar.id);
  return syncCaldav(
    db,
    actor,
    calendar,
    password,
    options,
    opened?.talking.signal.aborted ? undefined : opened,
  );
}

/** The server calendars each of these CalDAV calendars syncs. */
type CollectionView = { href: string; name: string; color: string | null; writeBack: boolean };

export async function collectionsOf(db: Db, calendarIds: string[]) {
  if (calendarIds.length === 0) return new Map<string, CollectionView[]>();
  const rows = await db
    .select({
      calendarId: caldavCollections.calendarId,
      href: caldavCollections.href,
      name: caldavCollections.name,
      color: caldavCollections.color,
      writeBack: caldavCollections.writeBack,
    })
    .from(caldavCollections)
    .where(inArray(caldavCollections.calendarId, calendarIds))
    .orderBy(caldavCollections.name);
  const byCalendar = new Map<string, CollectionView[]>();
  for (const { calendarId, ...collection } of rows) {
    byCalendar.set(calendarId, [...(byCalendar.get(calendarId) ?? []), collection]);
  }
  return byCalendar;
}
