import type { useDraggable } from '@dnd-kit/core';
import { type ComponentType, createContext, type KeyboardEvent, useContext, useEffect, useRef } from 'react';
import type { Activity, Quadrant } from '../../api/types.ts';
import { formatWhen } from '../../shared/dates.ts';
import { formatDuration } from '../../shared/format.ts';
import { KIND_LABELS } from '../../shared/quadrants.ts';
import { BOARD_INSTRUCTIONS_ID } from './board-text.ts';
import { MoveMenu } from './MoveMenu.tsx';

const KEY_TO_QUADRANT: Record<string, Quadrant> = { '1': 'q1', '2': 'q2', '3': 'q3', '4': 'q4' };

/** How a card was moved: by its keys (1–4; focus follows it and the page scrolls to it) or its Move to… menu (the page stays). */
export type MoveBy = 'keys' | 'menu';

/** The card that just moved, whose focus follows it to its new quadrant. */
export interface FocusRequest {
  id: string;
  by: MoveBy;
  /** Where it goes: the card takes focus there, not where it was before the move is drawn. */
  to: Quadrant;
}

const isMovedHere = (focus: FocusRequest | null, activity: Activity) =>
  focus?.id === activity.id && focus.to === activity.quadrant && activity.classification !== 'unclassified';

/** What dnd-kit gives a card the mouse can pick up (BoardDrag.tsx). */
type CardDrag = Pick<
  ReturnType<typeof useDraggable>,
  'attributes' | 'listeners' | 'setNodeRef' | 'isDragging'
>;

export interface ActivityCardProps {
  activity: Activity;
  onOpen: (activity: Activity) => void;
  onMove: (activity: Activity, to: Quadrant, by: MoveBy) => void;
  /** Set when the card has just been moved, so focus follows it to its new quadrant. */
  focusOnMount?: MoveBy;
  onFocused?: () => void;
  /** Set once the board's drag and drop has loaded. */
  drag?: CardDrag;
}

/** How the board draws a card: this plain one until its drag and drop (BoardDrag.tsx) has loaded. */
export const CardComponent = createContext<ComponentType<ActivityCardProps>>(ActivityCard);

export function ActivityCard({ activity, onOpen, onMove, focusOnMount, onFocused, drag }: ActivityCardProps) {
  const element = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!focusOnMount) return;
    element.current?.focus({ preventScroll: focusOnMount === 'menu' });
    onFocused?.();
  }, [focusOnMount, onFocused]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const to = KEY_TO_QUADRANT[event.key];
    if (to) {
      event.preventDefault();
      if (to !== activity.quadrant || activity.classification === 'unclassified')
        onMove(activity, to, 'keys');
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(activity);
    }
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a draggable card with block layout; it behaves as a button (focus, Enter, Space, 1–4).
    <div
      {...drag?.attributes}
      {...drag?.listeners}
      ref={(node) => {
        drag?.setNodeRef(node);
        element.current = node;
      }}
      role="button"
      aria-roledescription="activity card"
      aria-describedby={BOARD_INSTRUCTIONS_ID}
      tabIndex={0}
      data-testid="activity-card"
      data-activity-id={activity.id}
      data-quadrant={activity.quadrant}
      className={`card card--${activity.quadrant}${activity.status === 'planned' ? ' card--planned' : ''}${drag?.isDragging ? ' card--dragging' : ''}`}
      onClick={() => onOpen(activity)}
      onKeyDown={onKeyDown}
    >
      <CardContent activity={activity} />
    </div>
  );
}

/** A lane's or quadrant's cards, each with its Move to…; focus follows the one just moved (`focus`). */
export function ActivityCards({
  activities,
  focus,
  ...card
}: { activities: Activity[]; focus: FocusRequest | null } & Omit<
  ActivityCardProps,
  'activity' | 'focusOnMount'
>) {
  const Card = useContext(CardComponent);
  return activities.map((activity) => (
    <div key={activity.id} className="card-slot">
      <Card
        activity={activity}
        focusOnMount={isMovedHere(focus, activity) ? focus?.by : undefined}
        {...card}
      />
      <MoveMenu activity={activity} onMove={(to) => card.onMove(activity, to, 'menu')} />
    </div>
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
