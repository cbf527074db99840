import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, demoWeeks } from './demo.ts';

const now = DateTime.fromISO('2026-11-25T12:00', { zone: 'Europe/London' });

describe('demo data', () => {
  const items = demoWeeks(now);

  it('is the same on every run', () => {
    expect(demoWeeks(now)).toEqual(items);
  });

  it('fills working hours on weekdays over 12 weeks, and nothing after today', () => {
    const weeks = new Set(
      items.map((i) => DateTime.fromJSDate(i.startsAt, { zone: 'Europe/London' }).weekNumber),
    );
    expect(weeks.size).toBe(12);
    for (const item of items) {
      const local = DateTime.fromJSDate(item.startsAt, { zone: 'Europe/London' });
      expect(local.weekday).toBeLessThanOrEqual(5);
      expect(local.hour * 60 + local.minute).toBeGreaterThanOrEqual(8 * 60 + 30);
      expect(
        local.plus({ minutes: item.minutes }).hour * 60 + local.plus({ minutes: item.minutes }).minute,
      ).toBeLessThanOrEqual(17 * 60 + 30);
      expect(local <= now.endOf('day')).toBe(true);
    }
  });

  it('tells a story: three customer accounts and Q2 growing over the weeks', () => {
    expect(new Set(items.map((i) => i.account).filter(Boolean))).toEqual(new Set(DEMO_ACCOUNTS));
    const q2Share = (part: typeof items) =>
      part.filter((i) => i.quadrant === 'q2').reduce((s, i) => s + i.minutes, 0) /
      part.reduce((s, i) => s + i.minutes, 0);
    const firstMonth = items.filter((i) => i.startsAt < now.minus({ weeks: 8 }).toJSDate());
    const lastMonth = items.filter((i) => i.startsAt >= now.minus({ weeks: 4 }).toJSDate());
    expect(q2Share(lastMonth)).toBeGreaterThan(q2Share(firstMonth));
  });
});
