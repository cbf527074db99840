import { z } from 'zod';

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((domain) => domain.replace(/^@/, ''))
  .pipe(
    z
      .string()
      .max(253)
      .regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
        'must be a domain like acme.com',
      ),
  );

/** The owner's sign-in settings (Settings → Sign-in). */
export const signInSettingsInputSchema = z.object({
  ssoDomains: z.array(domainSchema).max(50, 'at most 50 domains'),
  passwordsOff: z.boolean(),
});
export type SignInSettingsInput = z.infer<typeof signInSettingsInputSchema>;

export const signInSettingsSchema = signInSettingsInputSchema.extend({
  /** The configured provider's name, or null when the server has no SSO. */
  sso: z.object({ name: z.string() }).nullable(),
});
export type SignInSettings = z.infer<typeof signInSettingsSchema>;
