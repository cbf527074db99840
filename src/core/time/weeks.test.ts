import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  formatInZone,
  isValidTimeZone,
  parseDateTime,
  parseIsoWeek,
  shiftWeek,
  weekOf,
  weekRange,
} from './weeks.ts';

// Zones with DST in both hemispheres, half-hour and 45-minute offsets, and none at all.
const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'America/Sao_Paulo',
  'America/St_Johns',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Africa/Casablanca',
  'Pacific/Kiritimati',
];

const zone = fc.constantFrom(...ZONES);
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2040-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('ISO weeks in a time zone', () => {
  it('start on Monday 00:00 local and end on the next Monday 00:00 local', () => {
    fc.assert(
      fc.property(zone, instant, (tz, at) => {
        const { from, to } = weekRange(weekOf(at, tz), tz);
        expect(from.weekday).toBe(1);
        // 00:00, or the first minute of the day where DST skips midnight (Casablanca, Santiago).
        expect(from.toMillis()).toBe(from.startOf('day').toMillis());
        expect(to.toMillis()).toBe(to.startOf('day').toMillis());
        expect(to.diff(from, 'days').days).toBe(7);
      }),
    );
  });

  it('contain the instant they were computed from (an activity counts in the week it starts)', () => {
    fc.assert(
      fc.property(zone, instant, (tz, at) => {
        const { from, to } = weekRange(weekOf(at, tz), tz);
        expect(from.toMillis()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime()).toBeLessThan(to.toMillis());
      }),
    );
  });

  it('tile time: the next week starts where this one ends', () => {
    fc.assert(
      fc.property(zone, instant, (tz, at) => {
        const week = weekOf(at, tz);
        expect(weekRange(shiftWeek(week, 1), tz).from.toMillis()).toBe(weekRange(week, tz).to.toMillis());
        expect(shiftWeek(shiftWeek(week, -7), 7)).toBe(week);
      }),
    );
  });

  it('are 167 hours long in the spring DST week and 169 in the autumn one (Europe/London 2026)', () => {
    const spring = weekRange('2026-W13', 'Europe/London');
    const autumn = weekRange('2026-W43', 'Europe/London');
    expect(spring.to.diff(spring.from, 'hours').hours).toBe(167);
    expect(autumn.to.diff(autumn.from, 'hours').hours).toBe(169);
  });

  it('know week 53 and week 1 at year ends', () => {
    expect(weekOf(new Date('2026-12-31T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(weekOf(new Date('2027-01-04T12:00:00Z'), 'UTC')).toBe('2027-W01');
    expect(weekOf(new Date('2026-11-23T00:30:00Z'), 'Pacific/Auckland')).toBe('2026-W48');
    expect(weekOf(new Date('2026-11-22T23:30:00Z'), 'UTC')).toBe('2026-W47');
    expect(() => parseIsoWeek('2025-W53')).toThrow(/ISO week/);
    expect(() => parseIsoWeek('2026-47')).toThrow(/ISO week/);
  });
});

describe('local date-times', () => {
  it('make a 09:00–17:00 working day 480 minutes on any day, including DST changes', () => {
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true });
    fc.assert(
      fc.property(zone, day, (tz, d) => {
        const date = d.toISOString().slice(0, 10);
        const start = parseDateTime(`${date}T09:00`, tz, 'startsAt');
        const end = parseDateTime(`${date}T17:00`, tz, 'endsAt');
        expect((end.getTime() - start.getTime()) / 60_000).toBe(480);
      }),
    );
  });

  it('read a time without offset in the given zone, and keep an explicit offset', () => {
    expect(parseDateTime('2026-11-20T10:00', 'America/New_York', 'at').toISOString()).toBe(
      '2026-11-20T15:00:00.000Z',
    );
    expect(parseDateTime('2026-07-20T10:00', 'Europe/London', 'at').toISOString()).toBe(
      '2026-07-20T09:00:00.000Z',
    );
    expect(parseDateTime('2026-11-20T10:00:00+01:00', 'America/New_York', 'at').toISOString()).toBe(
      '2026-11-20T09:00:00.000Z',
    );
    expect(formatInZone(new Date('2026-07-20T09:00:00Z'), 'Europe/London')).toBe('2026-07-20T10:00:00+01:00');
  });

  it('round-trips any instant through its formatted form in any zone', () => {
    fc.assert(
      fc.property(zone, instant, (tz, at) => {
        const whole = new Date(Math.floor(at.getTime() / 1000) * 1000);
        expect(parseDateTime(formatInZone(whole, tz), 'UTC', 'at').getTime()).toBe(whole.getTime());
      }),
    );
  });

  it('reject what is not an ISO date-time, naming the field', () => {
    for (const bad of ['tomorrow', '2026-13-01T10:00', '2026-11-20', '2026-11-20T25:00', '']) {
      expect(() => parseDateTime(bad, 'UTC', 'startsAt')).toThrow(/startsAt must be an ISO date-time/);
    }
  });
});

describe('time zone names', () => {
  it('accept IANA names only', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('+01:00')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(DateTime.now().setZone('Europe/London').isValid).toBe(true);
  });
});
