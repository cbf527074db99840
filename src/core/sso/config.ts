/** Single sign-on with one OpenID Connect provider, configured by the environment. */
export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The button's name: "Sign in with <name>". */
  name: string;
  /**
   * Count every address the provider gives as verified (LINCHPIN_OIDC_TRUST_EMAILS=1): for providers
   * whose addresses are the directory's own but that send no email_verified claim (Entra ID).
   */
  trustEmails?: boolean;
}

/** better-auth's id for the provider: its callback is /api/auth/callback/sso. */
export const SSO_PROVIDER_ID = 'sso';

/** A configuration the server cannot start with; its message says what to set. */
export class SsoConfigError extends Error {}

/** The OIDC settings, or null when SSO is off; a half-given or malformed one stops the start. */
export function ssoConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SsoConfig | null {
  const issuer = env.LINCHPIN_OIDC_ISSUER?.trim();
  const clientId = env.LINCHPIN_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.LINCHPIN_OIDC_CLIENT_SECRET?.trim();
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    throw new SsoConfigError(
      'single sign-on needs all of LINCHPIN_OIDC_ISSUER, LINCHPIN_OIDC_CLIENT_ID and LINCHPIN_OIDC_CLIENT_SECRET',
    );
  }
  if (!URL.canParse(issuer) || !/^https?:$/.test(new URL(issuer).protocol)) {
    throw new SsoConfigError(`LINCHPIN_OIDC_ISSUER must be an http(s) address, not "${issuer}"`);
  }
  return {
    issuer: issuer.replace(/\/+$/, ''),
    clientId,
    clientSecret,
    name: env.LINCHPIN_OIDC_NAME?.trim() || 'single sign-on',
    trustEmails: env.LINCHPIN_OIDC_TRUST_EMAILS === '1',
  };
}

/** Where the provider's endpoints and keys are described (OpenID Connect Discovery 1.0). */
export const discoveryUrlOf = (config: SsoConfig) => `${config.issuer}/.well-known/openid-configuration`;
