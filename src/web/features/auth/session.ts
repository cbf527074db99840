import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, authPost, isApiError } from '../../api/client.ts';
import type { Me, SetupInput } from '../../api/types.ts';
import { forgetQueue } from '../../offline/queue.ts';
import { forgetScreens, lastPerson, restoreScreens } from '../../offline/saved-screens.ts';
import {
  endSession,
  ME_KEY,
  SETUP_KEY,
  sessionSeen,
  signInNote,
  startSession,
} from '../../shared/query-client.ts';
import { useToast } from '../../shared/Toasts.tsx';

/** Without a connection, the app opens as the person last signed in on this device (if any). */
const offline = (error: unknown) => isApiError(error, 0);

export function useSetupState() {
  return useQuery({
    queryKey: SETUP_KEY,
    queryFn: async () => {
      try {
        return await api.GET('/setup');
      } catch (error) {
        if (offline(error) && (await lastPerson())) return { needed: false };
        throw error;
      }
    },
    staleTime: Infinity,
    networkMode: 'offlineFirst',
  });
}

/** The signed-in user, or null when nobody is signed in; their saved screens are restored first. */
export function useMe() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        const me = await api.GET('/me');
        await restoreScreens(queryClient, me);
        return sessionSeen(me);
      } catch (error) {
        if (isApiError(error, 401)) {
          // The session ended (expired, signed out elsewhere): offline, the app must not open as
          // that person any more. Their queue stays for when they sign in again.
          const ended = await lastPerson();
          if (ended) await forgetScreens(ended.id);
          return sessionSeen(null);
        }
        const last = offline(error) ? await lastPerson() : undefined;
        if (!last) throw error;
        await restoreScreens(queryClient, last);
        return last;
      }
    },
    networkMode: 'offlineFirst',
  });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupInput) => api.POST('/setup', { body: input }),
    onSuccess: (me) => startSession(queryClient, me),
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => authPost('/auth/sign-in/email', input),
    onSuccess: () => {
      signInNote.clear();
      return queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

/** Signing out also deletes what this device kept for the person: queued changes, saved screens. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const forgetAndEnd = async () => {
    const me = queryClient.getQueryData<Me | null>(ME_KEY);
    if (me) await Promise.all([forgetQueue(me.id), forgetScreens(me.id)]).catch(() => undefined);
    endSession(queryClient);
  };
  return useMutation({
    mutationFn: () => authPost('/auth/sign-out', {}),
    onSuccess: forgetAndEnd,
    // Offline the server's session goes on: the next visit would be signed in again, so nothing
    // this device keeps for the person (unsent changes above all) is thrown away. A session that
    // had already ended is as good as signed out.
    onError: (error) =>
      isApiError(error, 401)
        ? forgetAndEnd()
        : toast({
            tone: 'error',
            message: offline(error)
              ? 'Not signed out: there is no connection. Your unsent changes are kept; sign out again once online.'
              : `Not signed out: ${error instanceof Error ? error.message : String(error)}`,
          }),
    networkMode: 'always',
  });
}
