import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReflectionInput, ReflectionView } from '../../../core/reflections/schemas.ts';
import { api } from '../../api/client.ts';

export type { ReflectionInput, ReflectionView };
export type ReflectionWithSplit = ReflectionView & {
  minutes: { q1: number; q2: number; q3: number; q4: number };
};

const keys = {
  all: ['reflections'] as const,
  week: (week: string) => ['reflections', 'week', week] as const,
  history: ['reflections', 'history'] as const,
};

export function useReflection(week: string) {
  return useQuery({
    queryKey: keys.week(week),
    queryFn: () => api.get<ReflectionView>(`/reflections/${week}`),
  });
}

export function useReflectionHistory() {
  return useQuery({
    queryKey: keys.history,
    queryFn: async () => (await api.get<{ items: ReflectionWithSplit[] }>('/reflections')).items,
  });
}

export function useSaveReflection(week: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReflectionInput) => api.put<ReflectionView>(`/reflections/${week}`, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.week(week), saved);
      return queryClient.invalidateQueries({ queryKey: keys.history });
    },
  });
}
