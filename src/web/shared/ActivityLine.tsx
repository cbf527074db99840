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

/** What a short list needs of each activity it shows. */
interface ListedActivity {
  id: string;
  startsAt: string;
  quadrant: Quadrant;
  title: string;
  minutes: number;
}

interface ActivityListProps<T extends ListedActivity> {
  activities: T[];
  /** Whether each line shows its day, or its time on a list of one day. */
  when: 'day' | 'time';
  tag: (activity: T) => string | null | undefined;
  testId: string;
}

/** A short list of activities, one `ActivityLine` each. */
export function ActivityList<T extends ListedActivity>({
  activities,
  when,
  tag,
  testId,
}: ActivityListProps<T>) {
  return (
    <ul className="recent">
      {activities.map((activity) => (
        <ActivityLine
          key={activity.id}
          when={when === 'day' ? activity.startsAt.slice(0, 10) : activity.startsAt.slice(11, 16)}
          quadrant={activity.quadrant}
          title={activity.title}
          tag={tag(activity)}
          minutes={activity.minutes}
          testId={testId}
        />
      ))}
    </ul>
  );
}
