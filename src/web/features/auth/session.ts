import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, authPost, isApiError } from '../../api/client.ts';
import type { SetupInput } from '../../api/types.ts';
import {
  endSession,
  ME_KEY,
  SETUP_KEY,
  sessionSeen,
  signInNote,
  startSession,
} from '../../shared/query-client.ts';

export function useSetupState() {
  return useQuery({
    queryKey: SETUP_KEY,
    queryFn: () => api.GET('/setup'),
    staleTime: Infinity,
  });
}

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return sessionSeen(await api.GET('/me'));
      } catch (error) {
        if (isApiError(error, 401)) return sessionSeen(null);
        throw error;
      }
    },
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

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => authPost('/auth/sign-out', {}),
    onSettled: () => endSession(queryClient),
  });
}
