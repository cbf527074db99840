import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  MouseSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { type ReactNode, useState } from 'react';
import type { Activity, Quadrant } from '../../api/types.ts';
import { ActivityCard, type ActivityCardProps, CardComponent, CardContent } from './ActivityCard.tsx';
import { BOARD_INSTRUCTIONS, quadrantTitle } from './board-text.ts';
import { QuadrantPanel, type QuadrantPanelProps } from './QuadrantPanel.tsx';

/*
 * The board's drag and drop with a mouse (dnd-kit, most of the Week page's own script): MatrixBoard
 * loads this once the board is on screen and then draws its cards and quadrants with it. Keys 1–4
 * and Move to… work without it.
 */

const activityOf = (data: { current?: Record<string, unknown> } | null | undefined) =>
  data?.current?.activity as Activity | undefined;

const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${activityOf(active.data)?.title ?? 'activity'}.`,
  onDragOver: ({ over }) => (over ? `Over ${quadrantTitle(over.id as Quadrant)}.` : 'Not over a quadrant.'),
  // The board announces the saved move itself, for pointer and keyboard alike.
  onDragEnd: () => undefined,
  onDragCancel: () => 'Move cancelled.',
};

/** A card the mouse can pick up. */
function DraggableCard(props: ActivityCardProps) {
  const drag = useDraggable({ id: props.activity.id, data: { activity: props.activity } });
  return <ActivityCard {...props} drag={drag} />;
}

/** A quadrant a card can be dropped on. */
export function DroppableQuadrant(props: QuadrantPanelProps) {
  const drop = useDroppable({ id: props.quadrant.id });
  return <QuadrantPanel {...props} drop={drop} />;
}

/** Around the board: a card dropped on a quadrant is moved there (`onDrop`). */
export function BoardDragLayer({
  onDrop,
  children,
}: {
  onDrop: (activity: Activity, to: Quadrant) => void;
  children: ReactNode;
}) {
  const [dragging, setDragging] = useState<Activity | null>(null);
  // A mouse drags; a finger scrolls the page, and moves a card with its Move to… menu.
  const sensors = useSensors(useSensor(MouseSensor, { activationConstraint: { distance: 6 } }));

  const onDragStart = ({ active }: DragStartEvent) => setDragging(activityOf(active.data) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const activity = activityOf(active.data);
    if (activity && over) onDrop(activity, over.id as Quadrant);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={pointerWithin}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: BOARD_INSTRUCTIONS } }}
    >
      <CardComponent.Provider value={DraggableCard}>{children}</CardComponent.Provider>
      <DragOverlay dropAnimation={null}>
        {dragging && (
          <div className={`card card--${dragging.quadrant} card--overlay`}>
            <CardContent activity={dragging} />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
