import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUADRANTS } from '../activities/quadrant.ts';
import { weekRange } from '../time/weeks.ts';
import { countedIn, type PersonWeeks, personRow, teamTotals, trendWeeks } from './figures.ts';

const WEEK = '2026-W47';
const WEEKS = trendWeeks(WEEK);
const ZONES = ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland'];

const minutes = fc.record({
  q1: fc.nat(3000),
  q2: fc.nat(3000),
  q3: fc.nat(3000),
  q4: fc.nat(3000),
});

/** A person with some of the 12 weeks logged, maybe deactivated during one of them. */
const person = fc
  .record({
    id: fc.uuid(),
    zone: fc.constantFrom(...ZONES),
    logged: fc.array(fc.tuple(fc.constantFrom(...WEEKS), minutes), { maxLength: 12 }),
    deactivatedIn: fc.option(fc.integer({ min: 0, max: 13 }), { nil: null }),
    recurring: fc.nat(600),
    planned: fc.nat(3000),
    reflected: fc.boolean(),
  })
  .map(
    (p): PersonWeeks => ({
      member: {
        id: p.id,
        name: `Person ${p.id.slice(0, 4)}`,
        timeZone: p.zone,
        targets: null,
        // Somewhere in week N of the span (13: after it), in the person's zone.
        deactivatedAt:
          p.deactivatedIn === null
            ? null
            : weekRange(WEEKS[Math.min(p.deactivatedIn, 11)] as string, p.zone)
                .from.plus({ days: p.deactivatedIn > 11 ? 9 : 2 })
                .toJSDate(),
      },
      minutes: new Map(p.logged),
      recurringQ3Minutes: p.recurring,
      plannedQ2Minutes: p.planned,
      reflected: p.reflected,
    }),
  );

const team = fc.uniqueArray(person, { selector: (p) => p.member.id, maxLength: 12 });

describe('team totals', () => {
  it('are the sums of the people counted in each week', () => {
    fc.assert(
      fc.property(team, (people) => {
        const totals = teamTotals(people, WEEK);
        const rows = people.filter((p) => countedIn(p.member, WEEK)).map((p) => personRow(p, WEEK));
        expect(totals?.people).toBe(rows.length);
        expect(totals?.totalMinutes).toBe(rows.reduce((s, r) => s + r.totalMinutes, 0));
        for (const q of QUADRANTS) {
          expect(totals?.quadrants[q].minutes).toBe(rows.reduce((s, r) => s + r.quadrants[q].minutes, 0));
        }
        expect(totals?.plannedQ2Minutes).toBe(rows.reduce((s, r) => s + r.plannedQ2Minutes, 0));
        expect(totals?.recurringQ3Minutes).toBe(rows.reduce((s, r) => s + r.recurringQ3Minutes, 0));
        expect(totals?.reflected).toBe(rows.filter((r) => r.reflected).length);
        // Each week of the trend sums who was counted that week, deactivated people's past included.
        WEEKS.forEach((week, i) => {
          const counted = people.filter((p) => countedIn(p.member, week));
          const sum = counted.reduce((s, p) => s + (personRow(p, WEEK).q2Trend[i]?.totalMinutes ?? 0), 0);
          expect(totals?.q2Trend[i]?.totalMinutes).toBe(sum);
        });
      }),
    );
  });

  it('stay hidden below the minimum group, week by week', () => {
    fc.assert(
      fc.property(team, fc.integer({ min: 1, max: 8 }), (people, minGroup) => {
        const contributors = (week: string) =>
          people.filter((p) => {
            const m = p.minutes.get(week);
            return countedIn(p.member, week) && m && QUADRANTS.some((q) => m[q] > 0);
          }).length;
        const totals = teamTotals(people, WEEK, minGroup);
        if (contributors(WEEK) < minGroup) {
          expect(totals).toBeNull();
          return;
        }
        expect(totals?.contributors).toBe(contributors(WEEK));
        // Nor a plan total made of fewer people than the group.
        const planners = people.filter((p) => countedIn(p.member, WEEK) && p.plannedQ2Minutes > 0).length;
        expect(totals?.plannedQ2Minutes === null).toBe(planners > 0 && planners < minGroup);
        WEEKS.forEach((week, i) => {
          const point = totals?.q2Trend[i];
          if (contributors(week) < minGroup) expect(point).toEqual({ week, totalMinutes: null, share: null });
          else expect(point?.totalMinutes).not.toBeNull();
        });
      }),
    );
  });

  it('give a share only for weeks with counted time', () => {
    fc.assert(
      fc.property(person, (p) => {
        for (const point of personRow(p, WEEK).q2Trend) {
          if (point.totalMinutes === 0) expect(point.share).toBeNull();
          else expect(point.share).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
