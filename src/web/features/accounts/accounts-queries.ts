import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiAnswer, ApiBody } from '../../../client/index.ts';
import { now } from '../../../core/time/clock.ts';
import { api } from '../../api/client.ts';
import type {
  AccountInput,
  AccountPatch,
  GoalInput,
  GoalPatch,
  PersonalLegacyInput,
} from '../../api/types.ts';
import { byId, useRefreshingMutation } from '../../shared/query-client.ts';

export type StakeholderView = ApiAnswer<'/stakeholders/{id}', 'get'>;
export type StakeholderInput = ApiBody<'/accounts/{id}/stakeholders', 'post'>;
export type StakeholderPatch = ApiBody<'/stakeholders/{id}', 'patch'>;
export type Connectivity = ApiAnswer<'/accounts/{id}/connectivity', 'get'>;

export type AccountStatus = 'active' | 'archived';

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
export function useAccounts(status: AccountStatus = 'active', { enabled = true } = {}) {
  return useQuery({
    enabled,
    queryKey: accountKeys.list(status),
    queryFn: async () => (await api.GET('/accounts', { params: { query: { status } } })).items,
    staleTime: 5 * 60_000,
  });
}

export function useAccount(accountId: string) {
  return useQuery({
    queryKey: accountKeys.one(accountId),
    queryFn: () => api.GET('/accounts/{id}', byId(accountId)),
    retry: (count, error) => (error as { status?: number }).status !== 404 && count < 2,
  });
}

export function useAccountTime(accountId: string) {
  return useQuery({
    queryKey: accountKeys.time(accountId),
    queryFn: () => api.GET('/accounts/{id}/time', byId(accountId)),
  });
}

const refreshAccounts = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: accountKeys.all });

export function useCreateAccount() {
  return useRefreshingMutation(
    (input: AccountInput) => api.POST('/accounts', { body: input }),
    refreshAccounts,
  );
}

export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: AccountPatch }) =>
      api.PATCH('/accounts/{id}', { ...byId(id), body: patch }),
    // Renames and domains show on activities and rules too.
    onSuccess: () =>
      Promise.all([
        refreshAccounts(queryClient),
        queryClient.invalidateQueries({ queryKey: ['activities'] }),
      ]),
  });
}

export function useDeleteAccount() {
  return useRefreshingMutation(
    ({ id, unlinkActivities }: { id: string; unlinkActivities: boolean }) =>
      api.DELETE('/accounts/{id}', {
        params: { path: { id }, query: unlinkActivities ? { activities: 'unlink' } : {} },
      }),
    (queryClient) =>
      Promise.all([
        refreshAccounts(queryClient),
        ...[['activities'], ['week-report'], ['trend']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ]),
  );
}

export function useGoals(accountId: string | null) {
  return useQuery({
    queryKey: accountKeys.goals(accountId ?? ''),
    queryFn: async () => (await api.GET('/accounts/{id}/goals', byId(accountId ?? ''))).items,
    enabled: Boolean(accountId),
  });
}

export function useSaveGoal(accountId: string) {
  return useRefreshingMutation(
    ({ id, input }: { id?: string; input: GoalInput }) =>
      id
        ? api.PATCH('/goals/{id}', { ...byId(id), body: input satisfies GoalPatch })
        : api.POST('/accounts/{id}/goals', { ...byId(accountId), body: input }),
    [accountKeys.goals(accountId)],
  );
}

export function useDeleteGoal(accountId: string) {
  return useRefreshingMutation(
    (id: string) => api.DELETE('/goals/{id}', byId(id)),
    [accountKeys.goals(accountId), ['activities']],
  );
}

export function usePersonalLegacy() {
  return useQuery({
    queryKey: accountKeys.personalLegacy,
    queryFn: () => api.GET('/me/legacy'),
  });
}

export function useSavePersonalLegacy() {
  return useRefreshingMutation(
    (input: PersonalLegacyInput) => api.PUT('/me/legacy', { body: input }),
    (queryClient, saved) => queryClient.setQueryData(accountKeys.personalLegacy, saved),
  );
}

export function useStakeholders(accountId: string) {
  return useQuery({
    queryKey: accountKeys.stakeholders(accountId),
    queryFn: async () => (await api.GET('/accounts/{id}/stakeholders', byId(accountId))).items,
  });
}

export function useConnectivity(accountId: string, losingTouchDays = 60) {
  return useQuery({
    queryKey: accountKeys.connectivity(accountId, losingTouchDays),
    queryFn: () =>
      api.GET('/accounts/{id}/connectivity', {
        params: { path: { id: accountId }, query: { losingTouchDays } },
      }),
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
  return useRefreshingMutation(
    ({ id, input }: { id?: string; input: StakeholderInput }) =>
      id
        ? api.PATCH('/stakeholders/{id}', { ...byId(id), body: input satisfies StakeholderPatch })
        : api.POST('/accounts/{id}/stakeholders', { ...byId(accountId), body: input }),
    (queryClient) => refreshPeople(queryClient, accountId),
  );
}

export function useDeleteStakeholder(accountId: string) {
  return useRefreshingMutation(
    (id: string) => api.DELETE('/stakeholders/{id}', byId(id)),
    (queryClient) => refreshPeople(queryClient, accountId),
  );
}

/** Your latest activities on the account, newest first (others' stay private to them). */
export function useRecentActivities(accountId: string, limit = 8) {
  return useQuery({
    queryKey: ['activities', 'account', accountId, limit],
    queryFn: async () =>
      (
        await api.GET('/activities', {
          params: { query: { accountId, order: 'desc', limit, to: now().toISOString() } },
        })
      ).items,
  });
}
