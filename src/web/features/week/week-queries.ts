import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Activity, ActivityPage, Trend, WeekReport } from '../../api/types.ts';
import { addDays, mondayOf } from '../../shared/dates.ts';
import { REVIEW_KEY } from '../../shared/review-count.ts';

export const TREND_WEEKS = 12;

export const weekKeys = {
  report: (week: string) => ['week-report', week] as const,
  trend: (week: string) => ['trend', week] as const,
  activities: (week: string) => ['activities', week] as const,
};

export function useWeekReport(week: string) {
  return useQuery({
    queryKey: weekKeys.report(week),
    queryFn: () => api.get<WeekReport>(`/reports/week?week=${week}`),
    placeholderData: (previous) => previous,
  });
}

export function useTrend(week: string) {
  return useQuery({
    queryKey: weekKeys.trend(week),
    queryFn: () => api.get<Trend>(`/reports/trend?weeks=${TREND_WEEKS}&until=${week}`),
    placeholderData: (previous) => previous,
  });
}

/** Every activity starting in the week; the bounds are wall-clock times the server reads in the user's zone. */
export function useWeekActivities(week: string) {
  return useQuery({
    queryKey: weekKeys.activities(week),
    queryFn: async () => {
      const monday = mondayOf(week);
      const range = `from=${monday}T00:00&to=${addDays(monday, 7)}T00:00&limit=500`;
      const items: Activity[] = [];
      let cursor: string | null = null;
      do {
        const page: ActivityPage = await api.get<ActivityPage>(
          `/activities?${range}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
    placeholderData: (previous) => previous,
  });
}

/**
 * After any change to activities: every week's figures may have moved, so refetch what is on screen
 * (the review inbox: classifying an imported event by hand takes it out; accounts' time and goals).
 */
export function refreshWeekData(queryClient: QueryClient) {
  return Promise.all(
    [['week-report'], ['trend'], ['activities'], ['accounts'], REVIEW_KEY].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}
