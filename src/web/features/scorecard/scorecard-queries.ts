import { type QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import type { ApiAnswer, ApiBody } from '../../../client/index.ts';
import { api } from '../../api/client.ts';
import { byId, byToken, useRefreshingMutation } from '../../shared/query-client.ts';

export type RoundSummary = ApiAnswer<'/accounts/{id}/scorecard', 'get'>['items'][number];
export type RoundDetail = ApiAnswer<'/scorecard/rounds/{id}', 'get'>;
export type PublicForm = ApiAnswer<'/public/scorecard/{token}', 'get'>;
type RoundInput = ApiBody<'/accounts/{id}/scorecard', 'post'>;
type RoundPatch = ApiBody<'/scorecard/rounds/{id}', 'patch'>;
type RatingInput = ApiBody<'/scorecard/rounds/{id}/my-rating', 'put'>;
type InvitationInput = ApiBody<'/scorecard/rounds/{id}/invitations', 'post'>;
type MailedInvitationInput = ApiBody<'/scorecard/rounds/{id}/invitations/email', 'post'>;
type ActionInput = ApiBody<'/scorecard/rounds/{id}/actions', 'post'>;
type PublicRatingInput = ApiBody<'/public/scorecard/{token}', 'post'>;
export type ScoreAnswer = RatingInput['scores'][number];

const scorecardKeys = {
  rounds: (accountId: string) => ['accounts', 'scorecard', accountId] as const,
  round: (id: string) => ['scorecard-round', id] as const,
  form: (token: string) => ['rate', token] as const,
};

export function useRounds(accountId: string) {
  return useQuery({
    queryKey: scorecardKeys.rounds(accountId),
    queryFn: async () => (await api.GET('/accounts/{id}/scorecard', byId(accountId))).items,
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: scorecardKeys.round(id),
    queryFn: () => api.GET('/scorecard/rounds/{id}', byId(id)),
  });
}

/** Every change answers with the whole round: put it in place and refresh the account's list. */
function settle(queryClient: QueryClient, round: RoundDetail) {
  queryClient.setQueryData(scorecardKeys.round(round.id), round);
  return queryClient.invalidateQueries({ queryKey: scorecardKeys.rounds(round.accountId) });
}

export function useCreateRound(accountId: string) {
  return useRefreshingMutation(
    (input: RoundInput) => api.POST('/accounts/{id}/scorecard', { ...byId(accountId), body: input }),
    settle,
  );
}

export function useUpdateRound(id: string) {
  return useRefreshingMutation(
    (patch: RoundPatch) => api.PATCH('/scorecard/rounds/{id}', { ...byId(id), body: patch }),
    settle,
  );
}

export function useSaveMyRating(id: string) {
  return useRefreshingMutation(
    (input: RatingInput) => api.PUT('/scorecard/rounds/{id}/my-rating', { ...byId(id), body: input }),
    settle,
  );
}

export function useCreateInvitation(id: string) {
  return useRefreshingMutation(
    (input: InvitationInput) => api.POST('/scorecard/rounds/{id}/invitations', { ...byId(id), body: input }),
    [scorecardKeys.round(id)],
  );
}

/** Mails a rating link (the server sends it through its outbox); 409 when it cannot mail. */
export function useMailInvitation(id: string) {
  return useRefreshingMutation(
    (input: MailedInvitationInput) =>
      api.POST('/scorecard/rounds/{id}/invitations/email', { ...byId(id), body: input }),
    [scorecardKeys.round(id)],
  );
}

export function useRevokeInvitation(roundId: string) {
  return useRefreshingMutation(
    (invitationId: string) => api.DELETE('/scorecard/invitations/{id}', byId(invitationId)),
    [scorecardKeys.round(roundId)],
  );
}

export function useAddAction(id: string) {
  return useRefreshingMutation(
    (input: ActionInput) => api.POST('/scorecard/rounds/{id}/actions', { ...byId(id), body: input }),
    (queryClient, round) =>
      Promise.all([
        settle(queryClient, round),
        ...[['activities'], ['week-report'], ['trend']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ]),
  );
}

export function usePublicForm(token: string) {
  return useQuery({
    queryKey: scorecardKeys.form(token),
    queryFn: () => api.GET('/public/scorecard/{token}', byToken(token)),
    retry: false,
  });
}

export function useSubmitPublicRating(token: string) {
  return useMutation({
    mutationFn: (input: PublicRatingInput) =>
      api.POST('/public/scorecard/{token}', { ...byToken(token), body: input }),
  });
}
