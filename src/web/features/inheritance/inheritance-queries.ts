import { useQuery } from '@tanstack/react-query';
import type { ApiAnswer, ApiBody } from '../../../client/index.ts';
import { api } from '../../api/client.ts';
import { useRefreshingMutation } from '../../shared/query-client.ts';

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
  return useRefreshingMutation(
    (input: TransferInput) =>
      api.POST('/accounts/{id}/transfer', { params: { path: { id: accountId } }, body: input }),
    [['accounts'], ['decisions']],
  );
}

export function useJudgePrecedent(accountId: string, reviewId: string) {
  return useRefreshingMutation(
    ({ decisionId, input }: { decisionId: string; input: VerdictInput }) =>
      api.PUT('/inheritance/{id}/precedents/{decisionId}', {
        params: { path: { id: reviewId, decisionId } },
        body: input,
      }),
    (queryClient, review) => {
      queryClient.setQueryData(key(accountId), review);
      return queryClient.invalidateQueries({ queryKey: ['decisions'] });
    },
  );
}

export function useMarkIntroduction(accountId: string, reviewId: string) {
  return useRefreshingMutation(
    ({ stakeholderId, done }: { stakeholderId: string; done: boolean }) =>
      api.PUT('/inheritance/{id}/introductions/{stakeholderId}', {
        params: { path: { id: reviewId, stakeholderId } },
        body: { done },
      }),
    (queryClient, review) => queryClient.setQueryData(key(accountId), review),
  );
}
