import { z } from 'zod';
import { activitySchema } from '../activities/schemas.ts';

export const importQuerySchema = z.object({
  calendar: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Calendar to merge into, by name (default: the file name)'),
  calendarId: z.string().min(1).max(100).optional().describe('…or by id'),
  fileName: z.string().max(300).optional(),
  dryRun: z.stringbool().optional().describe('Report what would change without writing'),
  skipInvalid: z.stringbool().optional().describe('Import the readable events and list the rest'),
});

export const importSummarySchema = z.object({
  calendar: z.object({ id: z.string().nullable(), name: z.string() }),
  format: z.enum(['ics', 'csv-generic', 'csv-toggl', 'csv-clockify', 'csv-harvest', 'csv-outlook']),
  dryRun: z.boolean(),
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
  excluded: z.object({
    all_day: z.number().int(),
    multi_day: z.number().int(),
    declined: z.number().int(),
    free: z.number().int(),
  }),
  toReview: z.number().int(),
  skippedCount: z.number().int(),
  skipped: z.array(z.object({ line: z.number().int(), title: z.string().optional(), reason: z.string() })),
  outsideWindow: z.number().int().describe('Calendar events with no occurrence inside the import window'),
  window: z
    .object({ from: z.string(), to: z.string() })
    .describe('The import window (52 weeks back, 8 ahead)'),
});

/** One calendar of a CalDAV server, as its collection says. */
const serverCalendarSchema = z.object({ href: z.string(), name: z.string(), color: z.string().nullable() });

export const calendarSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['file', 'subscription', 'caldav']),
  url: z.string().nullable().describe('Subscriptions (with its secret part masked) and CalDAV calendars'),
  caldav: z
    .object({
      username: z.string(),
      calendars: z.array(
        serverCalendarSchema.extend({
          writeBack: z.boolean().describe('The person’s scheduled plan actions are written into it'),
        }),
      ),
    })
    .nullable()
    .describe(
      'CalDAV only: who signs in and which of the server’s calendars are synced (never the password)',
    ),
  lastSyncedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  activities: z.number().int(),
});

export const subscriptionInputSchema = z.object({
  kind: z.literal('subscription').optional(),
  name: z.string().trim().min(1).max(200),
  url: z.string().trim().min(1).max(2000).describe('https://, http:// or webcal:// address of an .ics feed'),
});

/** CalDAV: how the server told what changed (RFC 6578 sync-token, or CTag and ETags). */
const remoteChangesSchema = z
  .object({
    method: z.enum(['sync-token', 'etag']),
    changed: z.number().int(),
    removed: z.number().int(),
    written: z
      .object({
        created: z.number().int(),
        updated: z.number().int(),
        removed: z.number().int(),
        conflicts: z
          .number()
          .int()
          .describe('Events changed on the server since Linchpin wrote them: left alone'),
      })
      .optional()
      .describe('Plan actions written into the write-back calendar'),
  })
  .optional();

export const syncResultSchema = z.union([
  z.object({ notModified: z.literal(true), calendarId: z.string(), remote: remoteChangesSchema }),
  importSummarySchema.extend({ notModified: z.literal(false), remote: remoteChangesSchema }),
]);

const caldavLogin = {
  url: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .describe('The CalDAV server’s address: its root, your principal or one calendar'),
  username: z.string().trim().min(1).max(320),
  password: z
    .string()
    .min(1)
    .max(1000)
    .describe('An app password where the provider has them; kept encrypted'),
};

export const caldavDiscoverSchema = z.object(caldavLogin);

export const caldavInputSchema = z.object({
  kind: z.literal('caldav'),
  name: z.string().trim().min(1).max(200),
  ...caldavLogin,
  calendars: z
    .array(z.string().min(1).max(2000))
    .min(1)
    .max(100)
    .optional()
    .describe('Hrefs of the discovered calendars to sync (default: the one the address names, or all)'),
  writeBack: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .describe(
      'Href of the calendar to write your scheduled plan actions into (only events Linchpin made are changed)',
    ),
});

export const discoveredCalendarsSchema = z.object({
  calendars: z.array(
    serverCalendarSchema.extend({
      supportsEvents: z.boolean().describe('Holds events (VEVENT): only these can be synced'),
    }),
  ),
  given: z.string().nullable().describe('The calendar the address itself names, if it names one'),
});

export const reviewItemSchema = activitySchema.extend({
  attendees: z.array(
    z.object({ email: z.string().nullable(), name: z.string().nullable(), partstat: z.string().nullable() }),
  ),
  organizer: z.string().nullable(),
  location: z.string().nullable(),
  recurring: z.boolean(),
});

export const reviewDecisionSchema = z.object({
  ids: z.array(z.string().min(1).max(100)).min(1).max(1000),
  urgent: z.boolean(),
  important: z.boolean(),
  accountId: z.string().min(1).max(100).nullable().optional(),
  kind: activitySchema.shape.kind.optional(),
  commercial: z.boolean().optional(),
});
