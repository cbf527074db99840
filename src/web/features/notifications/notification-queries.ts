import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiAnswer, ApiBody } from '../../../client/index.ts';
import { api, isApiError } from '../../api/client.ts';
import { useAfterFirstScreen } from '../../shared/first-screen.ts';
import { useRefreshingMutation } from '../../shared/query-client.ts';

export type NotificationList = ApiAnswer<'/notifications', 'get'>;
export type NotificationItem = NotificationList['items'][number];
export type NotificationKind = NotificationItem['kind'];
export type NotificationSettings = ApiAnswer<'/me/notification-settings', 'get'>;
export type NotificationSettingsPatch = ApiBody<'/me/notification-settings', 'put'>;
export type DigestPreview = ApiAnswer<'/me/digest/preview', 'get'>;

const keys = {
  list: ['notifications'] as const,
  settings: ['notification-settings'] as const,
  preview: ['notification-settings', 'preview'] as const,
};

/** How often the header asks for new notifications (the server's scheduler adds them). */
const POLL_MS = 60_000;

/** The latest notifications (read and unread, newest first) and how many are unread: the bell's. */
export function useNotifications() {
  return useQuery({
    enabled: useAfterFirstScreen(),
    queryKey: keys.list,
    queryFn: () => api.GET('/notifications'),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  });
}

/** Marks them read where they are shown at once, then asks the server (and the list again). */
function markedRead(client: QueryClient, isRead: (item: NotificationItem) => boolean) {
  const at = new Date().toISOString();
  client.setQueryData<NotificationList>(keys.list, (list) => {
    if (!list) return list;
    const items = list.items.map((item) => (item.readAt || !isRead(item) ? item : { ...item, readAt: at }));
    const newlyRead = items.filter((item, i) => item.readAt && !list.items[i]?.readAt).length;
    return { items, unread: Math.max(0, list.unread - newlyRead) };
  });
}

/** Marks notifications read: `ids`, or every one with `all`. */
export function useMarkRead() {
  const client = useQueryClient();
  return useRefreshingMutation(
    async (input: { ids: string[] } | { all: true }) => {
      markedRead(client, 'all' in input ? () => true : (item) => input.ids.includes(item.id));
      await api.POST('/notifications/read', { body: input });
    },
    (queryClient) => queryClient.invalidateQueries({ queryKey: keys.list }),
  );
}

export function useNotificationSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => api.GET('/me/notification-settings') });
}

/**
 * Changes some of the settings. The switches move at once (before the answer: a controlled checkbox
 * would otherwise spring back for a moment) and move back if the server refuses.
 */
export function useSaveNotificationSettings() {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ patch }: { patch: NotificationSettingsPatch; before?: NotificationSettings }) =>
      api.PUT('/me/notification-settings', { body: patch }),
    onSuccess: (saved) => {
      client.setQueryData(keys.settings, saved);
      return client.invalidateQueries({ queryKey: keys.preview });
    },
    onError: (_error, { before }) => {
      if (before) client.setQueryData(keys.settings, before);
    },
  });
  const save = (patch: NotificationSettingsPatch, callbacks: Parameters<typeof mutation.mutate>[1]) => {
    const before = client.getQueryData<NotificationSettings>(keys.settings);
    if (before) client.setQueryData(keys.settings, { ...before, ...patch });
    mutation.mutate({ patch, before }, callbacks);
  };
  return { save, isPending: mutation.isPending };
}

/** The next digest as it would be mailed now; `null` while the server has no preview to offer (404). */
export function useDigestPreview() {
  return useQuery({
    queryKey: keys.preview,
    queryFn: async (): Promise<DigestPreview | null> => {
      try {
        return await api.GET('/me/digest/preview');
      } catch (error) {
        if (isApiError(error, 404)) return null;
        throw error;
      }
    },
    staleTime: 0,
  });
}

export type MailDelivery = ApiAnswer<'/workspace/mail-delivery', 'get'>;

/** The owner's view of outgoing mail: set up or not, and what failed. */
export function useMailDelivery() {
  return useQuery({ queryKey: ['mail-delivery'], queryFn: () => api.GET('/workspace/mail-delivery') });
}
