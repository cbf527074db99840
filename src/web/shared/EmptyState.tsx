import type { ReactNode } from 'react';
import { QUADRANT_IDS } from './quadrants.ts';

interface EmptyStateProps {
  title: ReactNode;
  /** Extra classes beside `panel`, e.g. `empty-week`. */
  className: string;
  testId?: string;
  /** The explanation and the ways forward. */
  children: ReactNode;
}

/** A whole page's "nothing here yet": the four quadrant tiles beside a title and what to do. */
export function EmptyState({ title, className, testId, children }: EmptyStateProps) {
  return (
    <section className={`panel ${className}`} data-testid={testId}>
      <div className="empty-week__art" aria-hidden="true">
        {QUADRANT_IDS.map((id) => (
          <span key={id} className={`bg-${id}`} />
        ))}
      </div>
      <div className="empty-week__body">
        <h2 className="panel__title">{title}</h2>
        {children}
      </div>
    </section>
  );
}
