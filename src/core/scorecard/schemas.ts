import { z } from 'zod';
import { SCORECARD_SIDES, SCORECARD_SUBJECTS } from '../db/schema/index.ts';

const sideEnum = z.enum(SCORECARD_SIDES, { error: 'must be us or them' });
const subjectEnum = z.enum(SCORECARD_SUBJECTS, { error: `must be one of ${SCORECARD_SUBJECTS.join(', ')}` });

export const scoreInputSchema = z.strictObject({
  target: sideEnum.describe('The organisation rated: us (the supplier) or them (the customer)'),
  subject: subjectEnum,
  score: z.number().int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  evidence: z.string().trim().max(2000, 'must be at most 2000 characters').nullable().optional(),
});

/** A rater's answers; a subject left out is simply not answered. */
export const ratingInputSchema = z.strictObject({
  scores: z
    .array(scoreInputSchema)
    .max(SCORECARD_SUBJECTS.length * 2, 'has more answers than subjects')
    .refine(
      (scores) => new Set(scores.map((s) => `${s.target}/${s.subject}`)).size === scores.length,
      'answers each organisation and subject once',
    ),
});
export type RatingInput = z.infer<typeof ratingInputSchema>;

export const publicRatingInputSchema = ratingInputSchema.extend({
  raterName: z.string().trim().max(200, 'must be at most 200 characters').nullable().optional(),
});
export type PublicRatingInput = z.infer<typeof publicRatingInputSchema>;

export const roundInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  invitedUserIds: z
    .array(z.string().min(1).max(100))
    .max(100)
    .optional()
    .describe('Colleagues asked to rate'),
});
export type RoundInput = z.infer<typeof roundInputSchema>;

export const roundPatchSchema = z.strictObject({
  name: roundInputSchema.shape.name.optional(),
  invitedUserIds: roundInputSchema.shape.invitedUserIds,
  conversationNotes: z.string().trim().max(20_000, 'must be at most 20000 characters').nullable().optional(),
});
export type RoundPatch = z.infer<typeof roundPatchSchema>;

export const invitationInputSchema = z.strictObject({
  label: z.string().trim().max(200, 'must be at most 200 characters').nullable().optional(),
  anonymous: z.boolean().optional(),
  expiresInDays: z
    .number()
    .int()
    .min(1, 'must be 1 to 90')
    .max(90, 'must be 1 to 90')
    .optional()
    .describe('default 21'),
});
export type InvitationInput = z.infer<typeof invitationInputSchema>;

/** A rating link that Linchpin mails to the rater, with the sender's own words (in any language). */
export const mailedInvitationInputSchema = invitationInputSchema.extend({
  to: z
    .string()
    .trim()
    .toLowerCase()
    .max(320, 'must be at most 320 characters')
    .pipe(z.email('must be an email address'))
    .describe("The rater's e-mail address"),
  message: z
    .string()
    .trim()
    .max(4000, 'must be at most 4000 characters')
    .nullable()
    .optional()
    .describe(
      'What the sender writes to the rater, shown above the link (the mail adds no prose of its own)',
    ),
});
export type MailedInvitationInput = z.infer<typeof mailedInvitationInputSchema>;

export const actionInputSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
  startsAt: z.string().optional().describe('When to do it; default next Monday 09:00 in your zone'),
  minutes: z
    .number()
    .int()
    .min(5, 'must be 5 to 480')
    .max(480, 'must be 5 to 480')
    .optional()
    .describe('default 60'),
});
export type ActionInput = z.infer<typeof actionInputSchema>;

const person = z.object({ id: z.string(), name: z.string() });
const average = z.object({ subject: subjectEnum, average: z.number().nullable(), raters: z.number().int() });
const view = z.object({
  raters: z.number().int(),
  average: z.number().nullable(),
  subjects: z.array(average),
});

export const roundSummarySchema = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** Older than 90 days: time for another conversation. */
  stale: z.boolean(),
  views: z.object({ usOnUs: view, usOnThem: view, themOnUs: view, themOnThem: view }),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;

export const roundDetailSchema = roundSummarySchema.extend({
  accountName: z.string(),
  canEdit: z.boolean(),
  gaps: z.array(
    z.object({
      subject: subjectEnum,
      aboutUs: z.number().nullable(),
      aboutThem: z.number().nullable(),
      largest: z.number().nullable(),
    }),
  ),
  conversationNotes: z.string().nullable(),
  invited: z.array(person.extend({ rated: z.boolean() })),
  raters: z.array(z.object({ side: sideEnum, name: z.string().nullable(), submittedAt: z.string() })),
  myScores: z.array(scoreInputSchema.extend({ evidence: z.string().nullable() })),
  evidence: z.array(
    z.object({
      side: sideEnum,
      target: sideEnum,
      subject: subjectEnum,
      score: z.number().int(),
      evidence: z.string(),
      rater: z.string().nullable(),
    }),
  ),
  invitations: z.array(
    z.object({
      id: z.string(),
      label: z.string().nullable(),
      anonymous: z.boolean(),
      expiresAt: z.string(),
      status: z.enum(['open', 'used', 'expired', 'revoked']),
      email: z.string().nullable().describe('Where Linchpin mailed the link; null for a link to copy'),
      mail: z
        .enum(['queued', 'sent', 'reminded', 'failed'])
        .nullable()
        .describe('How far its mail got (queued also while a retry waits); null when not mailed'),
    }),
  ),
  actions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      activityId: z.string().nullable(),
      startsAt: z.string().nullable(),
    }),
  ),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const publicFormSchema = z.object({
  supplier: z.string().describe('The supplier being rated with you (the workspace name)'),
  customer: z.string().describe('Your organisation, as the supplier names it'),
  round: z.string(),
  anonymous: z.boolean(),
  subjects: z.array(subjectEnum),
  expiresAt: z.string(),
});
export type PublicForm = z.infer<typeof publicFormSchema>;
