import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Rule, RuleInput } from '../../../api/types.ts';
import { useRefreshingMutation } from '../../../shared/query-client.ts';
import { refreshWeekData } from '../../week/week-queries.ts';

export const RULES_KEY = ['rules'] as const;

export function useRules() {
  return useQuery({
    queryKey: RULES_KEY,
    queryFn: async () => (await api.GET('/rules')).items,
  });
}

/** Saving, reordering or deleting a rule re-applies the rules: the review inbox and every week may change. */
const refreshAfterRules = (queryClient: QueryClient) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: RULES_KEY }), refreshWeekData(queryClient)]);

/** Saves a new or changed rule (the server re-applies the rules); resolves with how many events changed. */
export function useSaveRule() {
  return useRefreshingMutation(
    ({ id, input }: { id?: string; input: RuleInput }) =>
      id
        ? api.PATCH('/rules/{id}', { params: { path: { id } }, body: input })
        : api.POST('/rules', { body: input }),
    refreshAfterRules,
  );
}

/** What saving the draft would do to the last and next 8 weeks; with `id` the draft takes that rule's place. */
export function usePreviewRule() {
  return useMutation({
    mutationFn: (draft: RuleInput & { id?: string }) => api.POST('/rules/preview', { body: draft }),
  });
}

export function useToggleRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ rule, enabled }: { rule: Rule; enabled: boolean }) =>
      (await api.PATCH('/rules/{id}', { params: { path: { id: rule.id } }, body: { enabled } })).changed,
    onMutate: ({ rule, enabled }) =>
      queryClient.setQueryData<Rule[]>(RULES_KEY, (rules) =>
        rules?.map((r) => (r.id === rule.id ? { ...r, enabled } : r)),
      ),
    onSettled: () => refreshAfterRules(queryClient),
  });
}

/** Moves at once on screen, then saves the order; on failure the list is fetched again. */
export function useReorderRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['reorder-rules'],
    mutationFn: async (ids: string[]) => (await api.POST('/rules/reorder', { body: { ids } })).changed,
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: RULES_KEY });
      queryClient.setQueryData<Rule[]>(RULES_KEY, (rules) =>
        rules ? ids.flatMap((id) => rules.filter((r) => r.id === id)) : rules,
      );
    },
    // A refetch while another move is saving would briefly undo that move on screen.
    onSettled: () =>
      queryClient.isMutating({ mutationKey: ['reorder-rules'] }) === 1
        ? refreshAfterRules(queryClient)
        : undefined,
  });
}

export function useDeleteRule() {
  return useRefreshingMutation(
    (rule: Rule) => api.DELETE('/rules/{id}', { params: { path: { id: rule.id } } }),
    refreshAfterRules,
  );
}
