import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { DIGEST_KINDS } from '../db/schema/values.ts';
import { DIGEST_FRESH_HOURS, DIGEST_TIMES, lastSlot, nextSlot, slotToSend } from './slots.ts';

// Zones with DST both ways, a half-hour offset, none at all, and one whose change is at midnight.
const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'America/Santiago',
  'Pacific/Chatham',
  'UTC',
];

const instant = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
const kind = fc.constantFrom(...DIGEST_KINDS);
const zone = fc.constantFrom(...ZONES);

describe('digest times', () => {
  it('the last slot is at or before now, on a digest weekday at the digest hour local time, with no slot between it and now', () => {
    fc.assert(
      fc.property(kind, zone, instant, (k, z, at) => {
        const slot = lastSlot(k, z, at);
        expect(slot.getTime()).toBeLessThanOrEqual(at.getTime());
        const local = DateTime.fromJSDate(slot, { zone: z });
        expect(DIGEST_TIMES[k].weekdays).toContain(local.weekday);
        expect(local.hour).toBe(DIGEST_TIMES[k].hour);
        expect(local.minute).toBe(0);
        expect(nextSlot(k, z, slot).getTime()).toBeGreaterThan(at.getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it('slots follow each other a whole number of local days apart, whatever DST did in between', () => {
    fc.assert(
      fc.property(kind, zone, instant, (k, z, at) => {
        const slot = nextSlot(k, z, at);
        const after = nextSlot(k, z, slot);
        const days = DateTime.fromJSDate(after, { zone: z })
          .startOf('day')
          .diff(DateTime.fromJSDate(slot, { zone: z }).startOf('day'), 'days').days;
        expect(Number.isInteger(days)).toBe(true);
        expect(days).toBeGreaterThanOrEqual(1);
        expect(days).toBeLessThanOrEqual(7);
      }),
      { numRuns: 2000 },
    );
  });

  it('after downtime only the latest slot is sent, and only while it is fresh', () => {
    fc.assert(
      fc.property(kind, zone, instant, fc.integer({ min: 0, max: 21 * 24 }), (k, z, at, downHours) => {
        const since = new Date(at.getTime() - downHours * 3_600_000);
        const sent = slotToSend(k, z, at, new Date(0));
        const slot = lastSlot(k, z, at);
        const fresh = at.getTime() - slot.getTime() <= DIGEST_FRESH_HOURS[k] * 3_600_000;
        expect(sent?.getTime() ?? null).toBe(fresh ? slot.getTime() : null);
        // Someone who joined after the slot does not get it.
        if (since > slot) expect(slotToSend(k, z, at, since)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('Monday 08:00 is 08:00 on both sides of a DST change (Berlin, New York)', () => {
    // Europe changes on 29 March 2026, the US on 8 March 2026.
    const berlin = lastSlot('weekly_plan', 'Europe/Berlin', new Date('2026-03-30T12:00:00Z'));
    expect(berlin.toISOString()).toBe('2026-03-30T06:00:00.000Z');
    const berlinBefore = lastSlot('weekly_plan', 'Europe/Berlin', new Date('2026-03-23T12:00:00Z'));
    expect(berlinBefore.toISOString()).toBe('2026-03-23T07:00:00.000Z');
    const newYork = lastSlot('weekly_plan', 'America/New_York', new Date('2026-03-09T18:00:00Z'));
    expect(newYork.toISOString()).toBe('2026-03-09T12:00:00.000Z');
    // The US falls back on 1 November 2026: Friday 15:00 is 19:00Z before and 20:00Z after.
    const friday = (at: string) =>
      lastSlot('friday_reflection', 'America/New_York', new Date(at)).toISOString();
    expect(friday('2026-10-30T21:00:00Z')).toBe('2026-10-30T19:00:00.000Z');
    expect(friday('2026-11-06T21:00:00Z')).toBe('2026-11-06T20:00:00.000Z');
  });
});
