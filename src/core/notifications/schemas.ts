import { z } from '@hono/zod-openapi';
import { MAIL_KINDS, MAIL_STATUSES, NOTIFICATION_KINDS } from '../db/schema/values.ts';

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  /** Where to act: a path of the web app, e.g. `/#/accounts/…`. */
  url: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});

export const notificationQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
});

export const markReadSchema = z
  .object({
    ids: z.array(z.string().min(1).max(100)).max(500).optional(),
    all: z.boolean().optional(),
  })
  .strict()
  .refine((body) => body.all === true || (body.ids?.length ?? 0) > 0, {
    message: 'give ids to mark read, or all: true',
    path: ['ids'],
  });

export const notificationSettingsSchema = z.object({
  weeklyPlan: z.boolean(),
  fridayReflection: z.boolean(),
  daily: z.boolean(),
  email: z.boolean(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const notificationSettingsPatchSchema = notificationSettingsSchema.partial().strict();

export const digestPreviewSchema = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});

export const mailDeliverySchema = z.object({
  /** An SMTP server is set up (LINCHPIN_SMTP_URL). */
  configured: z.boolean(),
  /** Where links in mail point (LINCHPIN_PUBLIC_URL or the setup address); null: nothing can be mailed yet. */
  publicAddress: z.string().nullable(),
  /** Mails waiting for a retry after a failure, and those given up, newest first (the latest 50). */
  problems: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(MAIL_KINDS),
      status: z.enum(MAIL_STATUSES),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      nextAttemptAt: z.string().nullable(),
      createdAt: z.string(),
      person: z.string().nullable(),
    }),
  ),
});
