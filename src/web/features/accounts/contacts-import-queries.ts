import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiAnswer, apiErrorOf } from '../../../client/index.ts';
import { ApiError, NETWORK_MESSAGE, reportUnauthenticated } from '../../api/client.ts';
import { accountKeys } from './accounts-queries.ts';

export type ContactsSummary = ApiAnswer<'/imports/contacts', 'post'>;
export type ContactRow = ContactsSummary['rows'][number];
export type ContactChoice = Pick<ContactRow, 'line' | 'level' | 'function' | 'buyingOffice'>;

export interface ContactsUpload {
  file: File;
  /** Every contact on this account; else matched by company name or e-mail domain. */
  accountId?: string;
  dryRun: boolean;
  choices?: ContactChoice[];
}

/**
 * POST /api/imports/contacts as a multipart form (the file and the preview's corrections):
 * openapi-fetch sends JSON bodies, this one is a file.
 */
async function uploadContacts({
  file,
  accountId,
  dryRun,
  choices,
}: ContactsUpload): Promise<ContactsSummary> {
  const query = new URLSearchParams({ dryRun: String(dryRun) });
  if (accountId) query.set('accountId', accountId);
  const form = new FormData();
  form.set('file', file);
  if (choices) form.set('choices', JSON.stringify(choices));
  let response: Response;
  try {
    response = await fetch(`/api/imports/contacts?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      body: form,
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as ContactsSummary;
  if (response.status === 401) reportUnauthenticated();
  throw apiErrorOf(response.status, body, `The server answered ${response.status}`);
}

/** The preview: what importing the file would do, row by row (nothing is written). */
export const usePreviewContacts = () => useMutation({ mutationFn: uploadContacts });

/** The import; contacts may land on several accounts, so every account's people are read again. */
export function useImportContacts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadContacts,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
