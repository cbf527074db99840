import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client.ts';
import type { Me, SetupInput } from '../../api/types.ts';
import { ME_KEY } from '../../shared/query-client.ts';

const SETUP_KEY = ['setup'] as const;

export function useSetupState() {
  return useQuery({
    queryKey: SETUP_KEY,
    queryFn: () => api.get<{ needed: boolean }>('/setup'),
    staleTime: Infinity,
  });
}

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api.get<Me>('/me');
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
  });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupInput) => api.post<Me>('/setup', input),
    onSuccess: (me) => {
      queryClient.setQueryData(SETUP_KEY, { needed: false });
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post('/auth/sign-in/email', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/auth/sign-out', {}),
    onSettled: () => {
      // Signed out first (App shows sign-in), then forget the previous user's data. `clear()` would
      // also drop the queries App is subscribed to, leaving it on the old screen.
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== ME_KEY[0] && query.queryKey[0] !== SETUP_KEY[0],
      });
    },
  });
}
