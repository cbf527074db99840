import type { useDroppable } from '@dnd-kit/core';
import type { Activity, Quadrant, QuadrantShare, TargetResult } from '../../api/types.ts';
import { formatHours, formatShare } from '../../shared/format.ts';
import type { QuadrantInfo } from '../../shared/quadrants.ts';
import { ActivityCards, type FocusRequest, type MoveBy } from './ActivityCard.tsx';
import { boundsText } from './week-math.ts';

export interface QuadrantPanelProps {
  quadrant: QuadrantInfo;
  figures: QuadrantShare;
  target?: TargetResult;
  activities: Activity[];
  onOpen: (activity: Activity) => void;
  onMove: (activity: Activity, to: Quadrant, by: MoveBy) => void;
  focus: FocusRequest | null;
  onFocused: () => void;
  /** Set once the board's drag and drop has loaded (BoardDrag.tsx). */
  drop?: Pick<ReturnType<typeof useDroppable>, 'setNodeRef' | 'isOver'>;
}

export function QuadrantPanel({
  quadrant,
  figures,
  target,
  activities,
  onOpen,
  onMove,
  focus,
  onFocused,
  drop,
}: QuadrantPanelProps) {
  const { id } = quadrant;
  return (
    <section
      ref={drop?.setNodeRef}
      data-testid={`quadrant-${id}`}
      className={`quadrant quadrant--${id}${drop?.isOver ? ' quadrant--over' : ''}`}
    >
      <header className="quadrant__header">
        <div className="quadrant__heading">
          <h3 className="quadrant__name">
            <span className="quadrant__key">{quadrant.label}</span> {quadrant.name}
          </h3>
          <p className="quadrant__explanation">{quadrant.explanation}</p>
        </div>
        <div className="quadrant__figures">
          <span className="quadrant__share" data-testid={`share-${id}`}>
            {formatShare(figures.share)}
          </span>
          <span className="quadrant__hours" data-testid={`hours-${id}`}>
            {formatHours(figures.minutes)}
          </span>
          {target && (
            <span className={`target-chip ${target.met ? 'target-chip--met' : 'target-chip--missed'}`}>
              {target.met ? '✓' : '✗'} target {boundsText(target)}
            </span>
          )}
        </div>
      </header>
      <div className="quadrant__cards">
        <ActivityCards
          activities={activities}
          onOpen={onOpen}
          onMove={onMove}
          focus={focus}
          onFocused={onFocused}
        />
        {activities.length === 0 && (
          <p className="quadrant__empty">
            <span className="wide-only">Drop cards here, or press {id.slice(1)} on a card.</span>
            <span className="touch-only">Nothing here yet.</span>
          </p>
        )}
      </div>
    </section>
  );
}
