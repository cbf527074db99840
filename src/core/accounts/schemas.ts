import { z } from 'zod';
import { ACCOUNT_TIERS, WARNING_KINDS } from '../db/schema/index.ts';
import { HOSTNAME } from './domains.ts';

export const MAX_DOMAINS = 50;

/** An email domain such as `customer.com`: trimmed, lower-cased, without `@`. */
export const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'must not be empty')
  .max(253, 'must be at most 253 characters')
  .refine((d) => !d.includes('@'), 'must be a domain without @, e.g. customer.com')
  .refine((d) => d.includes('@') || HOSTNAME.test(d), 'must be a domain name like customer.com');

/** A list of domains, each valid (the service drops repeats). */
export const domainsSchema = z
  .array(domainSchema)
  .max(MAX_DOMAINS, `must have at most ${MAX_DOMAINS} domains`);

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const userId = z.string().min(1).max(100);

const accountFields = {
  name,
  domains: domainsSchema.describe('The customer\'s email domains, e.g. ["northwind.com"]; replaces the list'),
  tier: z.enum(ACCOUNT_TIERS).describe('strategic, key (default), growth or maintain'),
  ownerId: userId.nullable().describe('The Customer Manager who answers for it; defaults to you'),
  memberIds: z
    .array(userId)
    .max(100, 'must have at most 100 people')
    .describe('The account team; replaces it'),
  legacyStatement: z
    .string()
    .trim()
    .max(5000, 'must be at most 5000 characters')
    .nullable()
    .describe('What we want to leave behind at this customer'),
};

export const accountInputSchema = z.object(accountFields).partial().required({ name: true }).strict();
export type AccountInput = z.infer<typeof accountInputSchema>;

export const accountPatchSchema = z
  .object({
    ...accountFields,
    archived: z.boolean().describe('Archive (true) or bring back (false)'),
  })
  .partial()
  .strict();
export type AccountPatch = z.infer<typeof accountPatchSchema>;

const person = z.object({ id: z.string(), name: z.string() });

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  tier: z.enum(ACCOUNT_TIERS),
  owner: person.nullable(),
  /** True when the owner was deactivated and the account waits for a successor. */
  needsOwner: z.boolean(),
  members: z.array(person),
  legacyStatement: z.string().nullable(),
  archivedAt: z.string().nullable(),
  /** Whether the asking user may change the account, its stakeholders and goals. */
  canEdit: z.boolean(),
});
export type AccountView = z.infer<typeof accountSchema>;

export const accountSummarySchema = accountSchema.extend({
  stakeholders: z.number().int(),
  warnings: z.array(z.enum(WARNING_KINDS)),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

export const accountListQuerySchema = z.object({
  status: z
    .enum(['active', 'archived', 'all'], { error: 'must be active, archived or all' })
    .optional()
    .describe('default active'),
});

export const accountDeleteQuerySchema = z.object({
  activities: z
    .enum(['unlink'], { error: 'must be unlink' })
    .optional()
    .describe('Required when the account has activities: they stay, without an account'),
});

/** Minutes per quadrant in one calendar month (the asking user's time zone). */
export const accountTimeSchema = z.object({
  /** "team": everyone's time on the account (owner, team and leaders see it); "mine": only yours. */
  scope: z.enum(['team', 'mine']),
  months: z.array(
    z.object({
      month: z.string().describe('YYYY-MM'),
      q1: z.number().int(),
      q2: z.number().int(),
      q3: z.number().int(),
      q4: z.number().int(),
    }),
  ),
  totalMinutes: z.number().int(),
});
export type AccountTime = z.infer<typeof accountTimeSchema>;
