import { z } from 'zod';
import { REFLECTION_PROMPTS } from '../db/schema/index.ts';
import { isoWeekSchema } from '../reports/schemas.ts';

export const weekParamSchema = z.object({ week: isoWeekSchema });

const answer = z.string().trim().max(5000, 'must be at most 5000 characters');

export const reflectionInputSchema = z.strictObject({
  answers: z
    .partialRecord(
      z.enum(REFLECTION_PROMPTS, { error: `must be one of ${REFLECTION_PROMPTS.join(', ')}` }),
      answer,
    )
    .optional(),
  sharedWithTeam: z.boolean().optional().describe('Colleagues in the workspace may read it'),
  inHandover: z.boolean().optional().describe('It may go into the handover packs of your accounts'),
});
export type ReflectionInput = z.infer<typeof reflectionInputSchema>;

const split = z.object({
  q1: z.number().int(),
  q2: z.number().int(),
  q3: z.number().int(),
  q4: z.number().int(),
});

export const reflectionSchema = z.object({
  week: z.string(),
  answers: z.partialRecord(z.enum(REFLECTION_PROMPTS), z.string()),
  sharedWithTeam: z.boolean(),
  inHandover: z.boolean(),
  /** Null until written. */
  updatedAt: z.string().nullable(),
});
export type ReflectionView = z.infer<typeof reflectionSchema>;

export const reflectionHistorySchema = z.object({
  items: z.array(
    reflectionSchema.extend({ minutes: split.describe("That week's counted minutes per quadrant") }),
  ),
});

export const sharedReflectionSchema = reflectionSchema.extend({ author: z.string() });
