import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DAVCalendar, DAVObject, smartCollectionSyncDetailed } from 'tsdav';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { caldavCollections, caldavObjects, type calendars } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { MAX_IMPORT_BYTES, tooLarge } from '../limits.ts';
import { type ImportSummary, importCalendar } from '../merge.ts';
import type { CaldavOptions } from './conversation.ts';
import { talk } from './conversation.ts';
import { type CaldavSession, openSession, sameHref } from './discover.ts';
import { WRITTEN_MARK, type WrittenBack, writeBack } from './write-back.ts';

/** How the server told what changed, and how much. */
export interface RemoteChanges {
  /** `sync-token`: an RFC 6578 sync-collection report; `etag`: the CTag moved, ETags compared. */
  method: 'sync-token' | 'etag';
  changed: number;
  removed: number;
  /** What was written into the write-back calendar, if there is one. */
  written?: WrittenBack;
}

type CalendarRow = typeof calendars.$inferSelect;
type Stored = Map<string, { etag: string | null; data: string }>;

interface CollectionChanges {
  id: string;
  method: RemoteChanges['method'];
  changed: DAVObject[];
  removed: string[];
  syncToken: string | null;
  ctag: string | null;
}

/**
 * Brings a CalDAV calendar up to date: each chosen collection asks the server only what changed
 * (sync-token; without one, the CTag and then every ETag), the objects kept from earlier syncs are
 * patched with the answer, and the whole calendar goes through the same merge as an .ics
 * subscription (rules, review inbox, manual classifications kept, vanished events removed). The
 * merge comes first and the objects and tokens are stored after it, so a failed merge is fetched
 * again next time rather than forgotten. `summary` is null when the server had no change.
 */
export async function syncCaldav(
  db: Db,
  actor: Actor,
  calendar: CalendarRow,
  password: string,
  options: CaldavOptions = {},
  /** The discovery connecting just did, when this is the first sync: not asked again. */
  opened?: CaldavSession,
): Promise<{ summary: ImportSummary | null; remote: RemoteChanges }> {
  const session =
    opened ??
    (await openSession({ url: calendar.url ?? '', username: calendar.username ?? '', password }, options));
  const collections = await db
    .select()
    .from(caldavCollections)
    .where(eq(caldavCollections.calendarId, calendar.id));
  const stored = await storedObjects(
    db,
    collections.map((c) => c.id),
  );
  const remotes = new Map<string, DAVCalendar>();
  const changes = await talk(session.talking, async () => {
    const found: CollectionChanges[] = [];
    for (const collection of collections) {
      const remote = session.calendars.find((c) => sameHref(c.url, collection.href));
      if (remote) remotes.set(collection.id, remote);
      else {
        throw new AppError(
          'bad_request',
          `the calendar “${collection.name}” is no longer on the server: remove this calendar and connect it again`,
        );
      }
      found.push(await changesOf(session, remote, collection, stored.get(collection.id) ?? new Map()));
    }
    return found;
  });
  const remote: RemoteChanges = {
    method: changes.every((c) => c.method === 'sync-token') ? 'sync-token' : 'etag',
    changed: changes.reduce((sum, c) => sum + c.changed.length, 0),
    removed: changes.reduce((sum, c) => sum + c.removed.length, 0),
  };
  let summary: ImportSummary | null = null;
  if (remote.changed + remote.removed === 0) await saveTokens(db, changes);
  else {
    for (const change of changes) apply(stored, change);
    summary = await importCalendar(db, actor, {
      calendar: { id: calendar.id },
      calendarKind: 'caldav',
      text: calendarText(stored),
      skipInvalid: true,
    });
    await saveObjects(db, changes);
  }
  const target = collections.find((c) => c.writeBack);
  const targetRemote = target && remotes.get(target.id);
  if (target && targetRemote) {
    // The events above are kept whatever happens here; each event written is recorded as it is
    // written, so the next sync goes on where this one stopped.
    remote.written = await talk(session.talking, () =>
      writeBack(db, actor, session, { id: target.id, remote: targetRemote }),
    ).catch((error: AppError) => {
      throw new AppError(
        error.code,
        `your events were synced, but writing your plan into “${target.name}” failed (${error.message}): the next sync tries again`,
      );
    });
  }
  return { summary, remote };
}

async function changesOf(
  session: CaldavSession,
  remote: DAVCalendar,
  collection: typeof caldavCollections.$inferSelect,
  stored: Stored,
): Promise<CollectionChanges> {
  const { calendarMultiGet, fetchCalendarObjects, smartCollectionSyncDetailed } = await import('tsdav');
  const base = {
    ...remote,
    objects: [...stored].map(([url, { etag }]) => ({ url, etag: etag ?? undefined })),
    objectMultiGet: calendarMultiGet,
    // tsdav hands `collection`, its calendar reader wants `calendar`.
    fetchObjects: (params?: {
      collection: DAVCalendar;
      headers?: Record<string, string>;
      fetch?: typeof fetch;
    }) =>
      fetchCalendarObjects({
        calendar: params?.collection ?? remote,
        headers: params?.headers,
        fetch: params?.fetch,
      }),
  };
  const common = { account: session.account, headers: session.headers, fetch: session.talking.fetch };
  const asked = (
    method: RemoteChanges['method'],
    result: Awaited<ReturnType<typeof smartCollectionSyncDetailed>>,
  ) => ({
    id: collection.id,
    method,
    changed: [...result.objects.created, ...result.objects.updated].filter((o) => typeof o.data === 'string'),
    removed: result.objects.deleted.map((o) => o.url),
    syncToken: typeof result.syncToken === 'string' ? result.syncToken : null,
    ctag: remote.ctag == null ? null : String(remote.ctag),
  });
  const tokens = Array.isArray(remote.reports) && remote.reports.includes('syncCollection');
  if (tokens) {
    try {
      const result = await smartCollectionSyncDetailed({
        ...common,
        collection: { ...base, syncToken: collection.syncToken ?? '' },
        method: 'webdav',
      });
      return asked('sync-token', result);
    } catch (error) {
      if (error instanceof AppError) throw error;
      // The token expired or the report failed: compare every ETag instead (below).
    }
  }
  const result = await smartCollectionSyncDetailed({
    ...common,
    // After a failed report the CTag proves nothing: every ETag is compared.
    collection: { ...base, ctag: tokens ? undefined : (collection.ctag ?? undefined), syncToken: undefined },
    method: 'basic',
  });
  return { ...asked('etag', result), syncToken: null };
}

async function storedObjects(db: Db, collectionIds: string[]): Promise<Map<string, Stored>> {
  const byCollection = new Map<string, Stored>(collectionIds.map((id) => [id, new Map()]));
  if (collectionIds.length === 0) return byCollection;
  const rows = await db
    .select()
    .from(caldavObjects)
    .where(inArray(caldavObjects.collectionId, collectionIds));
  for (const row of rows)
    byCollection.get(row.collectionId)?.set(row.href, { etag: row.etag, data: row.data });
  return byCollection;
}

function apply(stored: Map<string, Stored>, change: CollectionChanges) {
  const objects = stored.get(change.id) ?? new Map();
  for (const href of change.removed) objects.delete(href);
  for (const object of change.changed)
    objects.set(object.url, { etag: object.etag ?? null, data: object.data });
  stored.set(change.id, objects);
}

/** Every object's VCALENDAR one after another: the .ics reader takes each VEVENT and VTIMEZONE. */
function calendarText(stored: Map<string, Stored>): string {
  const parts = ['BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Linchpin//CalDAV//EN\r\nEND:VCALENDAR'];
  let size = parts[0]?.length ?? 0;
  for (const objects of stored.values()) {
    for (const { data } of objects.values()) {
      if (data.includes(WRITTEN_MARK)) continue; // Linchpin's own plan actions, not meetings
      size += data.length;
      if (size > MAX_IMPORT_BYTES) throw tooLarge(size);
      parts.push(data.trim());
    }
  }
  return `${parts.join('\r\n')}\r\n`;
}

const BATCH = 200;

async function saveObjects(db: Db, changes: CollectionChanges[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const change of changes) {
      if (change.removed.length > 0) {
        await tx
          .delete(caldavObjects)
          .where(and(eq(caldavObjects.collectionId, change.id), inArray(caldavObjects.href, change.removed)));
      }
      for (let i = 0; i < change.changed.length; i += BATCH) {
        const rows = change.changed.slice(i, i + BATCH).map((o) => ({
          collectionId: change.id,
          href: o.url,
          etag: o.etag ?? null,
          data: o.data as string,
        }));
        await tx
          .insert(caldavObjects)
          .values(rows)
          .onConflictDoUpdate({
            target: [caldavObjects.collectionId, caldavObjects.href],
            set: { etag: sql`excluded.etag`, data: sql`excluded.data` },
          });
      }
      await tx
        .update(caldavCollections)
        .set({ syncToken: change.syncToken, ctag: change.ctag })
        .where(eq(caldavCollections.id, change.id));
    }
  });
}

async function saveTokens(db: Db, changes: CollectionChanges[]): Promise<void> {
  for (const change of changes) {
    await db
      .update(caldavCollections)
      .set({ syncToken: change.syncToken, ctag: change.ctag })
      .where(eq(caldavCollections.id, change.id));
  }
}
