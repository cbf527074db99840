import { z } from '@hono/zod-openapi';
import { addCaldavCalendar } from '../../../core/calendar/caldav/connect.ts';
import { discoverCalendars } from '../../../core/calendar/caldav/discover.ts';
import {
  caldavDiscoverSchema,
  caldavInputSchema,
  calendarSchema,
  discoveredCalendarsSchema,
  subscriptionInputSchema,
  syncResultSchema,
} from '../../../core/calendar/schemas.ts';
import {
  addSubscription,
  deleteCalendar,
  getCalendar,
  listCalendars,
  syncSubscription,
} from '../../../core/calendar/subscriptions.ts';
import { itemsOf } from '../../context.ts';
import { featureRoutes } from '../../operation.ts';

/** Calendars: imported files, subscriptions to .ics addresses and CalDAV accounts. */
export const [subscriptionRoutes, route] = featureRoutes('import');

route.get('/calendars', {
  summary: 'Your imported calendars and subscriptions',
  responds: [200, 'Calendars by name', itemsOf(calendarSchema)],
  run: async ({ db, actor }) => ({ items: await listCalendars(db, actor) }),
});

route.post('/calendars', {
  summary: 'Subscribe to an .ics address, or connect CalDAV calendars (synced now, then on a schedule)',
  body: z.discriminatedUnion('kind', [caldavInputSchema, subscriptionInputSchema]),
  responds: [
    201,
    'The calendar and its first import (never the password)',
    z.object({ calendar: calendarSchema, sync: syncResultSchema }),
  ],
  // The calendar at the address is over 50 MB, or has too many events
  errors: [413],
  run: async ({ db, actor, body }) => {
    const id =
      body.kind === 'caldav'
        ? await addCaldavCalendar(db, actor, body)
        : await addSubscription(db, actor, body);
    try {
      const sync = await syncSubscription(db, actor, id);
      return { calendar: await getCalendar(db, actor, id), sync };
    } catch (error) {
      // A subscription that cannot be read is not kept: the user fixes the address and tries again.
      // A CalDAV connection signed in and found its calendars before it was kept: it stays, its
      // error shown, and the next sync finishes what this one started (write-back included).
      if (body.kind !== 'caldav') await deleteCalendar(db, actor, id);
      throw error;
    }
  },
});

route.post('/calendars/discover', {
  summary: 'The calendars a CalDAV server has for this login (nothing is kept)',
  body: caldavDiscoverSchema,
  responds: [200, 'The server’s calendars', discoveredCalendarsSchema],
  run: ({ body }) => discoverCalendars(body),
});

route.post('/calendars/{id}/sync', {
  summary: 'Fetch a subscription now (conditional on ETag / Last-Modified) and merge it',
  responds: [200, 'The merge, or notModified', syncResultSchema],
  errors: [413],
  run: ({ db, actor, params }) => syncSubscription(db, actor, params.id),
});

route.delete('/calendars/{id}', {
  summary: 'Remove a calendar and every activity imported from it',
  responds: [204, 'Removed'],
  run: ({ db, actor, params }) => deleteCalendar(db, actor, params.id),
});
