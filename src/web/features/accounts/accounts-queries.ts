import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  connectivitySchema,
  StakeholderInput,
  StakeholderPatch,
  StakeholderView,
} from '../../../core/stakeholders/schemas.ts';
import { now } from '../../../core/time/clock.ts';
import { api } from '../../api/client.ts';
import type {
  Account,
  AccountInput,
  AccountPatch,
  AccountTime,
  AccountView,
  ActivityPage,
  GoalInput,
  GoalPatch,
  GoalView,
  PersonalLegacy,
  PersonalLegacyInput,
} from '../../api/types.ts';

export type { StakeholderInput, StakeholderPatch, StakeholderView };
export type Connectivity = z.infer<typeof connectivitySchema>;

export type AccountStatus = 'active' | 'archived';

const path = (accountId: string, rest = '') => `/accounts/${encodeURIComponent(accountId)}${rest}`;

export const accountKeys = {
  /** Everything about accounts: an activity change can move their time, goals and last contacts. */
  all: ['accounts'] as const,
  list: (status: AccountStatus) => ['accounts', 'list', status] as const,
  one: (accountId: string) => ['accounts', 'one', accountId] as const,
  time: (accountId: string) => ['accounts', 'time', accountId] as const,
  goals: (accountId: string) => ['accounts', 'goals', accountId] as const,
  personalLegacy: ['personal-legacy'] as const,
  // Under 'accounts' too: meetings logged or imported move last contact and losing touch.
  stakeholders: (accountId: string) => ['accounts', 'stakeholders', accountId] as const,
  connectivity: (accountId: string, days?: number) =>
    days === undefined
      ? (['accounts', 'connectivity', accountId] as const)
      : (['accounts', 'connectivity', accountId, days] as const),
};

/** The workspace's accounts (active ones unless asked), with their stakeholder counts and warnings. */
export function useAccounts(status: AccountStatus = 'active') {
  return useQuery({
    queryKey: accountKeys.list(status),
    queryFn: async () => (await api.get<{ items: Account[] }>(`/accounts?status=${status}`)).items,
    staleTime: 5 * 60_000,
  });
}

export function useAccount(accountId: string) {
  return useQuery({
    queryKey: accountKeys.one(accountId),
    queryFn: () => api.get<AccountView>(path(accountId)),
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

export function useAccountTime(accountId: string) {
  return useQuery({
    queryKey: accountKeys.time(accountId),
    queryFn: () => api.get<AccountTime>(path(accountId, '/time')),
  });
}

const refreshAccounts = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: accountKeys.all });

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountInput) => api.post<AccountView>('/accounts', input),
    onSuccess: () => refreshAccounts(queryClient),
  });
}

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: AccountPatch }) =>
      api.patch<AccountView>(path(id), patch),
    // Renames and domains show on activities and rules too.
    onSuccess: () =>
      Promise.all([
        refreshAccounts(queryClient),
        queryClient.invalidateQueries({ queryKey: ['activities'] }),
      ]),
  });
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, unlinkActivities }: { id: string; unlinkActivities: boolean }) =>
      api.delete(path(id, unlinkActivities ? '?activities=unlink' : '')),
    onSuccess: () =>
      Promise.all([
        refreshAccounts(queryClient),
        ...[['activities'], ['week-report'], ['trend']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ]),
  });
}

export function useGoals(accountId: string | null) {
  return useQuery({
    queryKey: accountKeys.goals(accountId ?? ''),
    queryFn: async () => (await api.get<{ items: GoalView[] }>(path(accountId ?? '', '/goals'))).items,
    enabled: Boolean(accountId),
  });
}

export function useSaveGoal(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: GoalInput }) =>
      id
        ? api.patch<GoalView>(`/goals/${encodeURIComponent(id)}`, input satisfies GoalPatch)
        : api.post<GoalView>(path(accountId, '/goals'), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.goals(accountId) }),
  });
}

export function useDeleteGoal(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/goals/${encodeURIComponent(id)}`),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: accountKeys.goals(accountId) }),
        queryClient.invalidateQueries({ queryKey: ['activities'] }),
      ]),
  });
}

export function usePersonalLegacy() {
  return useQuery({
    queryKey: accountKeys.personalLegacy,
    queryFn: () => api.get<PersonalLegacy>('/me/legacy'),
  });
}

export function useSavePersonalLegacy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonalLegacyInput) => api.put<PersonalLegacy>('/me/legacy', input),
    onSuccess: (saved) => queryClient.setQueryData(accountKeys.personalLegacy, saved),
  });
}

export function useStakeholders(accountId: string) {
  return useQuery({
    queryKey: accountKeys.stakeholders(accountId),
    queryFn: async () =>
      (await api.get<{ items: StakeholderView[] }>(path(accountId, '/stakeholders'))).items,
  });
}

export function useConnectivity(accountId: string, losingTouchDays = 60) {
  return useQuery({
    queryKey: accountKeys.connectivity(accountId, losingTouchDays),
    queryFn: () => api.get<Connectivity>(path(accountId, `/connectivity?losingTouchDays=${losingTouchDays}`)),
    placeholderData: (previous) => previous,
  });
}

/** A change to an account's people moves its grid, warnings, losing-touch list and list card too. */
const refreshPeople = (queryClient: QueryClient, accountId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: accountKeys.stakeholders(accountId) }),
    queryClient.invalidateQueries({ queryKey: accountKeys.connectivity(accountId) }),
    queryClient.invalidateQueries({ queryKey: ['accounts', 'list'] }),
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
        : api.post<StakeholderView>(path(accountId, '/stakeholders'), input),
    onSuccess: () => refreshPeople(queryClient, accountId),
  });
}

export function useDeleteStakeholder(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/stakeholders/${encodeURIComponent(id)}`),
    onSuccess: () => refreshPeople(queryClient, accountId),
  });
}

/** Your latest activities on the account, newest first (others' stay private to them). */
export function useRecentActivities(accountId: string, limit = 8) {
  return useQuery({
    queryKey: ['activities', 'account', accountId, limit],
    queryFn: async () =>
      (
        await api.get<ActivityPage>(
          `/activities?accountId=${encodeURIComponent(accountId)}&order=desc&limit=${limit}&to=${encodeURIComponent(now().toISOString())}`,
        )
      ).items,
  });
}
