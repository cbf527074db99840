import { describe, expect, it } from 'vitest';
import {
  badgeText,
  bellLabel,
  dayLabel,
  groupByDay,
  hrefOfNotification,
  timeIn,
} from './notification-days.ts';

const at = (createdAt: string, id = createdAt) => ({ id, createdAt });

describe('the notification centre by day', () => {
  it('names today, yesterday, then the weekday and date, with the year only for another year', () => {
    expect(dayLabel('2026-12-02', '2026-12-02')).toBe('Today');
    expect(dayLabel('2026-12-01', '2026-12-02')).toBe('Yesterday');
    expect(dayLabel('2026-11-30', '2026-12-02')).toBe('Mon 30 Nov');
    expect(dayLabel('2025-12-29', '2026-01-02')).toBe('Mon 29 Dec 2025');
  });

  it('cuts the days on the wall calendar of the person, not in UTC', () => {
    // 23:30 UTC on 1 December is already 2 December in Berlin, and still 1 December in New York.
    const items = [at('2026-12-02T08:00:00Z'), at('2026-12-01T23:30:00Z'), at('2026-12-01T09:00:00Z')];
    expect(groupByDay(items, 'Europe/Berlin', '2026-12-02').map((g) => [g.label, g.items.length])).toEqual([
      ['Today', 2],
      ['Yesterday', 1],
    ]);
    expect(groupByDay(items, 'America/New_York', '2026-12-02').map((g) => [g.label, g.items.length])).toEqual(
      [
        ['Today', 1],
        ['Yesterday', 2],
      ],
    );
  });

  it('keeps the order it is given inside each day', () => {
    const items = [at('2026-12-02T10:00:00Z', 'b'), at('2026-12-02T09:00:00Z', 'a')];
    expect(groupByDay(items, 'UTC', '2026-12-02')[0]?.items.map((i) => i.id)).toEqual(['b', 'a']);
    expect(groupByDay([], 'UTC', '2026-12-02')).toEqual([]);
  });

  it('tells the time in the zone', () => {
    expect(timeIn('2026-12-02T08:05:00Z', 'Europe/Berlin')).toBe('09:05');
  });

  it('writes the badge and the bell’s name', () => {
    expect(badgeText(3)).toBe('3');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
    expect(bellLabel(0)).toBe('Notifications, none unread');
  });

  it('follows only links into the app', () => {
    expect(hrefOfNotification('/#/plan/2026-W49')).toBe('/#/plan/2026-W49');
    expect(hrefOfNotification('#/reflections')).toBe('#/reflections');
    expect(hrefOfNotification('javascript:alert(1)')).toBe('#/week');
    expect(hrefOfNotification('https://elsewhere.test/#/plan')).toBe('#/week');
  });
});
