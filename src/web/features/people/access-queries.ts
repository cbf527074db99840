import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { ApiBody } from '../../../client/index.ts';
import { api } from '../../api/client.ts';
import { byPath, retryUnlessAnswered, useRefreshingMutation } from '../../shared/query-client.ts';

const TOKENS_KEY = ['tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: async () => (await api.GET('/me/tokens')).items,
  });
}

export function useCreateToken() {
  return useRefreshingMutation(
    (input: ApiBody<'/me/tokens', 'post'>) => api.POST('/me/tokens', { body: input }),
    [TOKENS_KEY],
  );
}

export function useRevokeToken() {
  return useRefreshingMutation(
    (id: string) => api.DELETE('/me/tokens/{id}', { params: { path: { id } } }),
    [TOKENS_KEY],
  );
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ApiBody<'/me/password', 'post'>) => api.POST('/me/password', { body: input }),
  });
}

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api.POST('/public/password-reset', { body: { email } }),
  });
}

export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (password: string) =>
      api.POST('/public/password-reset/{token}', { params: { path: { token } }, body: { password } }),
  });
}

const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, a page at a time ("Load older" follows `nextCursor`). */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: ['audit'],
    queryFn: ({ pageParam }) =>
      api.GET('/audit', { params: { query: { limit: AUDIT_PAGE_SIZE, before: pageParam ?? undefined } } }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

const byCode = (code: string) => byPath({ code });

export function useDeviceRequest(code: string) {
  return useQuery({
    queryKey: ['device-code', code],
    queryFn: () => api.GET('/device-codes/{code}', byCode(code)),
    retry: retryUnlessAnswered,
  });
}

export function useDecideDevice(code: string) {
  return useRefreshingMutation(
    (decision: 'approve' | 'deny') =>
      decision === 'approve'
        ? api.POST('/device-codes/{code}/approve', byCode(code))
        : api.POST('/device-codes/{code}/deny', byCode(code)),
    (queryClient) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['device-code', code] }),
        // An approved device holds a personal access token named after it.
        queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
      ]),
  );
}
