import { z } from 'zod';
import { GOAL_DIMENSIONS, GOAL_STATUSES } from '../db/schema/index.ts';

const longText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable();

export const personalLegacySchema = z.object({
  platform: z.string().nullable().describe('What you stand on: your strengths, network, reputation'),
  pointOfView: z.string().nullable().describe('What you believe about your customers and your industry'),
  mission: z.string().nullable().describe('What you want to be remembered for'),
  updatedAt: z.string().nullable(),
});
export type PersonalLegacy = z.infer<typeof personalLegacySchema>;

export const personalLegacyInputSchema = z
  .object({ platform: longText(2000), pointOfView: longText(2000), mission: longText(2000) })
  .partial()
  .strict();
export type PersonalLegacyInput = z.infer<typeof personalLegacyInputSchema>;

const goalFields = {
  dimension: z.enum(GOAL_DIMENSIONS, {
    error: `must be one of ${GOAL_DIMENSIONS.join(', ')}`,
  }),
  title: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  measure: longText(2000).describe('What success looks like'),
  targetDate: z.iso.date('must be a date like 2027-06-30').nullable(),
  status: z.enum(GOAL_STATUSES, { error: `must be one of ${GOAL_STATUSES.join(', ')}` }),
};

export const goalInputSchema = z
  .object(goalFields)
  .partial()
  .required({ dimension: true, title: true })
  .strict();
export type GoalInput = z.infer<typeof goalInputSchema>;

export const goalPatchSchema = z.object(goalFields).partial().strict();
export type GoalPatch = z.infer<typeof goalPatchSchema>;

export const goalSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  dimension: z.enum(GOAL_DIMENSIONS),
  title: z.string(),
  measure: z.string().nullable(),
  targetDate: z.string().nullable(),
  status: z.enum(GOAL_STATUSES),
  /** Minutes invested so far in activities linked to the goal (everyone's for the account team, else yours). */
  minutes: z.number().int(),
  /** Minutes of linked activities still ahead (planned work). */
  plannedMinutes: z.number().int(),
  minutesLast30Days: z.number().int(),
  activities: z.number().int(),
  lastActivityAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GoalView = z.infer<typeof goalSchema>;
