import type { QuadrantSplit } from '../../api/types.ts';
import { formatShare } from '../../shared/format.ts';
import { QUADRANTS } from '../../shared/quadrants.ts';

/** A split across the quadrants as one thin bar, with the shares in its label. */
export function QuadrantMiniBar({ split, large }: { split: QuadrantSplit; large?: boolean }) {
  const description = QUADRANTS.map((q) => `${q.label} ${formatShare(split[q.id].share)}`).join(', ');
  return (
    <span
      className={large ? 'mini-split mini-split--large' : 'mini-split'}
      role="img"
      aria-label={description}
      title={description}
    >
      {QUADRANTS.map((q) =>
        split[q.id].share > 0 ? (
          <span
            key={q.id}
            className={`bg-${q.id}`}
            style={{ width: `${split[q.id].share * 100}%` }}
            title={large ? `${q.label} ${q.name}: ${formatShare(split[q.id].share)}` : undefined}
          >
            {large && split[q.id].share >= 0.08
              ? `${split[q.id].share >= 0.14 ? `${q.label} ` : ''}${formatShare(split[q.id].share)}`
              : null}
          </span>
        ) : null,
      )}
    </span>
  );
}
