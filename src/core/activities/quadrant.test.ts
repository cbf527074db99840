import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flagsOf, QUADRANTS, quadrantOf } from './quadrant.ts';

describe('quadrants', () => {
  it('follow the urgent/important matrix', () => {
    expect(quadrantOf({ urgent: true, important: true })).toBe('q1');
    expect(quadrantOf({ urgent: false, important: true })).toBe('q2');
    expect(quadrantOf({ urgent: true, important: false })).toBe('q3');
    expect(quadrantOf({ urgent: false, important: false })).toBe('q4');
  });

  it('are derived from the flags and back without loss', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (urgent, important) => {
        expect(flagsOf(quadrantOf({ urgent, important }))).toEqual({ urgent, important });
      }),
    );
    for (const q of QUADRANTS) expect(quadrantOf(flagsOf(q))).toBe(q);
  });
});
