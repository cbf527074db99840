import type { Bounds, Quadrant, QuadrantSplit, TargetResult, WeekReport } from '../../api/types.ts';
import { QUADRANT_IDS } from '../../shared/quadrants.ts';

/** A target as people read it: `≥ 35 %`, `≤ 15 %` or `20–40 %`. */
export function boundsText(bounds: Bounds): string {
  const pct = (share: number) => Math.round(share * 100);
  if (bounds.min !== undefined && bounds.max !== undefined) return `${pct(bounds.min)}–${pct(bounds.max)} %`;
  if (bounds.min !== undefined) return `≥ ${pct(bounds.min)} %`;
  return `≤ ${pct(bounds.max ?? 1)} %`;
}

/** Whether a share is within its bounds, and by how much it misses (as the server rounds it). */
export function evaluateTarget(bounds: Bounds, actual: number): TargetResult {
  const below = bounds.min !== undefined ? Math.max(0, bounds.min - actual) : 0;
  const above = bounds.max !== undefined ? Math.max(0, actual - bounds.max) : 0;
  const off = Math.round((below + above) * 10_000) / 10_000;
  return { ...bounds, actual, met: off === 0, off };
}

function splitOf(minutes: Record<Quadrant, number>, total: number): QuadrantSplit {
  const split = {} as QuadrantSplit;
  for (const q of QUADRANT_IDS) split[q] = { minutes: minutes[q], share: total ? minutes[q] / total : 0 };
  return split;
}

/**
 * The report as it will be once an activity's minutes move between quadrants (for optimistic
 * updates); `from` is null for an imported event waiting for review, which did not count yet.
 */
export function reportAfterMove(
  report: WeekReport,
  from: Quadrant | null,
  to: Quadrant,
  minutes: number,
): WeekReport {
  if (from === to) return report;
  const perQuadrant = Object.fromEntries(QUADRANT_IDS.map((q) => [q, report.quadrants[q].minutes])) as Record<
    Quadrant,
    number
  >;
  if (from) perQuadrant[from] -= minutes;
  perQuadrant[to] += minutes;
  const totalMinutes = report.totalMinutes + (from ? 0 : minutes);
  const quadrants = splitOf(perQuadrant, totalMinutes);
  const targets: WeekReport['targets'] = {};
  for (const q of QUADRANT_IDS) {
    const target = report.targets[q];
    if (target) targets[q] = evaluateTarget({ min: target.min, max: target.max }, quadrants[q].share);
  }
  return { ...report, totalMinutes, quadrants, targets };
}
