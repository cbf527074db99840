import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecisionInput, DecisionPatch, DecisionView } from '../../../core/decisions/schemas.ts';
import { api } from '../../api/client.ts';

export type { DecisionInput, DecisionPatch, DecisionView };

const keys = {
  all: ['decisions'] as const,
  account: (accountId: string) => ['decisions', 'account', accountId] as const,
  due: (until: string) => ['decisions', 'due', until] as const,
};

export function useDecisions(accountId: string) {
  return useQuery({
    queryKey: keys.account(accountId),
    queryFn: async () =>
      (await api.get<{ items: DecisionView[] }>(`/accounts/${encodeURIComponent(accountId)}/decisions`))
        .items,
  });
}

/** Decisions in force on your accounts whose review-by date has come by `until` (YYYY-MM-DD). */
export function useDecisionsDue(until: string) {
  return useQuery({
    queryKey: keys.due(until),
    queryFn: async () => (await api.get<{ items: DecisionView[] }>(`/decisions/due?until=${until}`)).items,
  });
}

export function useSaveDecision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accountId, input }: { id?: string; accountId: string; input: DecisionInput }) =>
      id
        ? api.patch<DecisionView>(`/decisions/${encodeURIComponent(id)}`, input satisfies DecisionPatch)
        : api.post<DecisionView>(`/accounts/${encodeURIComponent(accountId)}/decisions`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
