import { useQuery } from '@tanstack/react-query';
import type { ApiAnswer, ApiBody } from '../../../client/index.ts';
import { api } from '../../api/client.ts';
import { useRefreshingMutation } from '../../shared/query-client.ts';

export type DecisionView = ApiAnswer<'/decisions/{id}', 'get'>;
export type DecisionInput = ApiBody<'/accounts/{id}/decisions', 'post'>;
export type DecisionPatch = ApiBody<'/decisions/{id}', 'patch'>;

const keys = {
  all: ['decisions'] as const,
  account: (accountId: string) => ['decisions', 'account', accountId] as const,
  due: (until: string) => ['decisions', 'due', until] as const,
};

export function useDecisions(accountId: string) {
  return useQuery({
    queryKey: keys.account(accountId),
    queryFn: async () =>
      (await api.GET('/accounts/{id}/decisions', { params: { path: { id: accountId } } })).items,
  });
}

/** Decisions in force on your accounts whose review-by date has come by `until` (YYYY-MM-DD). */
export function useDecisionsDue(until: string) {
  return useQuery({
    queryKey: keys.due(until),
    queryFn: async () => (await api.GET('/decisions/due', { params: { query: { until } } })).items,
  });
}

export function useSaveDecision() {
  return useRefreshingMutation(
    ({ id, accountId, input }: { id?: string; accountId: string; input: DecisionInput }) =>
      id
        ? api.PATCH('/decisions/{id}', { params: { path: { id } }, body: input satisfies DecisionPatch })
        : api.POST('/accounts/{id}/decisions', { params: { path: { id: accountId } }, body: input }),
    [keys.all],
  );
}
