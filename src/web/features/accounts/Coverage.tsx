import type { Connectivity } from './accounts-queries.ts';
import { FUNCTION_LABELS, FUNCTIONS, LEVEL_LABELS, LEVELS } from './stakeholder-labels.ts';

/** Functions down, levels across; each cell shaded by the strongest relationship there. */
export function CoverageGrid({ coverage }: { coverage: Connectivity['coverage'] }) {
  const cellOf = (fn: string, level: string) => coverage.find((c) => c.function === fn && c.level === level);
  return (
    <table className="coverage-grid">
      <thead>
        <tr>
          <th scope="col" className="coverage-grid__level">
            <span className="sr-only">Function</span>
          </th>
          {LEVELS.map((level) => (
            <th key={level} scope="col" className="coverage-grid__level">
              {LEVEL_LABELS[level]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {FUNCTIONS.map((fn) => (
          <tr key={fn}>
            <th scope="row" className="coverage-grid__function">
              {FUNCTION_LABELS[fn]}
            </th>
            {LEVELS.map((level) => {
              const cell = cellOf(fn, level);
              const count = cell?.stakeholders ?? 0;
              const strength = cell?.strength ?? null;
              return (
                <td key={level} className="coverage-grid__cell">
                  <span
                    className={`coverage-cell coverage-cell--${strength === null ? 'empty' : strength}`}
                    data-testid={`coverage-${fn}-${level}`}
                    data-count={count}
                    title={
                      count
                        ? `${count} ${count === 1 ? 'person' : 'people'}, strongest relationship ${strength}/5`
                        : 'Nobody'
                    }
                  >
                    {count}
                  </span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StrengthDots({ strength }: { strength: number }) {
  return (
    <span className="strength" role="img" aria-label={`Strength ${strength} of 5`}>
      {[1, 2, 3, 4, 5].map((i) => (
        <span key={i} className={i <= strength ? 'strength__dot strength__dot--on' : 'strength__dot'} />
      ))}
    </span>
  );
}
