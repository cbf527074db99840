import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { DAVCalendar } from 'tsdav';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { caldavWritten, type WrittenState } from '../../db/schema/index.ts';
import { FEED_DAYS_AHEAD, FEED_DAYS_BACK, planEntry, planOf } from '../../feed/service.ts';
import { addEvent, newCalendar, stampNow } from '../../plan/ics.ts';
import { addDays, todayIn } from '../../time/days.ts';
import type { CaldavSession } from './discover.ts';

/** Marks every event Linchpin writes, so a sync never imports it back as a meeting. */
export const WRITTEN_MARK = 'X-LINCHPIN-PLAN-ITEM';

export interface WrittenBack {
  created: number;
  updated: number;
  removed: number;
  /**
   * Events edited, replaced or deleted on the server since Linchpin wrote them: the server's
   * version is left alone from then on, and each is counted once, on the sync that finds it.
   */
  conflicts: number;
}

type Common = { headers: Record<string, string>; fetch: typeof fetch };

/**
 * Writes the person's scheduled plan actions (the feed's window: four weeks back, 26 ahead) into
 * one calendar on the server: new actions are created (If-None-Match: *), changed ones rewritten
 * and gone ones deleted, each only at the address Linchpin created and only while it still has the
 * ETag Linchpin wrote (If-Match). Nothing else in the calendar is ever touched.
 *
 * When the server refuses (412), its copy decides: already what Linchpin would write (an earlier
 * write whose answer was lost) → its ETag is taken, silently; edited on the server, or not
 * Linchpin's → the server's edit wins and the event is left alone; deleted on the server → a
 * tombstone, so it is not written again. Each is recorded, so it is reported once, not every sync.
 */
export async function writeBack(
  db: Db,
  actor: Actor,
  session: CaldavSession,
  collection: { id: string; remote: DAVCalendar },
): Promise<WrittenBack> {
  const today = todayIn(actor.timeZone);
  const items = await planOf(db, actor, addDays(today, -FEED_DAYS_BACK), addDays(today, FEED_DAYS_AHEAD));
  const written = new Map(
    (await db.select().from(caldavWritten).where(eq(caldavWritten.collectionId, collection.id))).map(
      (row) => [row.planItemId, row],
    ),
  );
  const common: Common = { headers: session.headers, fetch: session.talking.fetch };
  const { createCalendarObject, deleteCalendarObject, updateCalendarObject } = await import('tsdav');
  const result: WrittenBack = { created: 0, updated: 0, removed: 0, conflicts: 0 };
  const record = (
    planItemId: string,
    row: { href: string; etag: string | null; hash: string; state: WrittenState },
  ) =>
    db
      .insert(caldavWritten)
      .values({ collectionId: collection.id, planItemId, ...row })
      .onConflictDoUpdate({
        target: [caldavWritten.collectionId, caldavWritten.planItemId],
        set: { href: row.href, etag: row.etag, hash: row.hash, state: row.state },
      });
  const forget = (planItemId: string) =>
    db
      .delete(caldavWritten)
      .where(and(eq(caldavWritten.collectionId, collection.id), eq(caldavWritten.planItemId, planItemId)));

  for (const item of items) {
    const entry = planEntry(item);
    const hash = createHash('sha1')
      .update(JSON.stringify([entry, actor.timeZone]))
      .digest('hex');
    const before = written.get(item.id);
    written.delete(item.id);
    // Edited or deleted on the server: the person's edit there stands.
    if (before && before.state !== 'written') continue;
    if (before?.hash === hash) continue;
    const calendar = newCalendar('-//Linchpin//Plan write-back//EN', 'Linchpin plan');
    addEvent(calendar, entry, { timeZone: actor.timeZone, stamp: stampNow() });
    calendar.getFirstSubcomponent('vevent')?.updatePropertyWithValue(WRITTEN_MARK.toLowerCase(), item.id);
    const data = calendar.toString();
    const href = before?.href ?? objectHref(collection.remote, item.id);
    const res = before
      ? await updateCalendarObject({
          calendarObject: { url: href, data, etag: before.etag ?? undefined },
          ...common,
        })
      : await createCalendarObject({
          calendar: collection.remote,
          iCalString: data,
          filename: fileName(item.id),
          ...common,
        });
    if (res.ok) {
      await record(item.id, { href, etag: res.headers.get('etag'), hash, state: 'written' });
      result[before ? 'updated' : 'created']++;
      continue;
    }
    if (res.status !== 412 && res.status !== 404)
      throw new Error(`PUT ${href}: ${res.status} ${res.statusText}`);
    const server = await serverCopy(href, common);
    if (!server) {
      // Deleted on the server: a tombstone, not written again. (Never written: tried next sync.)
      if (!before) continue;
      await record(item.id, { href, etag: null, hash, state: 'deleted' });
      result.conflicts++;
    } else if (sameEvent(server.data, data, item.id)) {
      await record(item.id, { href, etag: server.etag, hash, state: 'written' });
    } else {
      await record(item.id, { href, etag: server.etag, hash, state: 'kept' });
      result.conflicts++;
    }
  }

  // What is left was written for actions that are gone (or moved out of the window).
  for (const gone of written.values()) {
    if (gone.state === 'written') {
      const res = await deleteCalendarObject({
        calendarObject: { url: gone.href, etag: gone.etag ?? undefined },
        ...common,
      });
      if (!res.ok && res.status !== 404 && res.status !== 412) {
        throw new Error(`DELETE ${gone.href}: ${res.status} ${res.statusText}`);
      }
      // 412: edited on the server since, so theirs now and left there.
      if (res.status === 412) result.conflicts++;
      else result.removed++;
    }
    await forget(gone.planItemId);
  }
  return result;
}

const fileName = (planItemId: string) => `linchpin-plan-${planItemId}.ics`;

const objectHref = (remote: DAVCalendar, planItemId: string) =>
  new URL(fileName(planItemId), remote.url.replace(/\/?$/, '/')).href;

/** The server's object at `href` with its ETag, or null when it has none there. */
async function serverCopy(
  href: string,
  common: Common,
): Promise<{ data: string; etag: string | null } | null> {
  const res = await common.fetch(href, { method: 'GET', headers: common.headers });
  if (res.status === 404 || res.status === 410) return null;
  if (!res.ok) throw new Error(`GET ${href}: ${res.status} ${res.statusText}`);
  return { data: await res.text(), etag: res.headers.get('etag') };
}

/** Properties every writer restamps: they tell nothing about what the event says. */
const RESTAMPED = new Set(['dtstamp', 'last-modified', 'created', 'sequence']);

/**
 * Whether the server's object is this plan action's event saying what Linchpin would write (the
 * server may fold, order or restamp it its own way).
 */
function sameEvent(server: string, ours: string, planItemId: string): boolean {
  const says = (text: string) => {
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
    if (!event) return null;
    return event
      .getAllProperties()
      .filter((p) => !RESTAMPED.has(p.name))
      .map((p) => p.toICALString())
      .sort()
      .join('\n');
  };
  try {
    const theirs = says(server);
    return theirs?.includes(`${WRITTEN_MARK}:${planItemId}`) === true && theirs === says(ours);
  } catch {
    return false; // not an iCalendar object Linchpin wrote
  }
}
