import { z } from 'zod';
import { DECISION_STATUSES } from '../db/schema/index.ts';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable();
const day = z.iso.date('must be a date like 2026-12-31');

const fields = {
  title: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  context: text(5000).describe('What was going on, and what was at stake'),
  agreedByUs: text(300).describe('Who agreed on our side'),
  agreedByThem: text(300).describe("Who agreed on the customer's side"),
  decidedOn: day,
  urgent: z.boolean().describe('Made under urgency (a Q1 decision)'),
  precedent: z.boolean().describe('May set a precedent the customer will expect again'),
  scope: text(1000).describe('Where it applies, e.g. "rush orders for the Hamburg DC only"'),
  reviewBy: day.nullable().describe('When to look at it again; shows up in that week'),
  status: z.enum(DECISION_STATUSES, { error: `must be one of ${DECISION_STATUSES.join(', ')}` }),
  statusReason: text(2000).describe('Why it was revisited, retired or undone (required for undone)'),
  replacesId: z.string().min(1).max(100).nullable().describe('The earlier decision this one replaces'),
};

export const decisionInputSchema = z
  .object({
    ...fields,
    fromActivityId: z.string().min(1).max(100).nullable().describe('The (Q1) activity it was made in'),
  })
  .partial()
  .required({ title: true })
  .strict();
export type DecisionInput = z.infer<typeof decisionInputSchema>;

export const decisionPatchSchema = z.object(fields).partial().strict();
export type DecisionPatch = z.infer<typeof decisionPatchSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  title: z.string(),
  context: z.string().nullable(),
  agreedByUs: z.string().nullable(),
  agreedByThem: z.string().nullable(),
  decidedOn: z.string(),
  urgent: z.boolean(),
  fromActivityId: z.string().nullable(),
  precedent: z.boolean(),
  scope: z.string().nullable(),
  reviewBy: z.string().nullable(),
  /** reviewBy has come (today or earlier) and the decision is still in force. */
  reviewDue: z.boolean(),
  status: z.enum(DECISION_STATUSES),
  statusReason: z.string().nullable(),
  replacesId: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DecisionView = z.infer<typeof decisionSchema>;
