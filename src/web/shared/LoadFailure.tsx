import type { ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
import { EmptyNote } from './EmptyNote.tsx';
import { problemOf } from './forms.ts';
import { PageSkeleton } from './Loaded.tsx';

/** A page whose subject could not be loaded: gone (404) or failing, with a way back. */
export function LoadFailure({
  error,
  what,
  back,
}: {
  error: unknown;
  what: string;
  back: { href: string; label: string };
}) {
  return (
    <div className="accounts-page">
      <EmptyNote action={back}>
        {isApiError(error, 404)
          ? `This ${what} does not exist, or was removed.`
          : `The ${what} could not be loaded: ${problemOf(error).message}`}
      </EmptyNote>
    </div>
  );
}

interface LoadedPageProps<T> {
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined };
  /** What the page is about, e.g. "account". */
  what: string;
  back: { href: string; label: string };
  children: (data: T) => ReactNode;
}

/** A page about one thing (an account, a round): a placeholder while it loads, why it cannot be shown, or the page. */
export function LoadedPage<T>({ query, what, back, children }: LoadedPageProps<T>) {
  if (query.isPending) return <PageSkeleton />;
  if (query.isError || query.data === undefined)
    return <LoadFailure error={query.error} what={what} back={back} />;
  return children(query.data);
}
