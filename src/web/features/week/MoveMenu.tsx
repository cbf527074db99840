import { Suspense, useRef, useState } from 'react';
import type { Activity, Quadrant } from '../../api/types.ts';
import { lazyNamed } from '../../shared/lazy.ts';
import { QuadrantChoices } from './QuadrantChoices.tsx';

// Loaded when a card's Move to… is first opened: the board shows without it.
const Sheet = lazyNamed(() => import('../../shared/Sheet.tsx'), 'Sheet');

/**
 * A card's Move to… (board.css shows it on phones and touch screens, where cards are not dragged):
 * a sheet of the other quadrants; the move is the board's, as a drag's would be.
 */
export function MoveMenu({ activity, onMove }: { activity: Activity; onMove: (to: Quadrant) => void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  // An imported event no rule placed is in no quadrant yet: all four are offered.
  const from = activity.classification === 'unclassified' ? undefined : activity.quadrant;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="card-move"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`Move ‘${activity.title}’ to…`}
        onClick={() => setOpen(true)}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path
            d="M2 5h10m-3-3 3 3-3 3m5 3H4m3-3-3 3 3 3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        Move
      </button>
      {open && (
        <Suspense fallback={null}>
          <Sheet title="Move to…" subtitle={activity.title} onClose={close}>
            <QuadrantChoices
              layout="list"
              except={from}
              onChoose={(to) => {
                setOpen(false);
                onMove(to);
              }}
            />
          </Sheet>
        </Suspense>
      )}
    </>
  );
}
