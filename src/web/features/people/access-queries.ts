import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client.ts';
import type { AccessToken, AuditPage, CreatedToken, DeviceRequest } from '../../api/types.ts';

const TOKENS_KEY = ['tokens'] as const;

export function useTokens() {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: async () => (await api.get<{ items: AccessToken[] }>('/me/tokens')).items,
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number }) =>
      api.post<CreatedToken>('/me/tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/me/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.post('/me/password', input),
  });
}

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api.post('/public/password-reset', { email }),
  });
}

export function useResetPassword(token: string) {
  return useMutation({
    mutationFn: (password: string) =>
      api.post(`/public/password-reset/${encodeURIComponent(token)}`, { password }),
  });
}

const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, a page at a time ("Load older" follows `nextCursor`). */
export function useAuditLog() {
  return useInfiniteQuery({
    queryKey: ['audit'],
    queryFn: ({ pageParam }) =>
      api.get<AuditPage>(
        `/audit?${new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE), ...(pageParam ? { before: pageParam } : {}) })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

const devicePath = (code: string, rest = '') => `/device-codes/${encodeURIComponent(code)}${rest}`;

export function useDeviceRequest(code: string) {
  return useQuery({
    queryKey: ['device-code', code],
    queryFn: () => api.get<DeviceRequest>(devicePath(code)),
    retry: (count, error) => !isApiError(error) && count < 2,
  });
}

export function useDecideDevice(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: 'approve' | 'deny') => api.post(devicePath(code, `/${decision}`)),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['device-code', code] }),
        // An approved device holds a personal access token named after it.
        queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
      ]),
  });
}
