import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ItemInput, RockInput, RockPatch, WeekPlan } from '../../../core/plan/service.ts';
import { api } from '../../api/client.ts';

export type { WeekPlan };
export type PlanItem = WeekPlan['items'][number];

const keys = {
  all: ['plans'] as const,
  week: (week: string) => ['plans', 'week', week] as const,
  today: ['plans', 'today'] as const,
};

export function usePlan(week: string) {
  return useQuery({ queryKey: keys.week(week), queryFn: () => api.get<WeekPlan>(`/plans/${week}`) });
}

/** The plan without suggestions, for the summary beside the week's report. */
export function usePlanFigures(week: string) {
  return useQuery({
    queryKey: [...keys.week(week), 'figures'],
    queryFn: () => api.get<WeekPlan>(`/plans/${week}?suggestions=false`),
  });
}

export function useToday() {
  return useQuery({
    queryKey: keys.today,
    queryFn: () => api.get<{ day: string; items: PlanItem[] }>('/today'),
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
    mutationFn: (input: RockInput) => api.post<WeekPlan>(`/plans/${week}/rocks`, input),
    onSuccess: refresh,
  });
}

export function useUpdateRock() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: RockPatch }) =>
      api.patch<WeekPlan>(`/rocks/${id}`, patch),
    onSuccess: refresh,
  });
}

export function useSchedule() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: ItemInput) => api.post<PlanItem>('/plan-items', input),
    onSuccess: refresh,
  });
}

export function useMarkDone() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) =>
      api.put<PlanItem>(`/plan-items/${id}/done`, { done }),
    onSuccess: refresh,
  });
}

export function useUnschedule() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.delete(`/plan-items/${id}`), onSuccess: refresh });
}

export type Drain = import('../../../core/plan/time-drains.ts').Drain;
export type DrainDecision = import('../../../core/plan/time-drains.ts').TimeDecisionInput;

export function useDrains(quadrant: 'q3' | 'q4') {
  return useQuery({
    queryKey: ['plans', 'drains', quadrant],
    queryFn: async () => (await api.get<{ items: Drain[] }>(`/time-drains/${quadrant}`)).items,
  });
}

export function useDecideDrain(quadrant: 'q3' | 'q4') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DrainDecision) => api.put<{ items: Drain[] }>(`/time-drains/${quadrant}`, input),
    onSuccess: (answer) => queryClient.setQueryData(['plans', 'drains', quadrant], answer.items),
  });
}
