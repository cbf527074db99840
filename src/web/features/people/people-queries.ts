import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { InvitationInput, JoinInput, Person, PersonPatch } from '../../api/types.ts';
import {
  byToken,
  retryUnlessAnswered,
  startSession,
  useRefreshingMutation,
} from '../../shared/query-client.ts';

/** Everyone in the workspace, deactivated people included; account pickers read the same list. */
export const PEOPLE_KEY = ['users'] as const;
const INVITATIONS_KEY = ['invitations'] as const;

export const fetchPeople = async () => (await api.GET('/users')).items;

export function usePeople() {
  return useQuery({ queryKey: PEOPLE_KEY, queryFn: fetchPeople, staleTime: 5 * 60_000 });
}

/** Whom a picker offers: nobody deactivated, unless already chosen (a form must not drop them silently). */
export const choosable = (people: Person[] | undefined, chosen: readonly (string | null)[] = []) =>
  people?.filter((p) => p.status !== 'deactivated' || chosen.includes(p.id)) ?? [];

export function useUpdatePerson(id: string) {
  return useRefreshingMutation(
    (patch: PersonPatch) => api.PATCH('/users/{id}', { params: { path: { id } }, body: patch }),
    (queryClient, person) => {
      queryClient.setQueryData<Person[]>(PEOPLE_KEY, (people) =>
        people?.map((p) => (p.id === person.id ? person : p)),
      );
      // A deactivated owner leaves accounts that need a new one; a new role changes team views.
      return Promise.all(
        [PEOPLE_KEY, ['accounts'], ['team']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  );
}

/** Invitations, for owners and leaders; `enabled` keeps members from asking. */
export function useInvitations(enabled: boolean) {
  return useQuery({
    queryKey: INVITATIONS_KEY,
    queryFn: () => api.GET('/invitations'),
    enabled,
  });
}

export function useInvite() {
  return useRefreshingMutation(
    (input: InvitationInput) => api.POST('/invitations', { body: input }),
    [INVITATIONS_KEY],
  );
}

export function useWithdrawInvitation() {
  return useRefreshingMutation(
    (id: string) => api.DELETE('/invitations/{id}', { params: { path: { id } } }),
    [INVITATIONS_KEY],
  );
}

/** What an invitation link offers; a used (409), ended (410) or unknown (404) link is an error. */
export function usePublicInvitation(token: string) {
  return useQuery({
    queryKey: ['public-invitation', token],
    queryFn: () => api.GET('/public/invitations/{token}', byToken(token)),
    retry: retryUnlessAnswered,
    staleTime: Infinity,
  });
}

/** Accepting an invitation answers with the new person and signs them in. */
export function useJoin(token: string) {
  return useRefreshingMutation(
    (input: JoinInput) => api.POST('/public/invitations/{token}', { ...byToken(token), body: input }),
    startSession,
  );
}
