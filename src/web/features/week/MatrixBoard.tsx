import { useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Activity, Quadrant, WeekReport } from '../../api/types.ts';
import { QUADRANTS } from '../../shared/quadrants.ts';
import { ActivityCards, type FocusRequest, type MoveBy } from './ActivityCard.tsx';
import { useMoveActivity } from './activity-mutations.ts';
import { BOARD_INSTRUCTIONS, BOARD_INSTRUCTIONS_ID, quadrantTitle } from './board-text.ts';
import { QuadrantPanel } from './QuadrantPanel.tsx';

interface MatrixBoardProps {
  week: string;
  report: WeekReport;
  activities: Activity[];
  onOpen: (activity: Activity) => void;
}

/** The board's axis labels, around it. */
const AXES = ['Urgent', 'Not urgent', 'Important', 'Not important'];

const loadBoardDrag = () => import('./BoardDrag.tsx');
type BoardDrag = Awaited<ReturnType<typeof loadBoardDrag>>;
/** Once loaded, a board drawn later (another week, back from another page) has it from the start. */
let boardDragLoaded: BoardDrag | null = null;
/** A mouse or trackpad: only they drag cards (a finger scrolls, and moves a card with Move to…). */
const FINE_POINTER = '(any-pointer: fine)';

/**
 * The board's drag and drop (dnd-kit, most of the page's own script), loaded once the board is on
 * screen so it does not hold the board back, and only where there is a mouse (or once one appears).
 * Until then cards move by keys 1–4 and Move to…; if it cannot load, they still do.
 */
function useBoardDrag(): BoardDrag | null {
  const [boardDrag, setBoardDrag] = useState(boardDragLoaded);
  useEffect(() => {
    if (boardDrag) return;
    let mounted = true;
    const load = () =>
      loadBoardDrag().then(
        (loaded) => {
          boardDragLoaded = loaded;
          if (!mounted) return;
          // The cards are drawn anew with the drag layer: the one that had focus (or its Move to…) keeps it.
          const refocus = focusAgainAfterRedraw();
          flushSync(() => setBoardDrag(loaded));
          refocus();
        },
        () => undefined,
      );
    const pointer = window.matchMedia(FINE_POINTER);
    if (pointer.matches) requestAnimationFrame(load);
    else pointer.addEventListener('change', load, { once: true });
    return () => {
      mounted = false;
      pointer.removeEventListener('change', load);
    };
  }, [boardDrag]);
  return boardDrag;
}

/** Remembers the card, or its Move to…, that has focus; the returned function focuses it again once redrawn. */
function focusAgainAfterRedraw(): () => void {
  const focused = document.activeElement;
  const id = focused
    ?.closest('.card-slot')
    ?.querySelector('[data-activity-id]')
    ?.getAttribute('data-activity-id');
  if (!focused || !id) return () => undefined;
  const isMove = focused.matches('.card-move');
  return () => {
    if (focused.isConnected) return;
    const card = document.querySelector<HTMLElement>(`[data-activity-id="${CSS.escape(id)}"]`);
    const again = isMove ? card?.closest('.card-slot')?.querySelector<HTMLElement>('.card-move') : card;
    again?.focus({ preventScroll: true });
  };
}

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
  const boardDrag = useBoardDrag();
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [announcement, setAnnouncement] = useState('');
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

  const Quadrant = boardDrag?.DroppableQuadrant ?? QuadrantPanel;
  const board = (
    <>
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
      {/* Whether a mouse can pick up cards yet (end-to-end tests wait for it before dragging). */}
      <div className="board" data-drag={boardDrag ? 'on' : 'off'}>
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
          <Quadrant
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
    </>
  );

  return (
    <>
      {boardDrag ? <boardDrag.BoardDragLayer onDrop={moveTo}>{board}</boardDrag.BoardDragLayer> : board}
      <p id={BOARD_INSTRUCTIONS_ID} hidden>
        {BOARD_INSTRUCTIONS}
      </p>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
