import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCORECARD_SIDES, SCORECARD_SUBJECTS } from '../db/schema/index.ts';
import { roundViews, type ScoreInput } from './views.ts';

const scoreArb = fc.record({
  rater: fc.constantFrom('ann', 'bob', 'cust-1', 'cust-2', 'cust-3'),
  side: fc.constantFrom(...SCORECARD_SIDES),
  target: fc.constantFrom(...SCORECARD_SIDES),
  subject: fc.constantFrom(...SCORECARD_SUBJECTS),
  score: fc.integer({ min: 1, max: 5 }),
});

describe('round views', () => {
  it('average only the answers given, count raters, and say null (not zero) where nobody rated', () => {
    const scores: ScoreInput[] = [
      { rater: 'ann', side: 'us', target: 'us', subject: 'trading', score: 4 },
      { rater: 'bob', side: 'us', target: 'us', subject: 'trading', score: 5 },
      { rater: 'bob', side: 'us', target: 'us', subject: 'credibility', score: 2 },
      { rater: 'cust', side: 'them', target: 'us', subject: 'trading', score: 2 },
    ];
    const { views, gaps } = roundViews(scores);
    expect(views.usOnUs.raters).toBe(2);
    expect(views.usOnUs.subjects[0]).toEqual({ subject: 'trading', average: 4.5, raters: 2 });
    expect(views.usOnUs.subjects[1]).toEqual({ subject: 'credibility', average: 2, raters: 1 });
    expect(views.usOnUs.subjects[2]).toEqual({ subject: 'connectivity', average: null, raters: 0 });
    expect(views.usOnUs.average).toBe(3.25);
    expect(views.themOnThem).toMatchObject({ raters: 0, average: null });
    expect(gaps[0]).toEqual({ subject: 'trading', aboutUs: 2.5, aboutThem: null, largest: 2.5 });
    expect(gaps.slice(1).every((g) => g.largest === null)).toBe(true);
  });

  it('hold for any answers: averages within 1–5, rater counts bounded, gaps ordered by size', () => {
    fc.assert(
      fc.property(fc.array(scoreArb, { maxLength: 80 }), (raw) => {
        // One answer per rater, target and subject, as the database keeps it.
        const seen = new Set<string>();
        const scores = raw.filter((s) => {
          const key = `${s.rater}|${s.side}|${s.target}|${s.subject}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        const { views, gaps } = roundViews(scores);
        for (const view of Object.values(views)) {
          for (const s of view.subjects) {
            if (s.raters === 0) expect(s.average).toBeNull();
            else expect(s.average).toBeGreaterThanOrEqual(1);
            if (s.average !== null) expect(s.average).toBeLessThanOrEqual(5);
            expect(s.raters).toBeLessThanOrEqual(view.raters);
          }
        }
        expect(gaps).toHaveLength(SCORECARD_SUBJECTS.length);
        for (let i = 1; i < gaps.length; i++) {
          expect(gaps[i - 1]?.largest ?? -1).toBeGreaterThanOrEqual(gaps[i]?.largest ?? -1);
        }
        for (const g of gaps) {
          if (g.largest !== null) expect(g.largest).toBeLessThanOrEqual(4);
        }
      }),
    );
  });
});
