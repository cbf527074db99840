import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { ReviewDecision, ReviewPage } from '../../../api/types.ts';
import { REVIEW_KEY } from '../../../shared/review-count.ts';
import { refreshWeekData } from '../../week/week-queries.ts';

const LIST_KEY = [...REVIEW_KEY, 'list'] as const;
const COUNT_KEY = [...REVIEW_KEY, 'count'] as const;
export const REVIEW_LIMIT = 200;

export function useReview() {
  return useQuery({
    queryKey: LIST_KEY,
    queryFn: () => api.GET('/review', { params: { query: { limit: REVIEW_LIMIT } } }),
  });
}

/** Classifies at once on screen (the items leave the inbox), then saves; on failure they come back. */
export function useClassify() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: ReviewDecision) => api.POST('/review/classify', { body: decision }),
    onMutate: async (decision) => {
      await queryClient.cancelQueries({ queryKey: REVIEW_KEY });
      const previous = {
        list: queryClient.getQueryData<ReviewPage>(LIST_KEY),
        count: queryClient.getQueryData<number>(COUNT_KEY),
      };
      const ids = new Set(decision.ids);
      const removed = previous.list?.items.filter((item) => ids.has(item.id)).length ?? decision.ids.length;
      queryClient.setQueryData<ReviewPage>(LIST_KEY, (page) =>
        page ? { items: page.items.filter((item) => !ids.has(item.id)), total: page.total - removed } : page,
      );
      queryClient.setQueryData<number>(COUNT_KEY, (count) =>
        count === undefined ? count : Math.max(0, count - removed),
      );
      return previous;
    },
    onError: (_error, _decision, previous) => {
      queryClient.setQueryData(LIST_KEY, previous?.list);
      queryClient.setQueryData(COUNT_KEY, previous?.count);
    },
    // Refetch once the last of several quick decisions is saved, so the list never jumps back.
    onSettled: () =>
      queryClient.isMutating({ mutationKey: ['classify'] }) <= 1 ? refreshWeekData(queryClient) : undefined,
    mutationKey: ['classify'],
  });
}
