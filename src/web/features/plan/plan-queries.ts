import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ItemInput, RockInput, RockPatch, WeekPlan } from '../../../core/plans/service.ts';
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

export function useToday() {
  return useQuery({
    queryKey: keys.today,
    queryFn: () => api.get<{ day: string; items: PlanItem[] }>('/today'),
  });
}

/** Plans move the week's figures too (done actions are logged as activities). */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [keys.all, ['week-report'], ['trend'], ['activities'], ['accounts']].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
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
