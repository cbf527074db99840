import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { activities, calendars, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';
import { collectionsOf, type RemoteChanges, syncCaldavCalendar } from './caldav/connect.ts';
import { MAX_IMPORT_BYTES, tooLarge } from './limits.ts';
import { type ImportSummary, importCalendar } from './merge.ts';
import {
  fetchRemote,
  type RemoteOptions,
  type RemoteResponse,
  readLimited,
  subscriptionUrl,
} from './remote.ts';
import { decodeSource } from './source.ts';

export interface CalendarView {
  id: string;
  name: string;
  kind: 'file' | 'subscription' | 'caldav';
  url: string | null;
  /** CalDAV only: who signs in (never the password) and which of the server's calendars are synced. */
  caldav: {
    username: string;
    calendars: { href: string; name: string; color: string | null; writeBack: boolean }[];
  } | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  activities: number;
}

const own = (actor: Actor) =>
  and(eq(calendars.workspaceId, actor.workspaceId), eq(calendars.userId, actor.userId));

export async function listCalendars(db: Db, actor: Actor): Promise<CalendarView[]> {
  const rows = await db
    .select({
      id: calendars.id,
      name: calendars.name,
      kind: calendars.kind,
      url: calendars.url,
      username: calendars.username,
      lastSyncedAt: calendars.lastSyncedAt,
      lastError: calendars.lastError,
      activities: count(activities.id),
    })
    .from(calendars)
    .leftJoin(activities, and(eq(activities.calendarId, calendars.id), isNull(activities.deletedAt)))
    .where(own(actor))
    .groupBy(calendars.id)
    .orderBy(asc(calendars.name));
  const collections = await collectionsOf(
    db,
    rows.filter((row) => row.kind === 'caldav').map((row) => row.id),
  );
  return rows.map(({ username, ...row }) => ({
    ...row,
    // A CalDAV address holds no secret (the password is apart); a subscription's may be one.
    url: row.url && row.kind === 'subscription' ? maskSecret(row.url) : row.url,
    caldav:
      row.kind === 'caldav' ? { username: username ?? '', calendars: collections.get(row.id) ?? [] } : null,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
  }));
}

/** Secret calendar addresses are credentials: show where they point, not the token in them. */
function maskSecret(url: string): string {
  const parsed = new URL(url);
  // Google and Outlook put the secret in the middle segments: keep the first and the file name.
  const segments = parsed.pathname.split('/').filter(Boolean);
  const path = segments.length > 2 ? `/${segments[0]}/…/${segments.at(-1)}` : parsed.pathname;
  return `${parsed.protocol}//${parsed.host}${path}${parsed.search ? '?…' : ''}`;
}

export async function addSubscription(
  db: Db,
  actor: Actor,
  input: { name: string; url: string },
): Promise<string> {
  const url = subscriptionUrl(input.url);
  const id = randomUUID();
  await db.insert(calendars).values({
    id,
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    name: input.name.trim(),
    kind: 'subscription',
    url,
  });
  return id;
}

export async function getCalendar(db: Db, actor: Actor, id: string): Promise<CalendarView> {
  const found = (await listCalendars(db, actor)).find((c) => c.id === id);
  if (!found) throw AppError.notFound('calendar');
  return found;
}

/** Removes a calendar and every activity imported from it. */
export async function deleteCalendar(db: Db, actor: Actor, id: string): Promise<void> {
  const deleted = await db
    .delete(calendars)
    .where(and(own(actor), eq(calendars.id, id)))
    .returning({ id: calendars.id });
  if (deleted.length === 0) throw AppError.notFound('calendar');
}

/** How a sync reaches the calendar: tests pass a resolver (and an address check); timeout 30 s. */
export type SyncOptions = Pick<RemoteOptions, 'resolve' | 'check'> & { timeoutMs?: number };

/** `remote`: for CalDAV, how the server told what changed. */
export type SyncResult = (
  | { notModified: true; calendarId: string }
  | ({ notModified: false } & ImportSummary)
) & {
  remote?: RemoteChanges;
};

/**
 * Fetches a subscription (conditionally, with the ETag and Last-Modified of the last fetch), or
 * asks a CalDAV server what changed (caldav/sync.ts), and
 * merges it like a file. A failure is kept on the calendar for the user to see, and thrown.
 */
export async function syncSubscription(
  db: Db,
  actor: Actor,
  id: string,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const [calendar] = await db
    .select()
    .from(calendars)
    .where(and(own(actor), eq(calendars.id, id)));
  if (!calendar) throw AppError.notFound('calendar');
  if (calendar.kind === 'file' || !calendar.url) {
    throw new AppError(
      'bad_request',
      'this calendar was uploaded as a file; upload the file again to update it',
    );
  }
  try {
    if (calendar.kind === 'caldav') {
      const { summary, remote } = await syncCaldavCalendar(db, actor, calendar, options);
      await db.update(calendars).set({ lastError: null, lastSyncedAt: now() }).where(eq(calendars.id, id));
      return summary
        ? { notModified: false, ...summary, remote }
        : { notModified: true, calendarId: id, remote };
    }
    const fetched = await fetchCalendar(calendar.url, calendar, options);
    if (fetched.notModified) {
      await db.update(calendars).set({ lastSyncedAt: now(), lastError: null }).where(eq(calendars.id, id));
      return { notModified: true, calendarId: id };
    }
    const summary = await importCalendar(db, actor, {
      calendar: { id },
      calendarKind: 'subscription',
      text: fetched.text,
      skipInvalid: true,
    });
    await db
      .update(calendars)
      .set({
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        lastError: null,
        lastSyncedAt: now(),
      })
      .where(eq(calendars.id, id));
    return { notModified: false, ...summary };
  } catch (error) {
    const message = error instanceof AppError ? error.message : 'the calendar could not be read';
    await db.update(calendars).set({ lastError: message, lastSyncedAt: now() }).where(eq(calendars.id, id));
    if (error instanceof AppError) throw error;
    throw new AppError('bad_request', message);
  }
}

async function fetchCalendar(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  options: SyncOptions,
): Promise<
  | { notModified: true }
  | { notModified: false; text: string; etag: string | null; lastModified: string | null }
> {
  const headers: Record<string, string> = { accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  const host = new URL(url).host;
  const seconds = Math.round((options.timeoutMs ?? 30_000) / 1000);
  const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  let response: RemoteResponse;
  try {
    // Never the server's own network: one lookup per hop, every address checked, connected to exactly it.
    response = await fetchRemote(url, { headers, signal, resolve: options.resolve, check: options.check });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'bad_request',
      signal.aborted ? `${host} did not answer within ${seconds} seconds` : `${host} could not be reached`,
    );
  }
  if (response.status === 304) return notModified(response);
  if (response.status < 200 || response.status >= 300) {
    response.cancel();
    throw new AppError('bad_request', `${host} answered ${response.status} ${response.statusText}`.trim());
  }
  const type = response.headers.get('content-type') ?? '';
  if (/html/i.test(type)) {
    response.cancel();
    throw new AppError(
      'bad_request',
      `${host} answered with a web page, not a calendar: use the calendar's secret address in iCal format`,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_IMPORT_BYTES) {
    response.cancel();
    throw tooLarge(declared);
  }
  const text = decodeSource(await readLimited(response));
  return {
    notModified: false,
    text,
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
}

function notModified(response: RemoteResponse): { notModified: true } {
  response.cancel();
  return { notModified: true };
}

/**
 * Syncs every subscription and CalDAV calendar not synced for `everyMinutes`. Each calendar is claimed with one
 * conditional update, so several server processes on one database never fetch the same one twice.
 */
export async function syncDueSubscriptions(
  db: Db,
  everyMinutes: number,
  options: SyncOptions = {},
): Promise<{ synced: number; failed: number }> {
  const threshold = new Date(now().getTime() - everyMinutes * 60_000);
  const due = await db
    .select({ id: calendars.id })
    .from(calendars)
    .where(
      and(
        inArray(calendars.kind, ['subscription', 'caldav']),
        or(isNull(calendars.lastSyncedAt), lt(calendars.lastSyncedAt, threshold)),
      ),
    );
  let synced = 0;
  let failed = 0;
  for (const { id } of due) {
    const [claimed] = await db
      .update(calendars)
      .set({ lastSyncedAt: now() })
      .where(
        and(eq(calendars.id, id), or(isNull(calendars.lastSyncedAt), lt(calendars.lastSyncedAt, threshold))),
      )
      .returning({ userId: calendars.userId, workspaceId: calendars.workspaceId });
    if (!claimed) continue;
    const [owner] = await db
      .select({ role: users.role, timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, claimed.userId));
    if (!owner) continue;
    try {
      await syncSubscription(
        db,
        { userId: claimed.userId, workspaceId: claimed.workspaceId, ...owner },
        id,
        options,
      );
      synced++;
    } catch {
      failed++; // kept on the calendar as lastError
    }
  }
  return { synced, failed };
}
