import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { placeTip, type Size } from './geometry.ts';

/** The edges of the mark a tip belongs to, in the chart's pixels. */
export interface TipAnchor {
  left: number;
  right: number;
  top: number;
}

/**
 * A mark's figures beside it (on hover and on keyboard focus), kept inside the chart's width. Only
 * for the eye: the mark's accessible name carries the same figures.
 */
export function ChartTip({ anchor, box, children }: { anchor: TipAnchor; box: Size; children: ReactNode }) {
  const tip = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);
  const { left, right, top } = anchor;
  // Measured again when the mark changes (its figures change with it) or the chart's size does.
  useLayoutEffect(() => {
    const element = tip.current;
    if (!element) return;
    setAt(placeTip({ left, right, top }, { width: element.offsetWidth, height: element.offsetHeight }, box));
  }, [left, right, top, box]);
  return (
    <div
      ref={tip}
      className="chart-tip"
      aria-hidden="true"
      style={at ? { left: at.left, top: at.top } : { left: 0, top: 0, visibility: 'hidden' }}
    >
      {children}
    </div>
  );
}
