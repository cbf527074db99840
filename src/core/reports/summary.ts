import { QUADRANT_NAMES, QUADRANTS, type Quadrant } from '../activities/quadrant.ts';
import { formatShare } from './format.ts';
import type { TargetResult } from './targets.ts';

const WHAT: Record<Quadrant, string> = {
  q1: 'urgent and important work (Q1)',
  q2: 'building the legacy (Q2)',
  q3: 'urgent but unimportant interruptions (Q3)',
  q4: 'neither urgent nor important work (Q4)',
};

/** One plain sentence on where the week was biased, worst target miss first. */
export function summarizeWeek(input: {
  totalMinutes: number;
  shares: Record<Quadrant, number>;
  previousShares: Record<Quadrant, number> | null;
  targets: Partial<Record<Quadrant, TargetResult>>;
}): string {
  const { totalMinutes, shares, previousShares, targets } = input;
  if (totalMinutes === 0)
    return 'Nothing logged this week yet: add what you worked on to see where your time went.';

  const largest = QUADRANTS.reduce((a, b) => (shares[b] > shares[a] ? b : a));
  const misses = (Object.entries(targets) as [Quadrant, TargetResult][])
    .filter(([, t]) => !t.met)
    .sort(([, a], [, b]) => b.off - a.off);
  const worst = misses[0];

  if (worst) {
    const [quadrant, target] = worst;
    const short = target.min !== undefined && target.actual < target.min;
    const miss = short
      ? `${QUADRANT_NAMES[quadrant]} (${quadrant.toUpperCase()}) got only ${formatShare(target.actual)} against a target of at least ${formatShare(target.min ?? 0)}`
      : `${QUADRANT_NAMES[quadrant]} (${quadrant.toUpperCase()}) took ${formatShare(target.actual)} against a limit of ${formatShare(target.max ?? 1)}`;
    const lead =
      largest !== quadrant && shares[largest] > 0
        ? `; the biggest share went to ${WHAT[largest]} at ${formatShare(shares[largest])}`
        : '';
    const bias =
      quadrant === 'q2' || largest === 'q1' || largest === 'q3'
        ? 'Urgency won this week'
        : 'The week drifted';
    return `${bias}: ${miss}${lead}.`;
  }

  const change = previousShares ? shares.q2 - previousShares.q2 : 0;
  const trend =
    Math.abs(change) >= 0.05
      ? `, ${change > 0 ? 'up' : 'down'} ${Math.round(Math.abs(change) * 100)} points on last week`
      : '';
  return `A balanced week within your targets: ${formatShare(shares.q2)} went to building the legacy (Q2)${trend}.`;
}
