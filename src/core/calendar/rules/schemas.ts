import { z } from 'zod';
import { domainSchema } from '../../accounts/schemas.ts';
import { QUADRANTS } from '../../activities/quadrant.ts';
import { ACTIVITY_KINDS } from '../../db/schema/index.ts';
import { wordsOf } from './engine.ts';
import { MAX_REGEX_LENGTH, regexProblem } from './regex.ts';

export const MAX_RULES = 200;
const MAX_DAY = 24 * 60;

const minutes = z
  .number()
  .int('must be a whole number of minutes')
  .min(0, 'must be 0 or more')
  .max(MAX_DAY, `must be at most ${MAX_DAY}`);

// An email (exact) or a domain (it and its subdomains).
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const ruleConditionsSchema = z
  .strictObject({
    titleWords: z
      .array(
        z
          .string()
          .trim()
          .min(1, 'must not be empty')
          .max(100, 'must be at most 100 characters')
          .refine((w) => wordsOf(w).length > 0, 'must contain a letter or digit'),
      )
      .min(1, 'must list at least one word')
      .max(100, 'must list at most 100 words')
      .optional()
      .describe('Any of these words or phrases, as whole words, ignoring case and accents'),
    titleRegex: z
      .string()
      .max(MAX_REGEX_LENGTH, `must be at most ${MAX_REGEX_LENGTH} characters`)
      .superRefine((pattern, ctx) => {
        const problem = regexProblem(pattern);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional()
      .describe('A JavaScript regular expression the title matches, ignoring case'),
    attendeeDomains: z
      .array(domainSchema)
      .min(1, 'must list at least one domain')
      .max(50, 'must list at most 50 domains')
      .optional()
      .describe('Someone attending is from one of these email domains (or a subdomain)'),
    allAttendeesInternal: z
      .boolean()
      .optional()
      .describe('Everyone attending is from your own email domain, and it is not just you'),
    attendeeFromAccount: z
      .boolean()
      .optional()
      .describe("Someone attending is from one of the workspace's accounts' email domains"),
    organizer: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'must not be empty')
      .max(254)
      .refine(
        (o) => EMAIL.test(o) || domainSchema.safeParse(o).success,
        'must be an email address or a domain like customer.com',
      )
      .optional()
      .describe('The organizer: an email address, or a domain'),
    location: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .optional()
      .describe('The location contains this text, ignoring case and accents'),
    minMinutes: minutes.optional().describe('Lasts at least this long'),
    maxMinutes: minutes.optional().describe('Lasts at most this long'),
    recurring: z.boolean().optional().describe('Part of a recurring series (true) or a single event (false)'),
  })
  .superRefine((c, ctx) => {
    if (c.minMinutes !== undefined && c.maxMinutes !== undefined && c.minMinutes > c.maxMinutes) {
      ctx.addIssue({ code: 'custom', path: ['maxMinutes'], message: 'must not be less than minMinutes' });
    }
  })
  .describe('Every condition given must hold; none at all matches every event');

export const ruleActionsSchema = z
  .strictObject({
    accountId: z
      .string()
      .min(1)
      .max(100)
      .nullable()
      .optional()
      .describe('Link to this account (null: no account, which stops the email-domain fallback)'),
    urgent: z.boolean().optional(),
    important: z.boolean().optional(),
    kind: z.enum(ACTIVITY_KINDS).optional(),
    commercial: z.boolean().optional(),
  })
  .refine((a) => Object.values(a).some((v) => v !== undefined), {
    message: 'must set at least one of accountId, urgent, important, kind, commercial',
  })
  .describe('What a matching rule sets; each field is set by the first matching rule that sets it');

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const ruleInputSchema = z.strictObject({
  name,
  enabled: z.boolean().optional(),
  conditions: ruleConditionsSchema.optional(),
  actions: ruleActionsSchema,
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const rulePatchSchema = z.strictObject({
  name: name.optional(),
  enabled: z.boolean().optional(),
  conditions: ruleConditionsSchema.optional().describe('Replaces all conditions'),
  actions: ruleActionsSchema.optional().describe('Replaces all actions'),
});
export type RulePatch = z.infer<typeof rulePatchSchema>;

export const ruleDraftSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('An existing rule being edited: the draft takes its place in the order'),
  name: name.optional(),
  enabled: z.boolean().optional(),
  conditions: ruleConditionsSchema.optional(),
  actions: ruleActionsSchema,
});
export type RuleDraft = z.infer<typeof ruleDraftSchema>;

export const reorderSchema = z.strictObject({
  ids: z
    .array(z.string().min(1).max(100))
    .max(MAX_RULES)
    .describe('All of your rule ids, each once, in the new order'),
});

export const applySchema = z.strictObject({
  activityIds: z.array(z.string().min(1).max(100)).max(10_000).optional(),
});

export const ruleSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  position: z.number().int(),
  conditions: ruleConditionsSchema,
  actions: ruleActionsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RuleView = z.infer<typeof ruleSchema>;

export const previewSchema = z.object({
  matched: z.number().int().describe('Imported events of the last 8 weeks the draft matches'),
  wouldChange: z
    .number()
    .int()
    .describe(
      'Imported events of the last 8 weeks (never manual ones) whose classification saving would change',
    ),
  sample: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        startsAt: z.string(),
        from: z.enum(QUADRANTS).nullable().describe('null: unclassified, in the review inbox'),
        to: z.enum(QUADRANTS).nullable(),
      }),
    )
    .describe('Up to 20 of the events that would change'),
});
export type PreviewResult = z.infer<typeof previewSchema>;
