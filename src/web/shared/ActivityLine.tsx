import type { ReactNode } from 'react';
import type { Quadrant } from '../api/types.ts';
import { formatDuration } from './format.ts';
import { quadrantInfo } from './quadrants.ts';

interface ActivityLineProps {
  /** When: its day, or its time on a list of one day. */
  when: string;
  quadrant: Quadrant;
  title: string;
  /** What it is for: its legacy goal, its account. */
  tag?: string | null;
  minutes: number;
  /** A note on its state, after the title (e.g. "waiting to sync"). */
  status?: ReactNode;
  testId?: string;
}

/** One activity in a short list (`<ul className="recent">`): when, its quadrant, what, for what, how long. */
export function ActivityLine({ when, quadrant, title, tag, minutes, status, testId }: ActivityLineProps) {
  const q = quadrantInfo(quadrant);
  return (
    <li className="recent__row" data-testid={testId}>
      <span className="recent__day">{when}</span>
      <span className={`quadrant-badge quadrant-badge--${q.id}`} title={`${q.label} ${q.name}`}>
        {q.label}
      </span>
      <span className="recent__title">{title}</span>
      {status}
      {tag && (
        <span className="pill recent__tag" title={tag}>
          {tag}
        </span>
      )}
      <span className="recent__minutes">{formatDuration(minutes)}</span>
    </li>
  );
}
