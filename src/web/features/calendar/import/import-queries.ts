import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { CalendarItem, SyncResult } from '../../../api/types.ts';
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
    queryFn: async () => (await api.get<{ items: CalendarItem[] }>('/calendars')).items,
  });
}

export function useSyncCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (calendar: CalendarItem) => api.post<SyncResult>(`/calendars/${calendar.id}/sync`),
    // A failed sync is recorded on the calendar too, so refresh either way.
    onSettled: () => refreshAfterImport(queryClient),
  });
}

export function useDeleteCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (calendar: CalendarItem) => api.delete(`/calendars/${calendar.id}`),
    onSuccess: () => refreshAfterImport(queryClient),
  });
}

export function useAddSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; url: string }) =>
      api.post<{ calendar: CalendarItem; sync: SyncResult }>('/calendars', input),
    onSuccess: () => refreshAfterImport(queryClient),
  });
}
