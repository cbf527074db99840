import type ICAL from 'ical.js';
import type { ImportProblem } from '../events.ts';
import type { ZoneResolver } from '../zones.ts';

/** Instances one series may yield inside the window; past it the series stops with a problem. */
export const MAX_INSTANCES_PER_SERIES = 5000;
/** Occurrences one series may step through in all, before the window included. */
export const MAX_STEPS_PER_SERIES = 200_000;

export interface Block {
  start: number;
  end: number;
  /** 1-based line of BEGIN:VEVENT. */
  line: number;
  uid: string | null;
}

export interface Scan {
  entries: (Block | ImportProblem)[];
  definitions: Map<string, ICAL.Component>;
}

export interface Context {
  text: string;
  window: { from: number; to: number };
  zones: ZoneResolver;
  userZone: string;
}

/** One VEVENT, parsed, with its times in their zones. */
export interface Parsed {
  block: Block;
  component: ICAL.Component;
  start: ICAL.Time;
  recurrenceId: ICAL.Time | null;
  sequence: number;
  stamp: string;
  /** DTSTART as written, for the id of an event without UID. */
  rawStart: string;
  /** From DTEND or DURATION; null when the event has neither. */
  length: Length | null;
}

/**
 * How long an instance lasts (RFC 5545 3.8.5.3): DTEND gives every instance the same exact
 * length; DURATION's days and weeks are nominal (calendar days, so 23 or 25 hours over a DST
 * change) and its hours, minutes and seconds exact; all-day dates count calendar days.
 */
export interface Length {
  days: number;
  ms: number;
}

function newer(a: Parsed, b: Parsed): boolean {
  if (a.sequence !== b.sequence) return a.sequence > b.sequence;
  if (a.stamp !== b.stamp) return a.stamp > b.stamp;
  return a.block.start > b.block.start;
}

export function latest(list: Parsed[]): Parsed | undefined {
  let best: Parsed | undefined;
  for (const item of list) if (!best || newer(item, best)) best = item;
  return best;
}

export function latestPerRecurrence(list: Parsed[], key: (item: Parsed) => string): Parsed[] {
  const byKey = new Map<string, Parsed>();
  for (const item of list) {
    const k = key(item);
    const known = byKey.get(k);
    if (!known || newer(item, known)) byKey.set(k, item);
  }
  return [...byKey.values()];
}
