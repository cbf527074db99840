import { useMutation } from '@tanstack/react-query';
import { apiErrorOf } from '../../../client/index.ts';
import { ApiError, NETWORK_MESSAGE } from '../../api/client.ts';

/**
 * WORKAROUND (server schema gap, as authPost): better-auth's start of single sign-on is not in the
 * OpenAPI document. It answers where the provider's sign-in page is; the browser goes there, and the
 * provider sends it back to /api/auth/callback/sso, which lands on `/` signed in or with ?error=….
 */
async function startSso(): Promise<never> {
  let response: Response;
  try {
    response = await fetch('/api/auth/sign-in/social', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ provider: 'sso', callbackURL: '/', errorCallbackURL: '/' }),
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw apiErrorOf(response.status, body, `The server answered ${response.status}`);
  window.location.assign((body as { url: string }).url);
  // The page is leaving: the button keeps waiting until it has.
  return new Promise<never>(() => {});
}

export const useStartSso = () => useMutation({ mutationFn: startSso });

/**
 * better-auth's codes when the provider's answers at the callback failed: the code exchange (also
 * when the provider did not answer within the server's deadline) and reading who signed in.
 */
const PROVIDER_DID_NOT_FINISH = new Set(['invalid_code', 'unable_to_get_user_info']);

/**
 * Why single sign-on came back without signing in (better-auth's ?error=&error_description=), read
 * once: the address is cleaned so a reload does not show it again.
 */
export function takeSsoError(): string | null {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('error');
  if (!code) return null;
  const description = params.get('error_description');
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  if (description) return description.replace(/^./, (c) => c.toUpperCase());
  if (code === 'access_denied') return 'Sign-in was cancelled at your identity provider.';
  if (PROVIDER_DID_NOT_FINISH.has(code)) {
    return 'Your identity provider did not complete the sign-in: it did not answer in time, or refused it. Try again in a moment; if it keeps happening, ask your workspace owner.';
  }
  return `Single sign-on did not work (${code.replaceAll('_', ' ')}): try again, or ask your workspace owner.`;
}
