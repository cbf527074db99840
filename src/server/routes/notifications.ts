import {
  markReadSchema,
  notificationListSchema,
  notificationQuerySchema,
  notificationSettingsPatchSchema,
  notificationSettingsSchema,
} from '../../core/notifications/schemas.ts';
import {
  getNotificationSettings,
  listNotifications,
  markRead,
  updateNotificationSettings,
} from '../../core/notifications/service.ts';
import { featureRoutes } from '../operation.ts';

/** The notification centre, notification settings and the digest preview; one-click unsubscribe. */
export const [notificationRoutes, route] = featureRoutes('notifications');
export const [publicMailRoutes, publicRoute] = featureRoutes('notifications');

route.get('/notifications', {
  summary:
    'Your notifications, newest first (the latest 100; unread=true for unread ones), and how many are unread',
  query: notificationQuerySchema,
  responds: [200, 'Notifications', notificationListSchema],
  run: ({ db, actor, query }) => listNotifications(db, actor, { unread: query.unread === 'true' }),
});

route.post('/notifications/read', {
  summary: 'Mark notifications read: some by id, or all',
  body: markReadSchema,
  responds: [204, 'Marked read'],
  run: async ({ db, actor, body }) => {
    await markRead(db, actor, body);
  },
});

route.get('/me/notification-settings', {
  summary:
    'Which digests you get by e-mail (weekly plan, Friday reflection, daily) and whether mail is on at all',
  responds: [200, 'Notification settings', notificationSettingsSchema],
  run: ({ db, actor }) => getNotificationSettings(db, actor.userId),
});

route.put('/me/notification-settings', {
  summary: 'Turn digests on or off (any of the four booleans)',
  body: notificationSettingsPatchSchema,
  responds: [200, 'Notification settings', notificationSettingsSchema],
  run: ({ db, actor, body }) => updateNotificationSettings(db, actor.userId, body),
});
