import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiBody } from '../../../../client/index.ts';
import { api } from '../../../api/client.ts';
import type { CalendarItem } from '../../../api/types.ts';
import { useRefreshingMutation } from '../../../shared/query-client.ts';
import { refreshWeekData } from '../../week/week-queries.ts';

export const CALENDARS_KEY = ['calendars'] as const;

/** After an import, a sync or a removal: the calendars, the review inbox and every week may have changed. */
export function refreshAfterImport(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: CALENDARS_KEY }),
    refreshWeekData(queryClient),
  ]);
}

export function useCalendars() {
  return useQuery({
    queryKey: CALENDARS_KEY,
    queryFn: async () => (await api.GET('/calendars')).items,
  });
}

export function useSyncCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (calendar: CalendarItem) =>
      api.POST('/calendars/{id}/sync', { params: { path: { id: calendar.id } } }),
    // A failed sync is recorded on the calendar too, so refresh either way.
    onSettled: () => refreshAfterImport(queryClient),
  });
}

export function useDeleteCalendar() {
  return useRefreshingMutation(
    (calendar: CalendarItem) => api.DELETE('/calendars/{id}', { params: { path: { id: calendar.id } } }),
    refreshAfterImport,
  );
}

/** Subscribes to an .ics address or connects CalDAV calendars; either is synced at once. */
export function useAddCalendar() {
  return useRefreshingMutation(
    (input: ApiBody<'/calendars', 'post'>) => api.POST('/calendars', { body: input }),
    refreshAfterImport,
  );
}

/** What a CalDAV server has for a login (nothing is kept). */
export function useDiscoverCaldav() {
  return useMutation({
    mutationFn: (login: ApiBody<'/calendars/discover', 'post'>) =>
      api.POST('/calendars/discover', { body: login }),
  });
}
