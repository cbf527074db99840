import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  MouseSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Activity, Quadrant, WeekReport } from '../../api/types.ts';
import { QUADRANTS, quadrantInfo } from '../../shared/quadrants.ts';
import { ActivityCards, CardContent, type FocusRequest, type MoveBy } from './ActivityCard.tsx';
import { useMoveActivity } from './activity-mutations.ts';
import { QuadrantPanel } from './QuadrantPanel.tsx';

interface MatrixBoardProps {
  week: string;
  report: WeekReport;
  activities: Activity[];
  onOpen: (activity: Activity) => void;
}

const activityOf = (data: { current?: Record<string, unknown> } | null | undefined) =>
  data?.current?.activity as Activity | undefined;

const quadrantTitle = (id: Quadrant) => {
  const info = quadrantInfo(id);
  return `${info.label} ${info.name}`;
};

/** The board's axis labels, around it. */
const AXES = ['Urgent', 'Not urgent', 'Important', 'Not important'];

const instructions =
  'Press 1, 2, 3 or 4 to move this activity to that quadrant, or Enter to edit it. With a pointer, drag it to another quadrant.';

const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${activityOf(active.data)?.title ?? 'activity'}.`,
  onDragOver: ({ over }) => (over ? `Over ${quadrantTitle(over.id as Quadrant)}.` : 'Not over a quadrant.'),
  // The board announces the saved move itself, for pointer and keyboard alike.
  onDragEnd: () => undefined,
  onDragCancel: () => 'Move cancelled.',
};

/** The 2×2 Eisenhower board: important on top, urgent on the left. */
/**
 * Marks when the board with the week's cards is first on screen (the frame after it is committed),
 * for `npm run bench -- browser`; once per page load.
 */
function useBoardVisibleMark() {
  useEffect(() => {
    if (performance.getEntriesByName(BOARD_VISIBLE).length > 0) return;
    requestAnimationFrame(() => performance.mark(BOARD_VISIBLE));
  }, []);
}
const BOARD_VISIBLE = 'week-board-visible';

export function MatrixBoard({ week, report, activities, onOpen }: MatrixBoardProps) {
  const move = useMoveActivity(week);
  const [dragging, setDragging] = useState<Activity | null>(null);
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // A mouse drags; a finger scrolls the page, and moves a card with its Move to… menu.
  const sensors = useSensors(useSensor(MouseSensor, { activationConstraint: { distance: 6 } }));
  useBoardVisibleMark();

  const byQuadrant = useMemo(() => {
    const groups: Record<Quadrant, Activity[]> = { q1: [], q2: [], q3: [], q4: [] };
    const waiting: Activity[] = [];
    for (const activity of activities) {
      if (activity.classification === 'unclassified') waiting.push(activity);
      else groups[activity.quadrant].push(activity);
    }
    return { groups, waiting };
  }, [activities]);

  /** Moves a card; moved by its keys or menu, focus follows it (`by`), dragged it stays with the pointer. */
  const moveTo = useCallback(
    (activity: Activity, to: Quadrant, by?: MoveBy) => {
      if (activity.quadrant === to && activity.classification !== 'unclassified') return;
      if (by) setFocus({ id: activity.id, by, to });
      move.mutate({ activity, to });
      setAnnouncement(`Moved ‘${activity.title}’ to ${quadrantTitle(to)}.`);
    },
    [move.mutate],
  );
  const clearFocus = useCallback(() => setFocus(null), []);

  const onDragStart = ({ active }: DragStartEvent) => setDragging(activityOf(active.data) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const activity = activityOf(active.data);
    if (activity && over) moveTo(activity, over.id as Quadrant);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={pointerWithin}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: instructions } }}
    >
      {byQuadrant.waiting.length > 0 && (
        <section className="review-lane" data-testid="review-lane" aria-labelledby="review-lane-title">
          <header className="review-lane__header">
            <h2 className="review-lane__title" id="review-lane-title">
              To review <span className="review-lane__count">{byQuadrant.waiting.length}</span>
            </h2>
            <p className="muted small">
              Imported events no rule placed: not counted until you{' '}
              <span className="wide-only">drag them to a quadrant or press 1–4.</span>
              <span className="touch-only">move them to a quadrant.</span> <a href="#/review">Review all</a>
            </p>
          </header>
          <div className="review-lane__cards">
            <ActivityCards
              activities={byQuadrant.waiting}
              onOpen={onOpen}
              onMove={moveTo}
              focus={focus}
              onFocused={clearFocus}
            />
          </div>
        </section>
      )}
      <div className="board">
        {AXES.map((axis) => (
          <span
            key={axis}
            className={`board__axis board__axis--${axis.toLowerCase().replace(' ', '-')}`}
            aria-hidden="true"
          >
            {axis}
          </span>
        ))}
        {QUADRANTS.map((quadrant) => (
          <QuadrantPanel
            key={quadrant.id}
            quadrant={quadrant}
            figures={report.quadrants[quadrant.id]}
            target={report.targets[quadrant.id]}
            activities={byQuadrant.groups[quadrant.id]}
            onOpen={onOpen}
            onMove={moveTo}
            focus={focus}
            onFocused={clearFocus}
          />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging && (
          <div className={`card card--${dragging.quadrant} card--overlay`}>
            <CardContent activity={dragging} />
          </div>
        )}
      </DragOverlay>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </DndContext>
  );
}
