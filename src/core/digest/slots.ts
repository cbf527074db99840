import { DateTime } from 'luxon';
import type { DigestKind } from '../db/schema/values.ts';

/** When each digest is due, in the person's own zone: weekdays (1 = Monday) and the local hour. */
export const DIGEST_TIMES: Record<DigestKind, { weekdays: readonly number[]; hour: number }> = {
  weekly_plan: { weekdays: [1], hour: 8 },
  friday_reflection: { weekdays: [5], hour: 15 },
  daily: { weekdays: [1, 2, 3, 4, 5], hour: 8 },
};

/**
 * After downtime a digest is still worth sending this long after its time; an older one is
 * skipped (a Monday plan mail on Thursday helps nobody), and only the latest is ever sent.
 */
export const DIGEST_FRESH_HOURS: Record<DigestKind, number> = {
  weekly_plan: 48,
  friday_reflection: 60,
  daily: 10,
};

/** The digest's time on one local date; where a DST gap swallows it, luxon moves it forward. */
const slotOn = (day: DateTime, hour: number) =>
  DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour }, { zone: day.zone });

/** The digest's time nearest `at` on one side: at or before it (`-1`), or after it (`1`). */
function slotBeside(kind: DigestKind, timeZone: string, at: Date, side: -1 | 1): Date {
  const { weekdays, hour } = DIGEST_TIMES[kind];
  const today = DateTime.fromJSDate(at, { zone: timeZone }).startOf('day');
  for (let days = 0; days <= 8; days++) {
    const day = today.plus({ days: side * days });
    if (!weekdays.includes(day.weekday)) continue;
    const slot = slotOn(day, hour).toMillis();
    if (side < 0 ? slot <= at.getTime() : slot > at.getTime()) return new Date(slot);
  }
  throw new Error(`no ${kind} time within a week of ${at.toISOString()}`);
}

/** The latest time at or before `at` when `kind` was due in `timeZone`. */
export const lastSlot = (kind: DigestKind, timeZone: string, at: Date) => slotBeside(kind, timeZone, at, -1);

/** The first time after `at` when `kind` is due in `timeZone`. */
export const nextSlot = (kind: DigestKind, timeZone: string, at: Date) => slotBeside(kind, timeZone, at, 1);

/** The slot to send now, or null when the latest one is too old (downtime) or before `since`. */
export function slotToSend(kind: DigestKind, timeZone: string, at: Date, since: Date): Date | null {
  const slot = lastSlot(kind, timeZone, at);
  if (slot < since) return null;
  return at.getTime() - slot.getTime() <= DIGEST_FRESH_HOURS[kind] * 3_600_000 ? slot : null;
}
