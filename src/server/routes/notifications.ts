import { z } from '@hono/zod-openapi';
import { MAIL_KIND_NAMES } from '../../core/db/schema/values.ts';
import { previewDigest, unsubscribe } from '../../core/digest/service.ts';
import { readUnsubscribeToken } from '../../core/digest/unsubscribe.ts';
import { AppError } from '../../core/errors.ts';
import { escapeHtml } from '../../core/mail/layout.ts';
import { trustedOrigin } from '../../core/mail/link-origin.ts';
import { mailTrouble } from '../../core/mail/outbox.ts';
import {
  digestPreviewSchema,
  mailDeliverySchema,
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
import { linkOrigin } from '../auth.ts';
import { featureRoutes } from '../operation.ts';
import { FRAMED_DOCUMENT_POLICY } from '../security-headers.ts';

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

route.get('/me/digest/preview', {
  summary: 'The next digest you would get (its subject, plain text and HTML), as it reads now',
  responds: [200, 'The digest', digestPreviewSchema],
  run: async ({ c, db, actor }) =>
    previewDigest(db, actor, { origin: await linkOrigin(c), secret: c.var.core.secret }),
});

/**
 * The HTML of the next digest as a page of its own, for the preview's frame: a frame written from
 * the app (srcdoc) would inherit the app's policy and lose the mail's inline styles. Framed by the
 * app only, sandboxed, no script and nothing loaded.
 */
route.get('/me/digest/preview/html', {
  summary: 'The next digest’s HTML as a page (what the preview in Settings → Notifications frames)',
  responds: [200, 'The mail as HTML', { 'text/html': z.string() }],
  run: async ({ c, db, actor }) => {
    const { html } = await previewDigest(db, actor, {
      origin: await linkOrigin(c),
      secret: c.var.core.secret,
    });
    return c.html(html, 200, {
      'Content-Security-Policy': FRAMED_DOCUMENT_POLICY,
      'X-Frame-Options': 'SAMEORIGIN',
      'Cache-Control': 'no-store',
    });
  },
});

const tokenParam = z.object({ token: z.string().min(1).max(200) });

/** A small page of its own: the link works from any mail client without the app or a session. */
const page = (title: string, body: string, form = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Linchpin</title></head>
<body style="margin: 0; font-family: system-ui, sans-serif; background: #f3f4f7; color: #1f2430">
<main style="max-width: 460px; margin: 48px auto; padding: 24px; background: #fff; border: 1px solid #e6e8ee; border-radius: 10px">
<p style="margin: 0 0 12px; font-weight: 700; color: #2f5bea">Linchpin</p><h1 style="font-size: 20px; margin: 0 0 12px">${escapeHtml(title)}</h1>
<p style="line-height: 1.5">${escapeHtml(body)}</p>${form}</main></body></html>`;

publicRoute.get('/public/unsubscribe/{token}', {
  summary: 'The page an unsubscribe link opens: one button that turns that digest off (a GET never does)',
  public: true,
  params: tokenParam,
  responds: [200, 'A page with the button', { 'text/html': z.string() }],
  run: async ({ c, params }) => {
    const link = readUnsubscribeToken(c.var.core.secret, params.token);
    if (!link) throw AppError.notFound('unsubscribe link');
    return c.html(
      page(
        'Unsubscribe',
        `Stop getting the ${MAIL_KIND_NAMES[link.kind]}? You can turn it on again in Settings → Notifications.`,
        '<form method="post"><button type="submit" style="padding: 10px 16px; border: 0; border-radius: 6px; background: #2f5bea; color: #fff; font-size: 15px">Unsubscribe</button></form>',
      ),
    );
  },
});

publicRoute.post('/public/unsubscribe/{token}', {
  summary:
    'One-click unsubscribe (RFC 8058 List-Unsubscribe-Post, or the page’s button): that digest is turned off',
  public: true,
  params: tokenParam,
  responds: [200, 'Unsubscribed', { 'text/html': z.string() }],
  run: async ({ c, db, params }) => {
    const { kind, email } = await unsubscribe(db, c.var.core.secret, params.token);
    return c.html(
      page(
        'You are unsubscribed',
        `${email} will no longer get the ${MAIL_KIND_NAMES[kind]}. Other mails and the notification centre are unchanged.`,
      ),
    );
  },
});

route.get('/workspace/mail-delivery', {
  summary:
    'Whether mail is set up, and the mails that failed (waiting for a retry, or given up) — owner only',
  responds: [200, 'Mail delivery', mailDeliverySchema],
  run: async ({ c, db, actor }) => ({
    configured: c.var.core.mailer.configured,
    publicAddress: await trustedOrigin(db),
    problems: await mailTrouble(db, actor),
  }),
});
