import { QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, isApiError, onUnauthenticated } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export const ME_KEY = ['me'] as const;
export const SETUP_KEY = ['setup'] as const;

const isClientError = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status < 500;

// In sessionStorage so a reload still knows this tab was signed in: a session that ended meanwhile
// (deactivated, expired) is then explained on the sign-in page instead of looking like a first visit.
const HAD_SESSION = 'linchpin.had-session';
let note: string | null = null;

/** Why the sign-in page is shown, when it is not simply a first visit; read once by that page. */
export const signInNote = {
  peek: () => note,
  set: (text: string) => {
    note = text;
  },
  clear: () => {
    note = null;
  },
};

export const SIGNED_OUT_NOTE = 'You were signed out. Sign in again to continue.';

/** The `me` query's answer: remembers a session, or explains one that ended while this tab had it. */
export function sessionSeen(me: Me | null): Me | null {
  if (me) sessionStorage.setItem(HAD_SESSION, '1');
  else if (sessionStorage.getItem(HAD_SESSION)) {
    sessionStorage.removeItem(HAD_SESSION);
    note = SIGNED_OUT_NOTE;
  }
  return me;
}

// Everything but who is signed in and whether setup is needed: `clear()` would also drop the
// queries App is subscribed to, leaving it on the old screen.
const forgetData = (client: QueryClient) =>
  client.removeQueries({
    predicate: (query) => query.queryKey[0] !== ME_KEY[0] && query.queryKey[0] !== SETUP_KEY[0],
  });

/** Someone signed in (setup, an accepted invitation): nothing of an earlier session's data stays. */
export function startSession(client: QueryClient, me: Me) {
  forgetData(client);
  client.setQueryData(SETUP_KEY, { needed: false });
  client.setQueryData(ME_KEY, sessionSeen(me));
  note = null;
}

/** Signed out (App shows sign-in first), then the previous user's data is forgotten; `why` becomes the note. */
export function endSession(client: QueryClient, why?: string) {
  sessionStorage.removeItem(HAD_SESSION);
  note = why ?? null;
  client.setQueryData(ME_KEY, null);
  forgetData(client);
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => !isClientError(error) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
  // A session that ends under the person (deactivated, expired, signed out elsewhere) sends them to
  // sign-in on the next request of any kind; a 401 while nobody is signed in (a wrong password) does not.
  onUnauthenticated(() => {
    if (client.getQueryData(ME_KEY)) endSession(client, SIGNED_OUT_NOTE);
  });
  return client;
}

/** The `params` of an operation on one thing named in its path, e.g. `byPath({ id })` for `/rocks/{id}`. */
export const byPath = <P extends Record<string, string>>(path: P) => ({ params: { path } });
export const byId = (id: string) => byPath({ id });
export const byWeek = (week: string) => byPath({ week });
export const byToken = (token: string) => byPath({ token });

/** A query's `retry` for a link or code the server may answer "no" to: only a failure without an answer is tried again. */
export const retryUnlessAnswered = (count: number, error: unknown) => !isApiError(error) && count < 2;

/**
 * A change on the server and what it makes stale: once it succeeds, the queries under each key of
 * `refresh` are fetched again, or `refresh` gets the answer (to put it in place) and says what to wait for.
 */
export function useRefreshingMutation<TData, TVariables = void>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  refresh: readonly QueryKey[] | ((queryClient: QueryClient, data: TData) => unknown),
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (data: TData) =>
      typeof refresh === 'function'
        ? refresh(queryClient, data)
        : Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
