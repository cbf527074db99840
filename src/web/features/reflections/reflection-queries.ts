import { useQuery } from '@tanstack/react-query';
import type { ApiAnswer, ApiBody } from '../../../client/index.ts';
import { api } from '../../api/client.ts';
import { byWeek, useRefreshingMutation } from '../../shared/query-client.ts';

export type ReflectionView = ApiAnswer<'/reflections/{week}', 'get'>;
export type ReflectionInput = ApiBody<'/reflections/{week}', 'put'>;
/** A past week's reflection with the week's minutes per quadrant. */
export type ReflectionWithSplit = ApiAnswer<'/reflections', 'get'>['items'][number];

const keys = {
  all: ['reflections'] as const,
  week: (week: string) => ['reflections', 'week', week] as const,
  history: ['reflections', 'history'] as const,
};

export function useReflection(week: string) {
  return useQuery({
    queryKey: keys.week(week),
    queryFn: () => api.GET('/reflections/{week}', byWeek(week)),
  });
}

export function useReflectionHistory() {
  return useQuery({
    queryKey: keys.history,
    queryFn: async () => (await api.GET('/reflections')).items,
  });
}

export function useSaveReflection(week: string) {
  return useRefreshingMutation(
    (input: ReflectionInput) => api.PUT('/reflections/{week}', { ...byWeek(week), body: input }),
    (queryClient, saved) => {
      queryClient.setQueryData(keys.week(week), saved);
      return queryClient.invalidateQueries({ queryKey: keys.history });
    },
  );
}
