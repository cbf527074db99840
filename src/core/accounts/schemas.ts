import { z } from 'zod';

export const MAX_DOMAINS = 50;

// Two or more labels of letters, digits and inner hyphens; the last one starts with a letter.
const HOSTNAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

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

export const accountInputSchema = z.strictObject({
  name,
  domains: domainsSchema.optional().describe('The customer\'s email domains, e.g. ["northwind.com"]'),
});
export type AccountInput = z.infer<typeof accountInputSchema>;

export const accountPatchSchema = z.strictObject({
  name: name.optional(),
  domains: domainsSchema.optional().describe('Replaces the list'),
});
export type AccountPatch = z.infer<typeof accountPatchSchema>;

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
});
export type AccountView = z.infer<typeof accountSchema>;
