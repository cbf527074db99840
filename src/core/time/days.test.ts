import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock, setClock } from './clock.ts';
import {
  addDays,
  agoLabel,
  calendarDaysBetween,
  dateIn,
  daysAgo,
  daysAgoLabel,
  daysBetweenDates,
  todayIn,
} from './days.ts';
import { daysFromNow, startOfDayIn, startOfLastDays } from './weeks.ts';

// Far from UTC on both sides, with DST in both hemispheres, half and quarter hours, and none at all.
const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/Los_Angeles',
  'America/New_York',
  'America/St_Johns',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Asia/Kolkata',
];
const zone = fc.constantFrom(...ZONES);
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** A wall-clock minute of the day, 00:00–23:59. */
const minuteOfDay = fc.integer({ min: 0, max: 24 * 60 - 1 });

/** The instant a wall-clock time has in a zone (luxon moves a time lost to DST forward). */
const at = (day: string, minute: number, tz: string) =>
  DateTime.fromISO(day, { zone: tz })
    .set({ hour: Math.floor(minute / 60), minute: minute % 60 })
    .toJSDate();

// The days around DST changes, where 24-hour arithmetic goes wrong first.
const DST_DAYS: [string, string][] = [
  ['Europe/Berlin', '2026-03-29'],
  ['Europe/Berlin', '2026-10-25'],
  ['America/Los_Angeles', '2026-03-08'],
  ['America/Los_Angeles', '2026-11-01'],
  ['Pacific/Auckland', '2026-04-05'],
  ['Pacific/Auckland', '2026-09-27'],
  ['Australia/Lord_Howe', '2026-10-04'],
];

afterEach(() => {
  setClock(null);
});

describe('calendar days between two instants in a zone', () => {
  it('are the difference of the two wall-calendar dates, whatever the hour of either', () => {
    fc.assert(
      fc.property(
        zone,
        date,
        fc.integer({ min: -400, max: 400 }),
        minuteOfDay,
        minuteOfDay,
        (tz, day, n, m1, m2) => {
          const from = at(day, m1, tz);
          const to = at(addDays(day, n), m2, tz);
          // A time lost to a DST gap can move to the next day only in zones that skip midnight.
          fc.pre(dateIn(from, tz) === day && dateIn(to, tz) === addDays(day, n));
          expect(calendarDaysBetween(from, to, tz)).toBe(n);
        },
      ),
    );
  });

  it('do not depend on the hour of the request: every minute of a day gives the same count', () => {
    fc.assert(
      fc.property(zone, date, fc.integer({ min: 0, max: 120 }), minuteOfDay, (tz, day, n, m) => {
        const meeting = at(day, m, tz);
        fc.pre(dateIn(meeting, tz) === day);
        const counts = new Set<number>();
        for (const minute of [0, 30, 7 * 60, 8 * 60 + 59, 12 * 60, 23 * 60 + 30, 23 * 60 + 59]) {
          const request = at(addDays(day, n), minute, tz);
          if (dateIn(request, tz) === addDays(day, n)) counts.add(calendarDaysBetween(meeting, request, tz));
        }
        expect([...counts]).toEqual([n]);
      }),
    );
  });

  it('count one day across each DST change, 23 or 25 hours long', () => {
    for (const [tz, day] of DST_DAYS) {
      const before = at(addDays(day, -1), 23 * 60 + 30, tz);
      const after = at(addDays(day, 1), 30, tz);
      expect(calendarDaysBetween(before, after, tz), `${tz} ${day}`).toBe(2);
      expect(calendarDaysBetween(at(day, 12 * 60, tz), at(addDays(day, 1), 12 * 60, tz), tz)).toBe(1);
    }
  });

  it('are antisymmetric and add up along the way', () => {
    const instant = fc.date({
      min: new Date('2000-01-01'),
      max: new Date('2040-01-01'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(zone, instant, instant, instant, (tz, a, b, c) => {
        expect(calendarDaysBetween(a, b, tz) + calendarDaysBetween(b, a, tz)).toBe(0);
        expect(calendarDaysBetween(a, b, tz) + calendarDaysBetween(b, c, tz)).toBe(
          calendarDaysBetween(a, c, tz),
        );
      }),
    );
  });

  it('see the same two instants a day apart in one zone and the same day in another', () => {
    const late = new Date('2026-11-29T22:00:00Z'); // 23:00 Sunday in Berlin, 11:00 Monday in Auckland
    const early = new Date('2026-11-30T07:00:00Z'); // 08:00 Monday in Berlin, 20:00 Monday in Auckland
    expect(calendarDaysBetween(late, early, 'Europe/Berlin')).toBe(1);
    expect(calendarDaysBetween(late, early, 'Pacific/Auckland')).toBe(0);
    // 14:00 and 23:00 on Sunday in Los Angeles.
    expect(calendarDaysBetween(late, early, 'America/Los_Angeles')).toBe(0);
  });
});

describe('calendar dates', () => {
  it('add and subtract to the same day count', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -5000, max: 5000 }), (day, n) => {
        expect(daysBetweenDates(day, addDays(day, n))).toBe(n);
        expect(addDays(addDays(day, n), -n)).toBe(day);
      }),
    );
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('have the date a zone shows, far from UTC on both sides', () => {
    const instant = new Date('2026-11-30T10:30:00Z');
    expect(dateIn(instant, 'Pacific/Kiritimati')).toBe('2026-12-01');
    expect(dateIn(instant, 'Pacific/Pago_Pago')).toBe('2026-11-29');
    expect(dateIn(instant, 'UTC')).toBe('2026-11-30');
  });

  it('start at local midnight, or the first minute that exists', () => {
    expect(startOfDayIn('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // Santiago skips 00:00–01:00 when DST starts: the day begins at 01:00.
    expect(startOfDayIn('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('the clock in force', () => {
  it('gives "today" and "N days ago" at any hour: Saturday 09:00 is 2 days ago on Monday 07:00', () => {
    const meeting = new Date('2026-11-28T09:00:00Z');
    for (const hour of ['00:30', '07:00', '08:59', '23:30']) {
      setClock(fixedClock(`2026-11-30T${hour}:00Z`));
      expect(daysAgo(meeting, 'UTC'), hour).toBe(2);
      expect(todayIn('UTC')).toBe('2026-11-30');
    }
  });

  it('counts 30 days for a meeting at 23:00 Berlin time on the date 30 days ago, at 08:00 today', () => {
    setClock(fixedClock('2026-12-01T07:00:00Z')); // 08:00 in Berlin
    const meeting = at('2026-11-01', 23 * 60, 'Europe/Berlin');
    expect(daysAgo(meeting, 'Europe/Berlin')).toBe(30);
  });

  it('begins "the last N days" so that an instant is in them exactly when it was fewer than N days ago', () => {
    fc.assert(
      fc.property(
        zone,
        fc.date({ min: new Date('2001-01-01'), max: new Date('2039-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: -100 * 24 * 60, max: 0 }),
        (tz, today, n, offsetMinutes) => {
          setClock(fixedClock(today));
          const instant = new Date(today.getTime() + offsetMinutes * 60_000);
          expect(instant >= startOfLastDays(n, tz)).toBe(daysAgo(instant, tz) < n);
        },
      ),
    );
  });

  it('sets an expiry on the same wall-clock time N calendar days on, across DST', () => {
    setClock(fixedClock('2026-10-20T10:00:00Z')); // 12:00 in Berlin, summer time
    const expiry = daysFromNow(21, 'Europe/Berlin');
    expect(DateTime.fromJSDate(expiry, { zone: 'Europe/Berlin' }).toFormat('yyyy-MM-dd HH:mm')).toBe(
      '2026-11-10 12:00',
    );
  });
});

describe('labels', () => {
  it('say today, yesterday and N days ago', () => {
    expect([0, 1, 2, 12, -1, -3].map(daysAgoLabel)).toEqual([
      'today',
      'yesterday',
      '2 days ago',
      '12 days ago',
      'tomorrow',
      'in 3 days',
    ]);
  });

  it('say minutes and hours within a day, then calendar days', () => {
    setClock(fixedClock('2026-11-30T00:30:00Z'));
    expect(agoLabel(new Date('2026-11-30T00:29:40Z'), 'UTC')).toBe('just now');
    expect(agoLabel(new Date('2026-11-30T00:05:00Z'), 'UTC')).toBe('25 minutes ago');
    expect(agoLabel(new Date('2026-11-29T23:50:00Z'), 'UTC')).toBe('40 minutes ago');
    expect(agoLabel(new Date('2026-11-29T22:00:00Z'), 'UTC')).toBe('yesterday');
    expect(agoLabel(new Date('2026-11-29T22:00:00Z'), 'Pacific/Auckland')).toBe('2 hours ago');
    expect(agoLabel(new Date('2026-11-20T12:00:00Z'), 'UTC')).toBe('10 days ago');
    expect(agoLabel(new Date('2026-08-30T12:00:00Z'), 'UTC')).toBe('3 months ago');
  });
});
