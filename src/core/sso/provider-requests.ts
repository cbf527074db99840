import {
  authorizationCodeRequest,
  getOAuth2Tokens,
  type OAuth2Tokens,
  parseStringBoolean,
} from 'better-auth/oauth2';
import type { GenericOAuthConfig, GenericOAuthUserInfo } from 'better-auth/plugins/generic-oauth';
import { discoveryUrlOf, type SsoConfig } from './config.ts';

/** How long the callback waits for the provider: for the code exchange, and for its user info. */
export const PROVIDER_DEADLINE_MS = 10_000;

interface Endpoints {
  token: string;
  userInfo: string | null;
}

/** One deadline for all the requests of one step (its timer starts when the step does). */
interface Deadline {
  signal: AbortSignal;
  ms: number;
}

const deadlineOf = (ms: number): Deadline => ({ signal: AbortSignal.timeout(ms), ms });

/**
 * The provider's answer as JSON, within the deadline. Redirects are refused, as better-auth refuses
 * them on its own server-side OAuth requests (a redirect could point anywhere).
 */
async function providerJson(
  config: SsoConfig,
  url: string,
  init: RequestInit,
  deadline: Deadline,
): Promise<Record<string, unknown>> {
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: deadline.signal });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok || !body || typeof body !== 'object') {
      throw new Error(`the identity provider (${config.name}) answered ${response.status} at ${url}`);
    }
    return body as Record<string, unknown>;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new Error(
        `the identity provider (${config.name}) did not answer at ${url} within ${deadline.ms / 1000} seconds`,
      );
    }
    throw error;
  }
}

/** An ID token's claims (the plugin has verified its signature before we read it). */
const claimsOf = (idToken: string): Record<string, unknown> => {
  try {
    return JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return {};
  }
};

/**
 * better-auth's genericOAuth asks the provider's token and userinfo endpoints with no deadline at
 * the callback, so a provider that takes the connection and never answers would hold the person's
 * request forever. These replace those two requests (the plugin's documented `getToken` and
 * `getUserInfo` options) with the same requests under PROVIDER_DEADLINE_MS; a failure sends the
 * person back to the sign-in page with an error. The plugin keeps the endpoints it discovered to
 * itself, so they are read here once (a failed read is retried on the next sign-in). ID tokens are
 * still verified by the plugin, against keys jose fetches with its own 5 s limit.
 */
export function boundedProviderRequests(
  config: SsoConfig,
  deadlineMs = PROVIDER_DEADLINE_MS,
): Required<Pick<GenericOAuthConfig, 'getToken' | 'getUserInfo'>> {
  let discovered: Promise<Endpoints> | undefined;
  const endpoints = (deadline: Deadline): Promise<Endpoints> => {
    discovered ??= providerJson(config, discoveryUrlOf(config), {}, deadline).then((document) => {
      if (typeof document.token_endpoint !== 'string') {
        throw new Error(`the identity provider (${config.name}) names no token_endpoint in its discovery`);
      }
      const userInfo = document.userinfo_endpoint;
      return { token: document.token_endpoint, userInfo: typeof userInfo === 'string' ? userInfo : null };
    });
    discovered.catch(() => {
      discovered = undefined;
    });
    return discovered;
  };

  const getToken = async (data: { code: string; redirectURI: string; codeVerifier?: string }) => {
    const deadline = deadlineOf(deadlineMs);
    const tokenEndpoint = (await endpoints(deadline)).token;
    // better-auth's own request: the same body and client authentication as without this option.
    const { body, headers } = await authorizationCodeRequest({
      code: data.code,
      codeVerifier: data.codeVerifier,
      redirectURI: data.redirectURI,
      options: { clientId: config.clientId, clientSecret: config.clientSecret },
      tokenEndpoint,
    });
    return getOAuth2Tokens(
      await providerJson(config, tokenEndpoint, { method: 'POST', body, headers }, deadline),
    );
  };

  const askUserInfo = async (accessToken: string | undefined) => {
    const deadline = deadlineOf(deadlineMs);
    const { userInfo } = await endpoints(deadline);
    if (!accessToken || !userInfo) return null;
    const headers = { authorization: `Bearer ${accessToken}`, accept: 'application/json' };
    return providerJson(config, userInfo, { headers }, deadline);
  };

  // As the plugin does: the ID token's claims when they name the person, else the userinfo endpoint.
  const userInfoOf = async (tokens: OAuth2Tokens): Promise<GenericOAuthUserInfo | null> => {
    const claims = tokens.idToken ? claimsOf(tokens.idToken) : {};
    const found = claims.sub && claims.email ? claims : await askUserInfo(tokens.accessToken);
    if (!found) return null;
    return {
      ...found,
      id: typeof found.sub === 'string' ? found.sub : undefined,
      emailVerified: parseStringBoolean(found.email_verified as string | boolean | undefined) ?? false,
      image: typeof found.picture === 'string' ? found.picture : undefined,
    };
  };

  const getUserInfo = (tokens: OAuth2Tokens) =>
    // The plugin lets a thrown error become a 500: a null sends the person back with an error.
    userInfoOf(tokens).catch((error: unknown) => {
      console.error(`linchpin: single sign-on could not read who signed in: ${(error as Error).message}`);
      return null;
    });

  return { getToken, getUserInfo };
}
