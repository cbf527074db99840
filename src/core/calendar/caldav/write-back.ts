import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createCalendarObject, type DAVCalendar, deleteCalendarObject, updateCalendarObject } from 'tsdav';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db/client.ts';
import { caldavWritten } from '../../db/schema/index.ts';
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
  /** Events changed or replaced on the server since Linchpin wrote them: left alone, and forgotten. */
  conflicts: number;
}

/**
 * Writes the person's scheduled plan actions (the feed's window: four weeks back, 26 ahead) into
 * one calendar on the server: new actions are created (If-None-Match: *), changed ones rewritten
 * and gone ones deleted, each only at the address Linchpin created and only while it still has the
 * ETag Linchpin wrote (If-Match). Nothing else in the calendar is ever touched.
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
  const common = { headers: session.headers, fetch: session.talking.fetch };
  const result: WrittenBack = { created: 0, updated: 0, removed: 0, conflicts: 0 };
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
    if (before?.hash === hash) continue;
    const calendar = newCalendar('-//Linchpin//Plan write-back//EN', 'Linchpin plan');
    addEvent(calendar, entry, { timeZone: actor.timeZone, stamp: stampNow() });
    calendar.getFirstSubcomponent('vevent')?.updatePropertyWithValue(WRITTEN_MARK.toLowerCase(), item.id);
    const data = calendar.toString();
    if (before) {
      const res = await updateCalendarObject({
        calendarObject: { url: before.href, data, etag: before.etag ?? undefined },
        ...common,
      });
      if (res.status === 412 || res.status === 404) {
        await forget(item.id);
        result.conflicts++;
        continue;
      }
      if (!res.ok) throw new Error(`PUT ${before.href}: ${res.status} ${res.statusText}`);
      await db
        .update(caldavWritten)
        .set({ etag: res.headers.get('etag'), hash })
        .where(and(eq(caldavWritten.collectionId, collection.id), eq(caldavWritten.planItemId, item.id)));
      result.updated++;
    } else {
      const filename = `linchpin-plan-${item.id}.ics`;
      const res = await createCalendarObject({
        calendar: collection.remote,
        iCalString: data,
        filename,
        ...common,
      });
      if (res.status === 412) {
        result.conflicts++; // something else lives at that address: not ours to replace
        continue;
      }
      if (!res.ok) throw new Error(`PUT ${filename}: ${res.status} ${res.statusText}`);
      await db.insert(caldavWritten).values({
        collectionId: collection.id,
        planItemId: item.id,
        href: new URL(filename, collection.remote.url.replace(/\/?$/, '/')).href,
        etag: res.headers.get('etag'),
        hash,
      });
      result.created++;
    }
  }

  // What is left was written for actions that are gone (or moved out of the window).
  for (const gone of written.values()) {
    const res = await deleteCalendarObject({
      calendarObject: { url: gone.href, etag: gone.etag ?? undefined },
      ...common,
    });
    if (!res.ok && res.status !== 404 && res.status !== 412) {
      throw new Error(`DELETE ${gone.href}: ${res.status} ${res.statusText}`);
    }
    await forget(gone.planItemId);
    if (res.status === 412) result.conflicts++;
    else result.removed++;
  }
  return result;
}
