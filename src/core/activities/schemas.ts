import { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, CLASSIFICATIONS, EXCLUSION_REASONS } from '../db/schema/index.ts';
import { QUADRANTS } from './quadrant.ts';

const dateTime = z
  .string()
  .describe("ISO 8601 date-time; without an offset it is read in the user's time zone");

const activityFields = {
  title: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  urgent: z.boolean(),
  important: z.boolean(),
  accountId: z.string().min(1).max(100).nullable().optional(),
  account: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe("An existing account's name (case-insensitive), instead of accountId; empty for none"),
  goalId: z
    .string()
    .min(1)
    .max(100)
    .nullable()
    .optional()
    .describe("The legacy goal it served; sets the account when none is given, else must be that account's"),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  commercial: z.boolean().optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  notes: z.string().max(20_000).nullable().optional(),
  timeZone: z.string().max(64).optional().describe("IANA zone; defaults to the user's"),
};

export const activityInputSchema = z.object({
  ...activityFields,
  startsAt: dateTime,
  endsAt: dateTime.optional(),
  minutes: z.number().int('must be a whole number of minutes').optional(),
  source: z.enum(['manual', 'cli']).optional().describe('Where it was logged; imports set their own'),
});
export type ActivityInput = z.infer<typeof activityInputSchema>;

export const activityPatchSchema = z
  .object({
    ...activityFields,
    startsAt: dateTime,
    endsAt: dateTime,
    minutes: z.number().int('must be a whole number of minutes'),
  })
  .partial();
export type ActivityPatch = z.infer<typeof activityPatchSchema>;

export const activityQuerySchema = z.object({
  from: dateTime.optional(),
  to: dateTime.optional(),
  accountId: z.string().max(100).optional(),
  goalId: z.string().max(100).optional(),
  order: z
    .enum(['asc', 'desc'], { error: 'must be asc or desc' })
    .optional()
    .describe('By start: asc (default) or desc, newest first'),
  quadrant: z.enum(QUADRANTS, { error: 'must be one of q1, q2, q3, q4' }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

export const activitySchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  minutes: z.number().int(),
  timeZone: z.string(),
  urgent: z.boolean(),
  important: z.boolean(),
  quadrant: z.enum(QUADRANTS),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  goalId: z.string().nullable(),
  goalTitle: z.string().nullable(),
  kind: z.enum(ACTIVITY_KINDS),
  commercial: z.boolean(),
  status: z.enum(ACTIVITY_STATUSES),
  notes: z.string().nullable(),
  source: z.string(),
  sourceId: z.string().nullable(),
  allDay: z.boolean(),
  /** Set on imported events shown but not counted as time: all_day, multi_day, declined, free. */
  excludedReason: z.enum(EXCLUSION_REASONS).nullable(),
  /** How the quadrant was decided: by hand, by a rule, or not yet (waiting in the review inbox). */
  classification: z.enum(CLASSIFICATIONS),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivityView = z.infer<typeof activitySchema>;

export const activityPageSchema = z.object({
  items: z.array(activitySchema),
  nextCursor: z.string().nullable(),
});
