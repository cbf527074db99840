import { z } from 'zod';
import { ATTITUDES, STAKEHOLDER_FUNCTIONS, STAKEHOLDER_LEVELS, WARNING_KINDS } from '../db/schema/index.ts';

const fields = {
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().max(200).nullable(),
  email: z
    .email()
    .max(320)
    .transform((e) => e.toLowerCase())
    .nullable(),
  function: z.enum(STAKEHOLDER_FUNCTIONS),
  level: z.enum(STAKEHOLDER_LEVELS),
  buyingOffice: z.boolean(),
  influence: z.number().int().min(1).max(5),
  attitude: z.enum(ATTITUDES),
  strength: z.number().int().min(0).max(5),
  notes: z.string().max(5000).nullable(),
  /** Our people who own the relationship (users of the same workspace). */
  ownerIds: z.array(z.string().min(1).max(100)).max(20),
};

export const stakeholderInputSchema = z.object(fields).partial().required({ name: true }).strict();
export type StakeholderInput = z.infer<typeof stakeholderInputSchema>;

export const stakeholderPatchSchema = z.object(fields).partial().strict();
export type StakeholderPatch = z.infer<typeof stakeholderPatchSchema>;

export const stakeholderSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  function: z.enum(STAKEHOLDER_FUNCTIONS),
  level: z.enum(STAKEHOLDER_LEVELS),
  buyingOffice: z.boolean(),
  influence: z.number().int(),
  attitude: z.enum(ATTITUDES),
  strength: z.number().int(),
  notes: z.string().nullable(),
  owners: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Derived from activities whose attendees include the stakeholder's email. */
  lastContactAt: z.string().nullable(),
  contactsThisQuarter: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StakeholderView = z.infer<typeof stakeholderSchema>;

export const connectivitySchema = z.object({
  coverage: z.array(
    z.object({
      function: z.enum(STAKEHOLDER_FUNCTIONS),
      level: z.enum(STAKEHOLDER_LEVELS),
      stakeholders: z.number().int(),
      strength: z.number().int().nullable(),
    }),
  ),
  warnings: z.array(
    z.object({
      kind: z.enum(WARNING_KINDS),
      message: z.string(),
    }),
  ),
  losingTouch: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      influence: z.number().int(),
      lastContactAt: z.string().nullable(),
      daysSinceContact: z.number().int().nullable(),
    }),
  ),
  breadth: z.object({ functions: z.number().int(), levels: z.number().int() }),
});
