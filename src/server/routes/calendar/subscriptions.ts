import { z } from '@hono/zod-openapi';
import { calendarSchema, subscriptionInputSchema, syncResultSchema } from '../../../core/calendar/schemas.ts';
import {
  addSubscription,
  deleteCalendar,
  getCalendar,
  listCalendars,
  syncSubscription,
} from '../../../core/calendar/subscriptions.ts';
import { itemsOf } from '../../context.ts';
import { featureRoutes } from '../../operation.ts';

/** Calendars: imported files and subscriptions to .ics addresses. */
export const [subscriptionRoutes, route] = featureRoutes('import');

route.get('/calendars', {
  summary: 'Your imported calendars and subscriptions',
  responds: [200, 'Calendars by name', itemsOf(calendarSchema)],
  run: async ({ db, actor }) => ({ items: await listCalendars(db, actor) }),
});

route.post('/calendars', {
  summary: 'Subscribe to an .ics address (fetched now, then on a schedule)',
  body: subscriptionInputSchema,
  responds: [
    201,
    'The subscription and its first import',
    z.object({ calendar: calendarSchema, sync: syncResultSchema }),
  ],
  // The calendar at the address is over 50 MB, or has too many events
  errors: [413],
  run: async ({ db, actor, body }) => {
    const id = await addSubscription(db, actor, body);
    try {
      const sync = await syncSubscription(db, actor, id);
      return { calendar: await getCalendar(db, actor, id), sync };
    } catch (error) {
      // A subscription that cannot be read is not kept: the user fixes the address and tries again.
      await deleteCalendar(db, actor, id);
      throw error;
    }
  },
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
