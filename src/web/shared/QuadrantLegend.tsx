import { QUADRANTS } from './quadrants.ts';

/** The four quadrants' colours and names, above a chart. */
export function QuadrantLegend() {
  return (
    <ul className="split-legend split-legend--top">
      {QUADRANTS.map((q) => (
        <li key={q.id}>
          <span className={`dot bg-${q.id}`} aria-hidden="true" />
          {q.label} {q.name}
        </li>
      ))}
    </ul>
  );
}
