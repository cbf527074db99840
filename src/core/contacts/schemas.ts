import { z } from 'zod';
import { STAKEHOLDER_FUNCTIONS, STAKEHOLDER_LEVELS } from '../db/schema/index.ts';
import { CONTACT_FORMATS } from './contact.ts';

export const contactsImportQuerySchema = z.object({
  accountId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Put every contact on this account (default: matched by company name or e-mail domain)'),
  dryRun: z.stringbool().optional().describe('Preview what would change without writing'),
});

/** The person's corrections from the preview, by the row's line. */
export const contactChoicesSchema = z
  .array(
    z
      .object({
        line: z.number().int().min(1),
        level: z.enum(STAKEHOLDER_LEVELS).optional(),
        function: z.enum(STAKEHOLDER_FUNCTIONS).optional(),
        buyingOffice: z.boolean().optional(),
      })
      .strict(),
  )
  .max(100_000);
export type ContactChoices = z.infer<typeof contactChoicesSchema>;

export const CONTACT_ACTIONS = ['added', 'updated', 'unchanged', 'skipped'] as const;

export const contactRowSchema = z.object({
  line: z.number().int(),
  action: z.enum(CONTACT_ACTIONS),
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  account: z.object({ id: z.string(), name: z.string() }).nullable(),
  level: z.enum(STAKEHOLDER_LEVELS),
  function: z.enum(STAKEHOLDER_FUNCTIONS),
  buyingOffice: z.boolean(),
  stakeholderId: z.string().nullable().describe('The existing stakeholder matched (updated or unchanged)'),
  reason: z.string().describe('Why: what is filled in, what matched, or why the row is skipped'),
});
export type ContactRow = z.infer<typeof contactRowSchema>;

export const contactsSummarySchema = z.object({
  format: z.enum(CONTACT_FORMATS),
  dryRun: z.boolean(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  rows: z.array(contactRowSchema).describe('Every row with its action and suggested level and function'),
  unknownCompanies: z
    .array(z.string())
    .describe('Companies that match no account: create them, or pass accountId, and import again'),
});
export type ContactsSummary = z.infer<typeof contactsSummarySchema>;
