import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionInput,
  InvitationInput,
  PublicForm,
  PublicRatingInput,
  RatingInput,
  RoundDetail,
  RoundInput,
  RoundPatch,
  RoundSummary,
} from '../../../core/scorecard/schemas.ts';
import { api } from '../../api/client.ts';

export type { PublicForm, RoundDetail, RoundSummary };
export type ScoreAnswer = RatingInput['scores'][number];

const scorecardKeys = {
  rounds: (accountId: string) => ['accounts', 'scorecard', accountId] as const,
  round: (id: string) => ['scorecard-round', id] as const,
  form: (token: string) => ['rate', token] as const,
};

const roundPath = (id: string, rest = '') => `/scorecard/rounds/${encodeURIComponent(id)}${rest}`;

export function useRounds(accountId: string) {
  return useQuery({
    queryKey: scorecardKeys.rounds(accountId),
    queryFn: async () =>
      (await api.get<{ items: RoundSummary[] }>(`/accounts/${encodeURIComponent(accountId)}/scorecard`))
        .items,
  });
}

export function useRound(id: string) {
  return useQuery({ queryKey: scorecardKeys.round(id), queryFn: () => api.get<RoundDetail>(roundPath(id)) });
}

/** Every change answers with the whole round: put it in place and refresh the account's list. */
function settle(queryClient: QueryClient, round: RoundDetail) {
  queryClient.setQueryData(scorecardKeys.round(round.id), round);
  return queryClient.invalidateQueries({ queryKey: scorecardKeys.rounds(round.accountId) });
}

export function useCreateRound(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RoundInput) =>
      api.post<RoundDetail>(`/accounts/${encodeURIComponent(accountId)}/scorecard`, input),
    onSuccess: (round) => settle(queryClient, round),
  });
}

export function useUpdateRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: RoundPatch) => api.patch<RoundDetail>(roundPath(id), patch),
    onSuccess: (round) => settle(queryClient, round),
  });
}

export function useSaveMyRating(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RatingInput) => api.put<RoundDetail>(roundPath(id, '/my-rating'), input),
    onSuccess: (round) => settle(queryClient, round),
  });
}

export function useCreateInvitation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationInput) =>
      api.post<{ id: string; token: string; expiresAt: string; path: string }>(
        roundPath(id, '/invitations'),
        input,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scorecardKeys.round(id) }),
  });
}

export function useRevokeInvitation(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.delete(`/scorecard/invitations/${encodeURIComponent(invitationId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scorecardKeys.round(roundId) }),
  });
}

export function useAddAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActionInput) => api.post<RoundDetail>(roundPath(id, '/actions'), input),
    onSuccess: (round) =>
      Promise.all([
        settle(queryClient, round),
        ...[['activities'], ['week-report'], ['trend']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ]),
  });
}

export function usePublicForm(token: string) {
  return useQuery({
    queryKey: scorecardKeys.form(token),
    queryFn: () => api.get<PublicForm>(`/public/scorecard/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useSubmitPublicRating(token: string) {
  return useMutation({
    mutationFn: (input: PublicRatingInput) =>
      api.post<void>(`/public/scorecard/${encodeURIComponent(token)}`, input),
  });
}
