import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ics, local, read, vevent } from '../../../test/ics.ts';

describe('properties', () => {
  const ZONES = Intl.supportedValuesOf('timeZone');
  const zone = fc.constantFrom(...ZONES);
  const wallClock = fc.record({
    year: fc.integer({ min: 2001, max: 2035 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  });
  const stamp = (dt: DateTime) => dt.toFormat("yyyyMMdd'T'HHmmss");
  const pad = (n: number) => String(n).padStart(2, '0');
  const value = (w: { year: number; month: number; day: number; hour: number; minute: number }) =>
    `${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}00`;

  it('a single event keeps its wall clock and its minutes in any zone', () => {
    fc.assert(
      fc.property(zone, wallClock, fc.integer({ min: 1, max: 24 * 60 }), (tz, w, minutes) => {
        const start = DateTime.fromObject(w, { zone: tz });
        fc.pre(start.hour === w.hour && start.minute === w.minute); // not a time the clocks skip
        const { events } = read(
          ics(...vevent('UID:p', `DTSTART;TZID=${tz}:${value(w)}`, `DURATION:PT${minutes}M`)),
        );
        expect(events).toHaveLength(1);
        const [event] = events;
        expect(local(event!.startsAt, tz)).toBe(start.toFormat("yyyy-MM-dd'T'HH:mm"));
        expect((event!.endsAt.getTime() - event!.startsAt.getTime()) / 60_000).toBe(minutes);
        expect(event!.timeZone).toBe(
          new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('a daily RRULE with COUNT=n yields n instances at the same wall clock', () => {
    fc.assert(
      fc.property(zone, wallClock, fc.integer({ min: 1, max: 60 }), (tz, w, n) => {
        const { events } = read(
          ics(...vevent('UID:c', `DTSTART;TZID=${tz}:${value(w)}`, `RRULE:FREQ=DAILY;COUNT=${n}`)),
        );
        expect(events).toHaveLength(n);
        expect(new Set(events.map((e) => e.sourceId)).size).toBe(n);
        const first = DateTime.fromObject(w, { zone: tz });
        events.forEach((event, i) => {
          const expected = first.plus({ days: i });
          // Where the clocks skip the hour, the instance moves to the first time that exists.
          if (expected.hour === w.hour)
            expect(local(event.startsAt, tz)).toBe(expected.toFormat("yyyy-MM-dd'T'HH:mm"));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('instances are the ones of an unbounded read that start inside the window', () => {
    const rule = fc.constantFrom(
      'FREQ=DAILY',
      'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      'FREQ=MONTHLY;BYMONTHDAY=1,15',
      'FREQ=HOURLY;INTERVAL=7',
    );
    const day = 86_400_000;
    fc.assert(
      fc.property(
        zone,
        rule,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 120 }),
        fc.boolean(),
        (tz, rrule, offsetDays, lengthDays, allDay) => {
          const start = DateTime.fromObject({ year: 2024, month: 1, day: 1, hour: 9 }, { zone: tz });
          const text = ics(
            ...vevent(
              'UID:w',
              allDay ? 'DTSTART;VALUE=DATE:20240101' : `DTSTART;TZID=${tz}:${stamp(start)}`,
              `RRULE:${rrule};COUNT=400`,
            ),
          );
          const from = new Date(Date.UTC(2024, 0, 1) + offsetDays * day);
          const window = { from, to: new Date(from.getTime() + lengthDays * day) };
          const all = read(text, { timeZone: tz }).events;
          const inside = read(text, { timeZone: tz, window }).events;
          for (const event of inside) {
            expect(event.startsAt >= window.from && event.startsAt < window.to).toBe(true);
          }
          expect(inside.map((e) => e.sourceId)).toEqual(
            all.filter((e) => e.startsAt >= window.from && e.startsAt < window.to).map((e) => e.sourceId),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
