import { createHash, randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Classification, ExclusionReason } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';
import type { ImportedEvent, ImportItem } from './events.ts';
import type { Classifier } from './rules/engine.ts';
import { type ExistingEvent, hashOf, rowRecord, serialiseColumns } from './stored-events.ts';

/**
 * The read half of an import (merge.ts writes): the source's items checked, hashed, classified and
 * serialised, outside any transaction and in slices that give the event loop back, so the one
 * PGlite connection and the process stay free for other requests while a big file is read.
 */

const MINUTE = 60_000;
/** How many skipped events a summary lists one by one (the count is always complete). */
const LISTED = 200;
/** Longest stretch of reading before other requests get a turn (milliseconds). */
const SLICE_MS = 15;

export interface SkippedEvent {
  line: number;
  title?: string;
  reason: string;
}

/** A row to write whose account the source names (CSV): found or created when it is written. */
export interface NamedRow {
  id: string;
  accountName: string;
  /** The account rules or domains chose (used when the name finds none). */
  accountId: string | null;
  /** The row's other columns (`serialiseColumns`). */
  columns: string;
}

/** A new or changed row: its finished JSON record (`rowRecord`), or one still missing its account. */
export type PendingRow = string | NamedRow;

/**
 * Up to BATCH rows to write in one statement: the finished records already joined (one string per
 * batch holds them in the least memory), and those whose account is found when they are written.
 */
export interface PendingBatch {
  records: string;
  named: NamedRow[];
  rows: number;
}

/** Rows per statement. */
export const BATCH = 1000;

export interface Incoming {
  /** New and changed rows, in batches, in the order the source gave them. */
  batches: PendingBatch[];
  /** Ids of the rows the calendar no longer has (within the window, for calendar files). */
  vanished: string[];
  added: number;
  updated: number;
  unchanged: number;
  excluded: Record<ExclusionReason, number>;
  /** New and changed events no rule classified (they wait in the review inbox). */
  toReview: number;
  skippedCount: number;
  skipped: SkippedEvent[];
  /** Events that could not be read: the import is refused unless `skipInvalid`. */
  invalid: SkippedEvent[];
}

export interface ReadOptions {
  /** What the calendar holds now (empty for a new one). */
  existing: Map<string, ExistingEvent>;
  classify: Classifier;
  /** The importing person's email, lower case (their declined invitations are not counted). */
  userEmail: string;
  fromCalendarFile: boolean;
  window: { from: Date; to: Date };
  maxInstances: number;
  /** Called as the reading moves through the source: the line reached. */
  onLine?: (line: number) => void;
}

/** Resolves at once, or after a turn of the event loop when the current slice is used up. */
export function breather(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return nextTurn().then(() => {
      since = performance.now();
    });
  };
}

/**
 * Reads every item of a source and compares it with what the calendar holds: unchanged events are
 * only counted; new and changed ones are classified and serialised into rows to write.
 */
export async function readIncoming(items: Iterable<ImportItem>, options: ReadOptions): Promise<Incoming> {
  const incoming: Incoming = {
    batches: [],
    vanished: [],
    added: 0,
    updated: 0,
    unchanged: 0,
    excluded: { all_day: 0, multi_day: 0, declined: 0, free: 0 },
    toReview: 0,
    skippedCount: 0,
    skipped: [],
    invalid: [],
  };
  const skip = (entry: SkippedEvent) => {
    incoming.skippedCount++;
    if (incoming.skipped.length < LISTED) incoming.skipped.push(entry);
  };
  const count = (reason: ExclusionReason | null) => {
    if (reason) incoming.excluded[reason]++;
  };
  const seen = new Set<string>();
  /** UIDs with an unreadable event: what was imported of them stays until the file is fixed. */
  const unreadable = new Set<string>();
  let records: string[] = [];
  let named: NamedRow[] = [];
  const flush = () => {
    const rows = records.length + named.length;
    if (rows > 0) incoming.batches.push({ records: records.join(','), named, rows });
    records = [];
    named = [];
  };
  const pause = breather();
  let instances = 0;
  let lastProgress = 0;
  for (const item of items) {
    const turn = pause();
    if (turn) await turn;
    if ('problem' in item) {
      const entry = { line: item.problem.line, reason: item.problem.message };
      incoming.invalid.push(entry);
      skip(entry);
      if (item.problem.sourceId) unreadable.add(uidOf(item.problem.sourceId));
      continue;
    }
    const event = item.event;
    if (++instances > options.maxInstances) {
      throw new AppError(
        'too_large',
        `the file expands to more than ${options.maxInstances.toLocaleString('en')} events in the import window; split it or export a shorter period`,
      );
    }
    if (options.onLine && event.line - lastProgress > 500) {
      lastProgress = event.line;
      options.onLine(event.line);
    }
    // Keys stay short enough for the unique index; a long UID is still stable through its hash.
    if (event.sourceId.length > 500)
      event.sourceId = `sha1-${createHash('sha1').update(event.sourceId).digest('hex')}`;
    if (seen.has(event.sourceId)) {
      skip({
        line: event.line,
        title: event.title,
        reason: 'duplicate of an earlier event with the same id',
      });
      continue;
    }
    const minutes = Math.round((event.endsAt.getTime() - event.startsAt.getTime()) / MINUTE);
    if (event.status === 'cancelled' || minutes <= 0) {
      // Not marked seen: if it was imported before, it is removed with the vanished ones.
      skip({
        line: event.line,
        title: event.title,
        reason: event.status === 'cancelled' ? 'cancelled' : 'no duration',
      });
      continue;
    }
    seen.add(event.sourceId);
    const unusable = unusableReason(event, minutes);
    if (unusable) {
      const entry = { line: event.line, title: event.title, reason: unusable };
      incoming.invalid.push(entry);
      skip(entry);
      unreadable.add(uidOf(event.sourceId));
      continue;
    }
    const hash = hashOf(event);
    const before = options.existing.get(event.sourceId);
    if (before?.deleted) continue; // deleted by the user in Linchpin: stays deleted, counts nowhere
    if (before && before.hash === hash) {
      incoming.unchanged++;
      count(before.excludedReason);
      continue;
    }
    const row = rowOf(event, minutes, hash, before?.id ?? randomUUID(), options);
    count(row.excludedReason);
    if (row.classification === 'unclassified' && !before?.manual && !row.excludedReason) incoming.toReview++;
    if (before) incoming.updated++;
    else incoming.added++;
    if (typeof row.pending === 'string') records.push(row.pending);
    else named.push(row.pending);
    if (records.length + named.length === BATCH) flush();
  }
  flush();
  // What the calendar no longer has goes, but only where this import looked: a CSV export covers
  // some projects or dates, and a calendar file only the expansion window.
  if (options.fromCalendarFile) {
    const { from, to } = options.window;
    for (const [sourceId, row] of options.existing) {
      if (
        !seen.has(sourceId) &&
        !row.deleted &&
        !unreadable.has(uidOf(sourceId)) &&
        row.source === 'calendar' &&
        row.startsAt >= from &&
        row.startsAt < to
      )
        incoming.vanished.push(row.id);
    }
  }
  return incoming;
}

/** A new or changed event as the row to write, with what the figures need of it. */
function rowOf(event: ImportedEvent, minutes: number, hash: string, id: string, options: ReadOptions) {
  const excludedReason = exclusionOf(event, minutes, options.userEmail);
  const decided = options.classify({ ...event, minutes });
  const given = event.given ?? {};
  const flagsGiven = given.urgent !== undefined && given.important !== undefined;
  const classification: Classification = flagsGiven ? 'manual' : decided.classification;
  const columns = serialiseColumns({
    sourceId: event.sourceId,
    notes: given.notes ?? null,
    sourceHash: hash,
    title: clip(event.title, 300),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    minutes,
    timeZone: event.timeZone,
    allDay: event.allDay,
    excludedReason,
    recurring: event.recurring,
    organizer: event.organizer,
    attendees: event.attendees,
    location: event.location,
    status: given.status ?? (event.startsAt.getTime() > now().getTime() ? 'planned' : 'done'),
    urgent: given.urgent ?? decided.urgent,
    important: given.important ?? decided.important,
    kind: given.kind ?? decided.kind,
    commercial: given.commercial ?? decided.commercial,
    ruleId: flagsGiven ? null : decided.ruleId,
    classification,
  });
  const pending: PendingRow = given.account
    ? { id, accountName: given.account, accountId: decided.accountId, columns }
    : rowRecord(id, decided.accountId, columns);
  return { excludedReason, classification, pending };
}

/** The UID part of a source id (instances are `UID/RECURRENCE-ID`). */
export const uidOf = (sourceId: string) => sourceId.split('/')[0] ?? sourceId;

/** Cuts at a character boundary, so an emoji is never split into a lone surrogate. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : Array.from(text).slice(0, max).join('');
}

const YEAR_MS = 366 * 24 * 60 * MINUTE;
const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(9000, 0, 1);

/** Why a read event cannot be stored (bounds the database would refuse), if it cannot. */
function unusableReason(event: ImportedEvent, minutes: number): string | null {
  const starts = event.startsAt.getTime();
  if (Number.isNaN(starts) || starts < EARLIEST || starts > LATEST)
    return 'starts outside the years 1900–9000';
  if (minutes * MINUTE > YEAR_MS) return 'lasts more than a year';
  if (event.given?.account && event.given.account.length > 200)
    return 'account name longer than 200 characters';
  return null;
}

/** Why an event is shown but not counted as time, if it is. */
function exclusionOf(event: ImportedEvent, minutes: number, userEmail: string): ExclusionReason | null {
  if (event.allDay) return 'all_day';
  if (minutes > 24 * 60) return 'multi_day';
  const me = event.attendees.find((a) => a.email === userEmail);
  if (me?.partstat?.toUpperCase() === 'DECLINED') return 'declined';
  if (event.transparent) return 'free';
  return null;
}
