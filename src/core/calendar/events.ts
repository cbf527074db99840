import type { ActivityKind, ActivityStatus } from '../db/schema/index.ts';
import { addDays, todayIn } from '../time/days.ts';
import { startOfDayIn } from '../time/weeks.ts';

/** One attendee as the source lists them; `partstat` is the iCalendar PARTSTAT (ACCEPTED, DECLINED…). */
export interface ImportedAttendee {
  email: string | null;
  name: string | null;
  partstat: string | null;
}

/**
 * One event instance from an import source (an expanded .ics occurrence or a CSV row), before it
 * is classified and merged into the user's activities.
 */
export interface ImportedEvent {
  /** Stable within its calendar: the UID plus the instance's RECURRENCE-ID for .ics, a row key for CSV. */
  sourceId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone of the event's wall clock (the user's zone for floating and all-day times). */
  timeZone: string;
  allDay: boolean;
  /** Part of a recurring series (RRULE/RDATE or an overridden instance of one). */
  recurring: boolean;
  status: 'confirmed' | 'tentative' | 'cancelled';
  /** TRANSP:TRANSPARENT, shown as free time. */
  transparent: boolean;
  /** Lower-case email, or null. */
  organizer: string | null;
  attendees: ImportedAttendee[];
  location: string | null;
  description: string | null;
  categories: string[];
  /** 1-based line in the source where the event (or row) starts, for messages. */
  line: number;
  /** What the source states itself (CSV exports); it wins over rules. */
  given?: {
    urgent?: boolean;
    important?: boolean;
    account?: string;
    kind?: ActivityKind;
    commercial?: boolean;
    status?: ActivityStatus;
    notes?: string;
  };
}

type EntryFields = 'sourceId' | 'title' | 'startsAt' | 'endsAt' | 'timeZone' | 'line';

/** A row of a time tracker or a generic CSV: no series, attendees or free/busy unless it says so. */
export const timeEntry = (
  entry: Pick<ImportedEvent, EntryFields> & Partial<ImportedEvent>,
): ImportedEvent => ({
  allDay: false,
  recurring: false,
  status: 'confirmed',
  transparent: false,
  organizer: null,
  attendees: [],
  location: null,
  description: null,
  categories: [],
  ...entry,
});

/** Something in the source that could not become an event, and where. */
export interface ImportProblem {
  line: number;
  message: string;
  sourceId?: string;
}

export type ImportItem = { event: ImportedEvent } | { problem: ImportProblem };

export interface ParseOptions {
  /** Recurrences are expanded, and single events kept, only where they start in [from, to). */
  window: { from: Date; to: Date };
  /** The user's zone: floating times and all-day dates are read in it. */
  timeZone: string;
  /** Filled in as parsing goes: events (whole series) with no instance inside the window. */
  stats?: { outsideWindow: number };
}

/**
 * The default expansion window in whole calendar days where the user lives: from 52 weeks before
 * today to the end of the day 8 weeks ahead, the same at any hour of the import.
 */
export function defaultWindow(timeZone: string): { from: Date; to: Date } {
  const today = todayIn(timeZone);
  return {
    from: startOfDayIn(addDays(today, -52 * 7), timeZone),
    to: startOfDayIn(addDays(today, 8 * 7 + 1), timeZone),
  };
}
