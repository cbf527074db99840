import { describe, expect, it } from 'vitest';
import { discoveryUrlOf, SsoConfigError, ssoConfigFromEnv } from './config.ts';

const full = {
  LINCHPIN_OIDC_ISSUER: 'https://acme.okta.com/',
  LINCHPIN_OIDC_CLIENT_ID: 'linchpin',
  LINCHPIN_OIDC_CLIENT_SECRET: 'secret',
};

describe('single sign-on configuration', () => {
  it('is off without any of the variables', () => {
    expect(ssoConfigFromEnv({})).toBeNull();
  });

  it('reads the provider, names the button and finds the discovery document', () => {
    const config = ssoConfigFromEnv({ ...full, LINCHPIN_OIDC_NAME: 'Okta' });
    expect(config).toEqual({
      issuer: 'https://acme.okta.com',
      clientId: 'linchpin',
      clientSecret: 'secret',
      name: 'Okta',
      trustEmails: false,
    });
    expect(discoveryUrlOf(config as NonNullable<typeof config>)).toBe(
      'https://acme.okta.com/.well-known/openid-configuration',
    );
    expect(ssoConfigFromEnv({ ...full, LINCHPIN_OIDC_TRUST_EMAILS: '1' })?.trustEmails).toBe(true);
  });

  it('refuses a half-given or malformed configuration, saying what to set', () => {
    expect(() => ssoConfigFromEnv({ LINCHPIN_OIDC_ISSUER: full.LINCHPIN_OIDC_ISSUER })).toThrow(
      /needs all of .*LINCHPIN_OIDC_CLIENT_ID/,
    );
    expect(() => ssoConfigFromEnv({ ...full, LINCHPIN_OIDC_ISSUER: 'acme.okta.com' })).toThrow(
      SsoConfigError,
    );
  });
});
