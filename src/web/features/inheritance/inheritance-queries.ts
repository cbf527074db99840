import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InheritanceView, TransferInput, VerdictInput } from '../../../core/inheritance/service.ts';
import { api } from '../../api/client.ts';

export type { InheritanceView };

const key = (accountId: string) => ['accounts', 'inheritance', accountId] as const;

export function useInheritance(accountId: string) {
  return useQuery({
    queryKey: key(accountId),
    queryFn: async () =>
      (
        await api.get<{ review: InheritanceView | null }>(
          `/accounts/${encodeURIComponent(accountId)}/inheritance`,
        )
      ).review,
  });
}

export function useTransfer(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransferInput) =>
      api.post<InheritanceView>(`/accounts/${encodeURIComponent(accountId)}/transfer`, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['accounts'] }),
        queryClient.invalidateQueries({ queryKey: ['decisions'] }),
      ]),
  });
}

export function useJudgePrecedent(accountId: string, reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ decisionId, input }: { decisionId: string; input: VerdictInput }) =>
      api.put<InheritanceView>(`/inheritance/${reviewId}/precedents/${decisionId}`, input),
    onSuccess: (review) => {
      queryClient.setQueryData(key(accountId), review);
      return queryClient.invalidateQueries({ queryKey: ['decisions'] });
    },
  });
}

export function useMarkIntroduction(accountId: string, reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stakeholderId, done }: { stakeholderId: string; done: boolean }) =>
      api.put<InheritanceView>(`/inheritance/${reviewId}/introductions/${stakeholderId}`, { done }),
    onSuccess: (review) => queryClient.setQueryData(key(accountId), review),
  });
}
