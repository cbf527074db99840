/**
 * The same-origin API client: the shared typed client (src/client) with the session cookie; a call
 * resolves with the answer's body or throws an ApiError (status 0 when the server cannot be reached).
 */
import { ApiError, apiErrorOf, createApi, type FieldErrors } from '../../client/index.ts';

export { ApiError, type FieldErrors };

let unauthenticatedListener: (() => void) | undefined;

/** The one listener told of every 401 answer (the app drops a session that ended). */
export function onUnauthenticated(listener: () => void) {
  unauthenticatedListener = listener;
}

export const reportUnauthenticated = () => unauthenticatedListener?.();

export const NETWORK_MESSAGE = 'Cannot reach the Linchpin server. Check your connection and try again.';

export const api = createApi({
  baseUrl: '/api',
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  toError: (error) => {
    if (error.status === 401) reportUnauthenticated();
    return error;
  },
  unreachable: () => new ApiError(0, 'network', NETWORK_MESSAGE),
});

/**
 * WORKAROUND (server schema gap): better-auth's routes (`/api/auth/*`) are mounted beside the
 * OpenAPI routes and are not in /api/openapi.json, so they have no generated types. Only sign-in
 * and sign-out are called, and their answers are not read.
 */
export async function authPost(path: '/auth/sign-in/email' | '/auth/sign-out', body: object): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (response.ok) return;
  if (response.status === 401) reportUnauthenticated();
  throw apiErrorOf(
    response.status,
    await response.json().catch(() => undefined),
    `The server answered ${response.status} ${response.statusText}`.trim(),
  );
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);
