import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiAnswer, ApiBody } from '../../../client/index.ts';
import { api } from '../../api/client.ts';

export type InheritanceView = NonNullable<ApiAnswer<'/accounts/{id}/inheritance', 'get'>['review']>;
type TransferInput = ApiBody<'/accounts/{id}/transfer', 'post'>;
type VerdictInput = ApiBody<'/inheritance/{id}/precedents/{decisionId}', 'put'>;

const key = (accountId: string) => ['accounts', 'inheritance', accountId] as const;

export function useInheritance(accountId: string) {
  return useQuery({
    queryKey: key(accountId),
    queryFn: async () =>
      (await api.GET('/accounts/{id}/inheritance', { params: { path: { id: accountId } } })).review,
  });
}

export function useTransfer(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransferInput) =>
      api.POST('/accounts/{id}/transfer', { params: { path: { id: accountId } }, body: input }),
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
      api.PUT('/inheritance/{id}/precedents/{decisionId}', {
        params: { path: { id: reviewId, decisionId } },
        body: input,
      }),
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
      api.PUT('/inheritance/{id}/introductions/{stakeholderId}', {
        params: { path: { id: reviewId, stakeholderId } },
        body: { done },
      }),
    onSuccess: (review) => queryClient.setQueryData(key(accountId), review),
  });
}
