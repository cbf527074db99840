import type { ReactNode } from 'react';
import { LoadError } from './LoadError.tsx';

/** Grey bars where a list is about to appear, one per row expected. */
export function ListSkeleton({
  rows,
  tall,
  className,
}: {
  rows: number;
  tall?: boolean;
  className?: string;
}) {
  const classes = [className, 'list-skeleton', tall ? 'list-skeleton--tall' : ''].filter(Boolean).join(' ');
  return (
    <div className={classes} aria-busy="true">
      {Array.from({ length: rows }, (_, row) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder bars, all alike
        <span key={row} />
      ))}
    </div>
  );
}

/** The shimmering block where a page's content is about to appear. */
export function PageSkeleton() {
  return <div className="page-skeleton" aria-busy="true" />;
}

interface LoadedProps<T> {
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: T | undefined;
    refetch: () => unknown;
  };
  /** What could not be loaded, e.g. "Stakeholders"; without it a failure shows nothing. */
  what?: string;
  /** Offer Retry when loading failed. */
  retry?: boolean;
  /** What shows while loading (nothing unless given). */
  loading?: ReactNode;
  /** What shows instead of the content when there is nothing yet. */
  empty?: ReactNode;
  /** When the data counts as nothing yet; by default, an empty list. */
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}

const noItems = (data: unknown) => Array.isArray(data) && data.length === 0;

/** A query's data once it is there: a placeholder while it loads, why it failed, or the empty note. */
export function Loaded<T>({
  query,
  what,
  retry,
  loading,
  empty,
  isEmpty = noItems,
  children,
}: LoadedProps<T>) {
  if (query.isPending) return loading ?? null;
  if (query.isError && what) {
    return <LoadError what={what} error={query.error} onRetry={retry ? () => query.refetch() : undefined} />;
  }
  if (query.data === undefined) return null;
  if (empty !== undefined && isEmpty(query.data)) return empty;
  return children(query.data);
}

type LoadedListProps<T> = Omit<LoadedProps<T>, 'retry' | 'loading'> & {
  /** The grey bars shown while it loads: one per row expected. */
  rows: number;
  tall?: boolean;
};

/** A list's query as `Loaded` shows it: skeleton rows while it loads, and Retry when loading failed. */
export function LoadedList<T>({ rows, tall, ...loaded }: LoadedListProps<T>) {
  return <Loaded {...loaded} retry loading={<ListSkeleton rows={rows} tall={tall} />} />;
}
