import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiAnswer, ApiBody } from '../../../client/index.ts';
import { api } from '../../api/client.ts';
import { submit } from '../../offline/sync.ts';
import { byId, byWeek, useRefreshingMutation } from '../../shared/query-client.ts';

export type WeekPlan = ApiAnswer<'/plans/{week}', 'get'>;
export type PlanItem = WeekPlan['items'][number];
type RockInput = ApiBody<'/plans/{week}/rocks', 'post'>;
type RockPatch = ApiBody<'/rocks/{id}', 'patch'>;
type ItemInput = ApiBody<'/plan-items', 'post'>;

const keys = {
  all: ['plans'] as const,
  week: (week: string) => ['plans', 'week', week] as const,
  today: ['plans', 'today'] as const,
};

export function usePlan(week: string) {
  return useQuery({ queryKey: keys.week(week), queryFn: () => api.GET('/plans/{week}', byWeek(week)) });
}

/** The plan without suggestions, for the summary beside the week's report. */
export function usePlanFigures(week: string) {
  return useQuery({
    queryKey: [...keys.week(week), 'figures'],
    queryFn: () => api.GET('/plans/{week}', { params: { path: { week }, query: { suggestions: 'false' } } }),
  });
}

export function useToday() {
  return useQuery({
    queryKey: keys.today,
    queryFn: () => api.GET('/today'),
  });
}

/**
 * Plans move the week's figures too (done actions are logged as activities). Not awaited: the form
 * that asked is reset at once, before the refetch shows the result (or it would clear new typing).
 */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of [keys.all, ['week-report'], ['trend'], ['activities'], ['accounts']]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  };
}

export function useAddRock(week: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: RockInput) => api.POST('/plans/{week}/rocks', { ...byWeek(week), body: input }),
    onSuccess: refresh,
  });
}

export function useUpdateRock() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: RockPatch }) =>
      api.PATCH('/rocks/{id}', { ...byId(id), body: patch }),
    onSuccess: refresh,
  });
}

export function useSchedule() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: ItemInput) => api.POST('/plan-items', { body: input }),
    onSuccess: refresh,
  });
}

/** Ticks an action done (or not), or queues the tick on this device without a connection (offline/). */
export function useMarkDone() {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done, title }: { id: string; done: boolean; title: string }) =>
      submit(queryClient, { kind: 'done', itemId: id, done, title }, (headers) =>
        api.PUT('/plan-items/{id}/done', { ...byId(id), body: { done }, headers }),
      ),
    onSuccess: (submitted) => {
      if ('sent' in submitted) refresh();
    },
    networkMode: 'always',
  });
}

export function useUnschedule() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.DELETE('/plan-items/{id}', byId(id)),
    onSuccess: refresh,
  });
}

export type Drain = ApiAnswer<'/time-drains/{quadrant}', 'get'>['items'][number];
export type DrainDecision = ApiBody<'/time-drains/{quadrant}', 'put'>;

export function useDrains(quadrant: 'q3' | 'q4') {
  return useQuery({
    queryKey: ['plans', 'drains', quadrant],
    queryFn: async () => (await api.GET('/time-drains/{quadrant}', { params: { path: { quadrant } } })).items,
  });
}

export function useDecideDrain(quadrant: 'q3' | 'q4') {
  return useRefreshingMutation(
    (input: DrainDecision) =>
      api.PUT('/time-drains/{quadrant}', { params: { path: { quadrant } }, body: input }),
    (queryClient, answer) => queryClient.setQueryData(['plans', 'drains', quadrant], answer.items),
  );
}
