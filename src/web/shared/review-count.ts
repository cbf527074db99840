import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/** Every review query starts with this key, so one invalidation refreshes the inbox and its count. */
export const REVIEW_KEY = ['review'] as const;

/** How many imported events wait in the review inbox (for the header badge and the Week banner). */
export function useReviewCount() {
  return useQuery({
    queryKey: [...REVIEW_KEY, 'count'],
    queryFn: async () => (await api.GET('/review', { params: { query: { limit: 1 } } })).total,
    staleTime: 60_000,
  });
}
