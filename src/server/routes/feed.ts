import { z } from '@hono/zod-openapi';
import { feedSchema } from '../../core/feed/schemas.ts';
import { feedCalendar, feedUrl, rotateFeed } from '../../core/feed/service.ts';
import { linkOrigin, publicOrigin } from '../auth.ts';
import { featureRoutes } from '../operation.ts';

/** The person's live calendar feed: its secret URL (signed in) and the feed itself (the token is the key). */
export const [feedRoutes, route] = featureRoutes('feed');

route.get('/me/feed', {
  summary: 'The secret address of your calendar feed (made on first use)',
  description:
    'Subscribe to it in Outlook, Google or Apple Calendar (as https:// or webcal://). Anyone with the address can read the feed: rotate it if it leaked.',
  responds: [200, 'The address', feedSchema],
  run: async ({ c, db, actor }) => feedUrl(db, actor, c.var.core.secret, await linkOrigin(c)),
});

route.post('/me/feed/rotate', {
  summary: 'A new address for your calendar feed; the old one stops working at once',
  responds: [200, 'The new address', feedSchema],
  run: async ({ c, db, actor }) => rotateFeed(db, actor, c.var.core.secret, await linkOrigin(c)),
});

export const [publicFeedRoutes, publicRoute] = featureRoutes('feed');

publicRoute.get('/public/feed/{token}', {
  summary: 'A calendar feed (.ics): the token in its address is the key, no sign-in',
  description:
    'Scheduled plan actions (4 weeks back to 26 ahead), review-by dates of decisions and time-drain follow-ups of the person the address belongs to. Any token that opens no feed (unknown, rotated, malformed) is 404.',
  public: true,
  // Any string: a malformed token is just another unknown one (404), not a 400.
  params: z.object({ token: z.string().describe('The token, optionally followed by .ics') }),
  responds: [200, 'The calendar', { 'text/calendar': z.string() }],
  run: async ({ c, db, params }) => {
    // The links inside point where the calendar app reached the feed (no look-up before the token's).
    const ics = await feedCalendar(db, params.token, publicOrigin(c));
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="linchpin.ics"',
      'cache-control': 'private, no-cache',
    });
  },
});
