import { describe, expect, it } from 'vitest';
import { summarizeWeek } from './summary.ts';
import { DEFAULT_TARGETS, evaluateTargets } from './targets.ts';

type Shares = ReturnType<typeof shares>;
const shares = (q1: number, q2: number, q3: number, q4: number) => ({ q1, q2, q3, q4 });

/** The sentence for a 40-hour week of these shares, judged against the default targets. */
const summarizeFullWeek = (s: Shares, previousShares: Shares | null = null) =>
  summarizeWeek({
    totalMinutes: 2400,
    shares: s,
    previousShares,
    targets: evaluateTargets(DEFAULT_TARGETS, s),
  });

describe('targets', () => {
  it('say how far outside its bounds each quadrant is', () => {
    const result = evaluateTargets(DEFAULT_TARGETS, shares(0.3, 0.2, 0.4, 0.1));
    expect(result.q2).toEqual({ min: 0.35, actual: 0.2, met: false, off: 0.15 });
    expect(result.q3).toMatchObject({ max: 0.15, met: false, off: 0.25 });
    expect(result.q4).toMatchObject({ max: 0.05, met: false, off: 0.05 });
    expect(result.q1).toBeUndefined();
  });

  it('are met on the boundary', () => {
    expect(evaluateTargets({ q2: { min: 0.35, max: 0.6 } }, shares(0, 0.35, 0, 0)).q2?.met).toBe(true);
  });
});

describe('week summary', () => {
  it('invites logging when the week is empty', () => {
    expect(
      summarizeWeek({ totalMinutes: 0, shares: shares(0, 0, 0, 0), previousShares: null, targets: {} }),
    ).toMatch(/Nothing logged/);
  });

  it('names the worst miss first, and the quadrant that took the time', () => {
    const text = summarizeFullWeek(shares(0.2, 0.15, 0.5, 0.15));
    expect(text).toMatch(/^Urgency won this week: Challenge \(Q3\) took 50 % against a limit of 15 %/);
    expect(text.split('.').filter(Boolean)).toHaveLength(1);
  });

  it('calls Q2 being crowded out what it is', () => {
    const text = summarizeFullWeek(shares(0.6, 0.2, 0.15, 0.05));
    expect(text).toBe(
      'Urgency won this week: Build the legacy (Q2) got only 20 % against a target of at least 35 %; the biggest share went to urgent and important work (Q1) at 60 %.',
    );
  });

  it('praises a balanced week and the change in Q2', () => {
    const text = summarizeFullWeek(shares(0.3, 0.5, 0.15, 0.05), shares(0.4, 0.3, 0.2, 0.1));
    expect(text).toBe(
      'A balanced week within your targets: 50 % went to building the legacy (Q2), up 20 points on last week.',
    );
  });
});
