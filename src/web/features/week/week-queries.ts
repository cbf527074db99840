import { type QueryClient, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Activity } from '../../api/types.ts';
import { addDays, mondayOf } from '../../shared/dates.ts';
import { useAfterFirstScreen } from '../../shared/first-screen.ts';
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
    queryFn: () => api.GET('/reports/week', { params: { query: { week } } }),
    placeholderData: (previous) => previous,
  });
}

export function useTrend(week: string) {
  return useQuery({
    enabled: useAfterFirstScreen(),
    queryKey: weekKeys.trend(week),
    queryFn: () => api.GET('/reports/trend', { params: { query: { weeks: TREND_WEEKS, until: week } } }),
    placeholderData: (previous) => previous,
  });
}

/** Every activity starting in the week; the bounds are wall-clock times the server reads in the user's zone. */
export function useWeekActivities(week: string) {
  return useQuery({
    queryKey: weekKeys.activities(week),
    queryFn: async () => {
      const monday = mondayOf(week);
      const range = { from: `${monday}T00:00`, to: `${addDays(monday, 7)}T00:00`, limit: 500 };
      const items: Activity[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.GET('/activities', { params: { query: { ...range, cursor } } });
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    placeholderData: (previous) => previous,
  });
}

/** The activities of one day (Today's list), in the order they happen. */
export function useDayActivities(day: string) {
  return useQuery({
    queryKey: [...weekKeys.activities(day), 'day'],
    queryFn: async () => {
      const range = { from: `${day}T00:00`, to: `${addDays(day, 1)}T00:00`, limit: 200 };
      const page = await api.GET('/activities', { params: { query: range } });
      return page.items.filter((activity) => !activity.excludedReason);
    },
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
