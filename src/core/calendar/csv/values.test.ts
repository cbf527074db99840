import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { inferDateOrder, nextDay, parseDate, parseDuration, parseTime, zonedInstant } from './values.ts';

const ZONES = [
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'Africa/Casablanca',
  'Pacific/Apia',
  'UTC',
];

describe('cell values', () => {
  it('reads dates in the forms exports write, refusing days that do not exist', () => {
    expect(parseDate('2026-11-23', 'mdy')).toEqual({ year: 2026, month: 11, day: 23 });
    expect(parseDate('11/23/2026', 'mdy')).toEqual({ year: 2026, month: 11, day: 23 });
    expect(parseDate('23/11/2026', 'dmy')).toEqual({ year: 2026, month: 11, day: 23 });
    expect(parseDate('03/04/26', 'dmy')).toEqual({ year: 2026, month: 4, day: 3 });
    expect(parseDate('23.11.2026', 'mdy')).toEqual({ year: 2026, month: 11, day: 23 });
    for (const bad of [
      '2026-02-29',
      '31/02/2026',
      '23/11/2026',
      '2026-13-01',
      'tomorrow',
      '',
      '0050-01-01',
    ]) {
      expect(parseDate(bad, 'mdy'), bad).toBeNull();
    }
    expect(parseDate('2028-02-29', 'mdy')).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('steps to the next calendar day across a month, a year and a leap day', () => {
    expect(nextDay({ year: 2026, month: 12, day: 31 })).toEqual({ year: 2027, month: 1, day: 1 });
    expect(nextDay({ year: 2028, month: 2, day: 28 })).toEqual({ year: 2028, month: 2, day: 29 });
  });

  it('tells day-first from month-first by the values a file holds', () => {
    expect(inferDateOrder(['03/04/2026', '17/04/2026'], 'mdy')).toBe('dmy');
    expect(inferDateOrder(['03/04/2026', '04/17/2026 9:00 AM'], 'dmy')).toBe('mdy');
    expect(inferDateOrder(['03/04/2026'], 'mdy')).toBe('mdy');
    expect(inferDateOrder(['13/04/2026', '04/13/2026'], 'dmy')).toBe('dmy');
  });

  it('reads 24-hour and 12-hour times', () => {
    expect(parseTime('09:00')).toEqual({ hour: 9, minute: 0, second: 0 });
    expect(parseTime('9:00:00 AM')).toEqual({ hour: 9, minute: 0, second: 0 });
    expect(parseTime('12:00:00 AM')).toEqual({ hour: 0, minute: 0, second: 0 });
    expect(parseTime('12:30 PM')).toEqual({ hour: 12, minute: 30, second: 0 });
    expect(parseTime('1:05:09 p.m.')).toEqual({ hour: 13, minute: 5, second: 9 });
    expect(parseTime('23:59:59')).toEqual({ hour: 23, minute: 59, second: 59 });
    for (const bad of ['24:00', '13:00 PM', '0:30 AM', '9', '9:60', 'noon'])
      expect(parseTime(bad), bad).toBeNull();
  });

  it('reads durations as clock time or decimal hours', () => {
    expect(parseDuration('01:30:00')).toBe(5400);
    expect(parseDuration('26:00:00')).toBe(93_600);
    expect(parseDuration('1.5')).toBe(5400);
    expect(parseDuration('1,25')).toBe(4500);
    expect(parseDuration('1:75')).toBeNull();
  });
});

/** Local times (as UTC milliseconds) within 90 minutes of each offset change of the zone in 2024–2027. */
function nearChanges(zone: string): number[] {
  const tz = IANAZone.create(zone);
  const day = 86_400_000;
  const out: number[] = [];
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += day) {
    if (tz.offset(t) === tz.offset(t + day)) continue;
    let [low, high] = [t, t + day];
    while (high - low > 60_000) {
      const mid = low + Math.floor((high - low) / 120_000) * 60_000;
      if (tz.offset(mid) === tz.offset(t)) low = mid;
      else high = mid;
    }
    out.push(high + tz.offset(low) * 60_000);
  }
  return out;
}

describe('wall-clock time in a zone', () => {
  const wall = (ms: number, zone: string) =>
    DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");

  const changesOf = new Map(ZONES.map((zone) => [zone, nearChanges(zone)]));
  const zoneAndLocal = fc.constantFrom(...ZONES).chain((zone) => {
    const changes = changesOf.get(zone) ?? [];
    const anyTime = fc.integer({ min: 788_918_400, max: 2_366_841_600 }).map((s) => s * 1000);
    const nearChange =
      changes.length > 0
        ? fc
            .tuple(fc.constantFrom(...changes), fc.integer({ min: -90, max: 90 }))
            .map(([at, minutes]) => at + minutes * 60_000)
        : anyTime;
    return fc.tuple(fc.constant(zone), fc.oneof(anyTime, nearChange));
  });

  it('is the instant showing that wall time, the first of two at a fall-back, moved on in a gap', () => {
    fc.assert(
      fc.property(zoneAndLocal, ([zone, localMs]) => {
        const local = new Date(localMs).toISOString().slice(0, 19);
        const instant = zonedInstant(localMs, zone);
        if (wall(instant, zone) === local) {
          // The first instant with that wall time: none earlier (within a day) shows it too.
          for (let back = 15; back <= 24 * 60; back += 15) {
            expect(wall(instant - back * 60_000, zone)).not.toBe(local);
          }
        } else {
          // A skipped time: no instant shows it, and the result lies just after the gap.
          for (let probe = -26 * 60; probe <= 26 * 60; probe += 15) {
            expect(wall(localMs + probe * 60_000, zone)).not.toBe(local);
          }
          // …and the clock then shows a later time: moved on by the gap (a whole day in Apia, 2011).
          const shown = wall(instant, zone);
          expect(shown > local).toBe(true);
          expect(Date.parse(`${shown}Z`) - localMs).toBeLessThanOrEqual(86_400_000);
        }
      }),
      { numRuns: 800 },
    );
  });

  it('matches luxon where the wall time is unambiguous', () => {
    const at = (text: string, zone: string) =>
      zonedInstant(Date.parse(`${text}Z`), zone) === DateTime.fromISO(text, { zone }).toMillis();
    expect(at('2026-07-01T12:00:00', 'America/New_York')).toBe(true);
    expect(at('2026-01-15T08:30:00', 'Asia/Kathmandu')).toBe(true);
    expect(new Date(zonedInstant(Date.parse('2026-10-25T01:30:00Z'), 'Europe/London')).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(new Date(zonedInstant(Date.parse('2026-03-29T01:30:00Z'), 'Europe/London')).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });
});
