import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  connectivitySchema,
  StakeholderInput,
  StakeholderPatch,
  StakeholderView,
} from '../../../core/stakeholders/schemas.ts';
import { api } from '../../api/client.ts';

export type { StakeholderInput, StakeholderPatch, StakeholderView };
export type Connectivity = z.infer<typeof connectivitySchema>;

export const accountKeys = {
  stakeholders: (accountId: string) => ['stakeholders', accountId] as const,
  connectivity: (accountId: string, days?: number) =>
    days === undefined
      ? (['connectivity', accountId] as const)
      : (['connectivity', accountId, days] as const),
};

export interface Colleague {
  id: string;
  name: string;
}

/** The workspace's people, who can own relationships. */
export function useColleagues() {
  return useQuery({
    queryKey: ['users'],
    queryFn: async () => (await api.get<{ items: Colleague[] }>('/users')).items,
    staleTime: 5 * 60_000,
  });
}

export function useStakeholders(accountId: string) {
  return useQuery({
    queryKey: accountKeys.stakeholders(accountId),
    queryFn: async () =>
      (await api.get<{ items: StakeholderView[] }>(`/accounts/${encodeURIComponent(accountId)}/stakeholders`))
        .items,
  });
}

export function useConnectivity(accountId: string, losingTouchDays = 60) {
  return useQuery({
    queryKey: accountKeys.connectivity(accountId, losingTouchDays),
    queryFn: () =>
      api.get<Connectivity>(
        `/accounts/${encodeURIComponent(accountId)}/connectivity?losingTouchDays=${losingTouchDays}`,
      ),
    placeholderData: (previous) => previous,
  });
}

/** A change to an account's people moves its grid, warnings and losing-touch list too. */
const refreshAccount = (queryClient: QueryClient, accountId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: accountKeys.stakeholders(accountId) }),
    queryClient.invalidateQueries({ queryKey: accountKeys.connectivity(accountId) }),
  ]);

export function useSaveStakeholder(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: StakeholderInput }) =>
      id
        ? api.patch<StakeholderView>(
            `/stakeholders/${encodeURIComponent(id)}`,
            input satisfies StakeholderPatch,
          )
        : api.post<StakeholderView>(`/accounts/${encodeURIComponent(accountId)}/stakeholders`, input),
    onSuccess: () => refreshAccount(queryClient, accountId),
  });
}

export function useDeleteStakeholder(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/stakeholders/${encodeURIComponent(id)}`),
    onSuccess: () => refreshAccount(queryClient, accountId),
  });
}
