import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Activity, ActivityInput, ActivityPatch, Quadrant, WeekReport } from '../../api/types.ts';
import { submit } from '../../offline/sync.ts';
import { problemOf } from '../../shared/forms.ts';
import { quadrantInfo } from '../../shared/quadrants.ts';
import { useRefreshingMutation } from '../../shared/query-client.ts';
import { useToast } from '../../shared/Toasts.tsx';
import { reportAfterMove } from './week-math.ts';
import { refreshWeekData, weekKeys } from './week-queries.ts';

const UNDO_MS = 8000;
const MOVE_KEY = ['move-activity'];

/** Adds an activity, or queues it on this device when there is no connection (offline/). */
export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ActivityInput) =>
      submit(queryClient, { kind: 'activity', input }, (headers) =>
        api.POST('/activities', { body: input, headers }),
      ),
    // Not awaited: quick-add clears its title at once, or it would wipe what is typed meanwhile.
    onSuccess: (submitted) => {
      if ('sent' in submitted) void refreshWeekData(queryClient);
    },
    networkMode: 'always',
  });
}

export function useUpdateActivity() {
  return useRefreshingMutation(
    ({ id, patch }: { id: string; patch: ActivityPatch }) =>
      api.PATCH('/activities/{id}', { params: { path: { id } }, body: patch }),
    refreshWeekData,
  );
}

/**
 * Moves a card to another quadrant at once (cards and figures), then saves the new flags; on failure
 * the board goes back to what it was.
 */
export function useMoveActivity(week: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationKey: MOVE_KEY,
    mutationFn: ({ activity, to }: { activity: Activity; to: Quadrant }) => {
      const { urgent, important } = quadrantInfo(to);
      return api.PATCH('/activities/{id}', {
        params: { path: { id: activity.id } },
        body: { urgent, important },
      });
    },
    onMutate: async ({ activity, to }) => {
      const activitiesKey = weekKeys.activities(week);
      const reportKey = weekKeys.report(week);
      await Promise.all([
        queryClient.cancelQueries({ queryKey: activitiesKey }),
        queryClient.cancelQueries({ queryKey: reportKey }),
      ]);
      const previous = {
        activities: queryClient.getQueryData<Activity[]>(activitiesKey),
        report: queryClient.getQueryData<WeekReport>(reportKey),
      };
      const { urgent, important } = quadrantInfo(to);
      queryClient.setQueryData<Activity[]>(activitiesKey, (items) =>
        items?.map((item) =>
          item.id === activity.id
            ? { ...item, urgent, important, quadrant: to, classification: 'manual' }
            : item,
        ),
      );
      const from = activity.classification === 'unclassified' ? null : activity.quadrant;
      queryClient.setQueryData<WeekReport>(reportKey, (report) =>
        report ? reportAfterMove(report, from, to, activity.minutes) : report,
      );
      return previous;
    },
    onError: (error, _variables, previous) => {
      queryClient.setQueryData(weekKeys.activities(week), previous?.activities);
      queryClient.setQueryData(weekKeys.report(week), previous?.report);
      toast({ tone: 'error', message: `The move was not saved: ${problemOf(error).message}` });
    },
    // A refetch while another move is still saving would briefly undo that move on screen.
    onSettled: () =>
      queryClient.isMutating({ mutationKey: MOVE_KEY }) === 1 ? refreshWeekData(queryClient) : undefined,
  });
}

/** Deletes at once and offers an Undo for a few seconds (the server keeps the activity restorable). */
export function useDeleteActivity(week: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const restore = useMutation({
    mutationFn: (id: string) => api.POST('/activities/{id}/restore', { params: { path: { id } } }),
    onSettled: () => refreshWeekData(queryClient),
    onError: (error) => toast({ tone: 'error', message: `Could not undo: ${problemOf(error).message}` }),
  });
  return useMutation({
    mutationFn: (activity: Activity) =>
      api.DELETE('/activities/{id}', { params: { path: { id: activity.id } } }),
    onSuccess: (_result, activity) => {
      queryClient.setQueryData<Activity[]>(weekKeys.activities(week), (items) =>
        items?.filter((item) => item.id !== activity.id),
      );
      toast({
        message: `Deleted ‘${activity.title}’`,
        action: { label: 'Undo', onClick: () => restore.mutate(activity.id) },
        duration: UNDO_MS,
      });
      return refreshWeekData(queryClient);
    },
    onError: (error, activity) =>
      toast({ tone: 'error', message: `‘${activity.title}’ was not deleted: ${problemOf(error).message}` }),
  });
}

export function useLoadDemo() {
  return useRefreshingMutation(() => api.POST('/demo'), refreshWeekData);
}
