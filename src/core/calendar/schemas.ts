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
  format: z.enum(['ics', 'csv-generic', 'csv-toggl', 'csv-clockify', 'csv-outlook']),
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

export const calendarSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['file', 'subscription']),
  url: z.string().nullable().describe('Subscriptions only, with its secret part masked'),
  lastSyncedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  activities: z.number().int(),
});

export const subscriptionInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  url: z.string().trim().min(1).max(2000).describe('https://, http:// or webcal:// address of an .ics feed'),
});

export const syncResultSchema = z.union([
  z.object({ notModified: z.literal(true), calendarId: z.string() }),
  importSummarySchema.extend({ notModified: z.literal(false) }),
]);

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
