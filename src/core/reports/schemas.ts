import { z } from 'zod';

/** An ISO week label such as 2026-W47: how every week is named in the API. */
export const isoWeekSchema = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week such as 2026-W47');

const shareSchema = z.object({ minutes: z.number().int(), share: z.number() });
/** Minutes and share of the total per quadrant. */
export const quadrantSplitSchema = z.object({
  q1: shareSchema,
  q2: shareSchema,
  q3: shareSchema,
  q4: shareSchema,
});

const targetResultSchema = z.object({
  min: z.number().optional(),
  max: z.number().optional(),
  actual: z.number(),
  met: z.boolean(),
  off: z.number(),
});
/** How the shares stand against a person's targets, for the quadrants that have one. */
export const targetResultsSchema = z.object({
  q1: targetResultSchema.optional(),
  q2: targetResultSchema.optional(),
  q3: targetResultSchema.optional(),
  q4: targetResultSchema.optional(),
});
