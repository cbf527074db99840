import type { ReactNode } from 'react';
import { type PlanItem, useMarkDone } from './plan-queries.ts';

/** One planned action: tick it done (its time is logged), with how often it slipped. */
export function PlanItemRow({
  item,
  testId,
  children,
}: {
  item: PlanItem;
  testId: string;
  children?: ReactNode;
}) {
  const mark = useMarkDone();
  return (
    <label className={`plan-item${item.done ? ' plan-item--done' : ''}`} data-testid={testId}>
      <input
        type="checkbox"
        checked={item.done}
        onChange={(e) => mark.mutate({ id: item.id, done: e.target.checked, title: item.title })}
      />
      <span>
        {item.startTime && <b>{item.startTime} </b>}
        {item.title} <span className="muted">{item.minutes} min</span>
        {item.slipped > 0 && (
          <span className="pill pill--warn" title={`First planned for ${item.plannedFor}`}>
            slipped {item.slipped}×
          </span>
        )}
      </span>
      {children}
    </label>
  );
}
