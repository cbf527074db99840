import { useDraggable } from '@dnd-kit/core';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import type { Activity, Quadrant } from '../../api/types.ts';
import { formatWhen } from '../../shared/dates.ts';
import { formatDuration } from '../../shared/format.ts';
import { KIND_LABELS } from '../../shared/quadrants.ts';

const KEY_TO_QUADRANT: Record<string, Quadrant> = { '1': 'q1', '2': 'q2', '3': 'q3', '4': 'q4' };

interface ActivityCardProps {
  activity: Activity;
  onOpen: (activity: Activity) => void;
  onMove: (activity: Activity, to: Quadrant) => void;
  /** Set when the card has just been moved by keyboard, so focus follows it to its new quadrant. */
  focusOnMount?: boolean;
  onFocused?: () => void;
}

export function ActivityCard({ activity, onOpen, onMove, focusOnMount, onFocused }: ActivityCardProps) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: activity.id,
    data: { activity },
  });
  const element = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!focusOnMount) return;
    element.current?.focus();
    onFocused?.();
  }, [focusOnMount, onFocused]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const to = KEY_TO_QUADRANT[event.key];
    if (to) {
      event.preventDefault();
      if (to !== activity.quadrant || activity.classification === 'unclassified') onMove(activity, to);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(activity);
    }
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable card with block layout; it behaves as a button (focus, Enter, Space, 1–4).
    <div
      {...attributes}
      {...listeners}
      ref={(node) => {
        setNodeRef(node);
        element.current = node;
      }}
      role="button"
      aria-roledescription="activity card"
      tabIndex={0}
      data-testid="activity-card"
      data-activity-id={activity.id}
      data-quadrant={activity.quadrant}
      className={`card card--${activity.quadrant}${activity.status === 'planned' ? ' card--planned' : ''}${isDragging ? ' card--dragging' : ''}`}
      onClick={() => onOpen(activity)}
      onKeyDown={onKeyDown}
    >
      <CardContent activity={activity} />
    </div>
  );
}

/** A lane's or quadrant's cards; focus follows the one just moved by keyboard (`focusId`). */
export function ActivityCards({
  activities,
  focusId,
  ...card
}: { activities: Activity[]; focusId: string | null } & Omit<
  ActivityCardProps,
  'activity' | 'focusOnMount'
>) {
  return activities.map((activity) => (
    <ActivityCard key={activity.id} activity={activity} focusOnMount={activity.id === focusId} {...card} />
  ));
}

/** The card's face, also drawn under the pointer while dragging. */
export function CardContent({ activity }: { activity: Activity }) {
  return (
    <>
      <span className="card__title" title={activity.title}>
        {(activity.source === 'calendar' || activity.source === 'csv') && (
          <ImportedIcon source={activity.source} />
        )}
        {activity.title}
      </span>
      <span className="card__meta">
        <span>{formatWhen(activity.startsAt)}</span>
        <span className="card__duration">{formatDuration(activity.minutes)}</span>
      </span>
      <span className="card__footer">
        <span className={activity.accountName ? 'card__account' : 'card__account card__account--internal'}>
          {activity.accountName ?? 'Internal'}
        </span>
        <span className="card__kind">{KIND_LABELS[activity.kind]}</span>
        {activity.status === 'planned' && <span className="card__status">Planned</span>}
        {activity.classification === 'unclassified' && (
          <span className="card__review" title="No rule placed this imported event yet; see Review">
            To review
          </span>
        )}
      </span>
    </>
  );
}

function ImportedIcon({ source }: { source: string }) {
  const label = source === 'csv' ? 'Imported from a CSV export' : 'Imported from a calendar';
  return (
    <svg className="card__icon" width="12" height="12" viewBox="0 0 16 16" role="img" aria-label={label}>
      <title>{label}</title>
      <path
        d="M3 3.5h10a1 1 0 0 1 1 1V13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V4.5a1 1 0 0 1 1-1ZM2 7h12M5.5 2v3m5-3v3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
      />
    </svg>
  );
}
