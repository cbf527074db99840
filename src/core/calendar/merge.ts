import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { accountDomains, findOrCreateAccount } from '../accounts/service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db, Tx } from '../db/client.ts';
import {
  activities,
  type CalendarKind,
  calendars,
  type ExclusionReason,
  rules,
  users,
} from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { now } from '../time/clock.ts';
import { defaultWindow, type ImportedEvent, type ImportItem } from './events.ts';
import { compileRules } from './rules/engine.ts';
import { ensureStarterRules } from './rules/starter.ts';
import { parseSource, type SourceFormat } from './source.ts';
import { existingEvents, hashOf, type ImportedRow, upsert } from './stored-events.ts';

const BATCH = 1000;
/** Events (instances in the window) one import may hold: a tiny RRULE can otherwise ask for millions. */
const MAX_INSTANCES = 250_000;
const MINUTE = 60_000;
/** How many skipped events a summary lists one by one (the count is always complete). */
const LISTED = 200;

export interface SkippedEvent {
  line: number;
  title?: string;
  reason: string;
}

export interface ImportSummary {
  calendar: { id: string | null; name: string };
  format: SourceFormat;
  dryRun: boolean;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Imported and shown, but not counted as time. */
  excluded: Record<ExclusionReason, number>;
  /** Imported events no rule classified: they wait in the review inbox. */
  toReview: number;
  skippedCount: number;
  skipped: SkippedEvent[];
  /** Calendar events (whole series) entirely outside the import window, so not imported. */
  outsideWindow: number;
  window: { from: string; to: string };
}

export interface ImportRequest {
  /** The calendar to merge into: an existing one, or a file calendar found or created by name. */
  calendar: { id: string } | { name: string };
  text: string;
  dryRun?: boolean;
  /** Import what can be read and list the rest, instead of refusing the whole file. */
  skipInvalid?: boolean;
  window?: { from: Date; to: Date };
  /** At most this many event instances (default 250,000). */
  maxInstances?: number;
  /** What an existing calendar given by id must be: uploads go to file calendars only. */
  calendarKind?: CalendarKind;
  /** Called as the parser moves through the text: lines done of all lines. */
  onProgress?: (done: number, total: number) => void;
}

/** Thrown inside the transaction to roll a dry run back once its figures are known. */
class DryRunDone extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/**
 * Merges a calendar file or CSV export into the user's activities in one transaction: events are
 * matched by (calendar, sourceId); changed ones update, vanished ones (within the window) go, a
 * manual classification survives, and nothing is written when any event is invalid unless
 * `skipInvalid` is set. A dry run does all of it and rolls back.
 */
export async function importCalendar(db: Db, actor: Actor, request: ImportRequest): Promise<ImportSummary> {
  const window = request.window ?? defaultWindow(actor.timeZone);
  const stats = { outsideWindow: 0 };
  const source = parseSource(request.text, { window, timeZone: actor.timeZone, stats });
  try {
    return await db.transaction(async (tx) => {
      const summary = await merge(tx, actor, request, source.format, source.items, source.lines, window);
      summary.outsideWindow = stats.outsideWindow;
      if (request.dryRun) throw new DryRunDone(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.summary;
    throw error;
  }
}

async function merge(
  tx: Tx,
  actor: Actor,
  request: ImportRequest,
  format: SourceFormat,
  items: Iterable<ImportItem>,
  lines: number,
  window: { from: Date; to: Date },
): Promise<ImportSummary> {
  const fromCalendarFile = format === 'ics';
  const calendar = await resolveCalendar(tx, actor, request.calendar, request.calendarKind ?? 'file');
  await ensureStarterRules(tx, actor);
  const classify = await loadClassifier(tx, actor);
  const userEmail = await emailOf(tx, actor);
  const existing = await existingEvents(tx, calendar.id);
  const accountIds = new Map<string, string>();

  const summary: ImportSummary = {
    calendar: { id: request.dryRun && calendar.created ? null : calendar.id, name: calendar.name },
    format,
    dryRun: request.dryRun ?? false,
    added: 0,
    updated: 0,
    removed: 0,
    unchanged: 0,
    excluded: { all_day: 0, multi_day: 0, declined: 0, free: 0 },
    toReview: 0,
    skippedCount: 0,
    skipped: [],
    outsideWindow: 0,
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
  };
  const skip = (entry: SkippedEvent) => {
    summary.skippedCount++;
    if (summary.skipped.length < LISTED) summary.skipped.push(entry);
  };
  const invalid: SkippedEvent[] = [];
  const seen = new Set<string>();
  /** UIDs with an unreadable event: what was imported of them stays until the file is fixed. */
  const unreadable = new Set<string>();
  let instances = 0;
  const pending: ImportedRow[] = [];
  // One batch is written while the parser reads the next (PostgreSQL works in parallel with us);
  // a failure surfaces at the next flush.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (pending.length === 0) return;
    writing = upsert(tx, pending.splice(0));
    writing.catch(() => {}); // handled when awaited; this only keeps Node from calling it unhandled
  };
  let lastProgress = 0;

  for (const item of items) {
    if ('problem' in item) {
      const entry = { line: item.problem.line, reason: item.problem.message };
      invalid.push(entry);
      skip(entry);
      if (item.problem.sourceId) unreadable.add(uidOf(item.problem.sourceId));
      continue;
    }
    const event = item.event;
    if (++instances > (request.maxInstances ?? MAX_INSTANCES)) {
      throw new AppError(
        'too_large',
        `the file expands to more than ${(request.maxInstances ?? MAX_INSTANCES).toLocaleString('en')} events in the import window; split it or export a shorter period`,
      );
    }
    if (request.onProgress && event.line - lastProgress > 500) {
      lastProgress = event.line;
      request.onProgress(event.line, lines);
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
      // Not marked seen: if it was imported before, it is removed below with the vanished ones.
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
      invalid.push(entry);
      skip(entry);
      unreadable.add(uidOf(event.sourceId));
      continue;
    }
    const hash = hashOf(event);
    const before = existing.get(event.sourceId);
    if (before?.deleted) continue; // deleted by the user in Linchpin: stays deleted, counts nowhere
    if (before && before.hash === hash) {
      summary.unchanged++;
      countExclusion(summary, before.excludedReason);
      continue;
    }
    const excludedReason = exclusionOf(event, minutes, userEmail);
    countExclusion(summary, excludedReason);
    const accountId = event.given?.account
      ? await accountIdOf(tx, actor, event.given.account, accountIds, () => writing)
      : undefined;
    const decided = classify({ ...event, minutes });
    const given = event.given ?? {};
    const flagsGiven = given.urgent !== undefined && given.important !== undefined;
    const classification = flagsGiven ? 'manual' : decided.classification;
    if (classification === 'unclassified' && !before?.manual && !excludedReason) summary.toReview++;
    if (before) summary.updated++;
    else summary.added++;
    pending.push({
      id: before?.id ?? randomUUID(),
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      calendarId: calendar.id,
      source: fromCalendarFile ? 'calendar' : 'csv',
      sourceId: event.sourceId,
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
      accountId: accountId ?? decided.accountId,
      urgent: given.urgent ?? decided.urgent,
      important: given.important ?? decided.important,
      kind: given.kind ?? decided.kind,
      commercial: given.commercial ?? decided.commercial,
      classification,
      ruleId: flagsGiven ? null : decided.ruleId,
      status: given.status ?? (event.startsAt.getTime() > now().getTime() ? 'planned' : 'done'),
      notes: given.notes ?? null,
    });
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  await writing;

  if (invalid.length > 0 && !request.skipInvalid) {
    const fields: Record<string, string> = {};
    for (const entry of invalid.slice(0, 50)) fields[`line ${entry.line}`] = entry.reason;
    const first = invalid[0];
    throw new AppError(
      'validation_failed',
      `${invalid.length} ${invalid.length === 1 ? 'event' : 'events'} could not be read (first: line ${first?.line}: ${first?.reason}); nothing was imported. Fix the file, or import the rest and skip these.`,
      fields,
    );
  }

  // What the calendar no longer has goes, but only where this import looked: a CSV export covers
  // some projects or dates, and a calendar file only the expansion window.
  if (fromCalendarFile) {
    const vanished = [...existing.entries()]
      .filter(
        ([sourceId, row]) =>
          !seen.has(sourceId) &&
          !row.deleted &&
          !unreadable.has(uidOf(sourceId)) &&
          row.source === 'calendar' &&
          row.startsAt >= window.from &&
          row.startsAt < window.to,
      )
      .map(([, row]) => row.id);
    for (let i = 0; i < vanished.length; i += BATCH) {
      const ids = vanished.slice(i, i + BATCH);
      await tx
        .delete(activities)
        .where(and(eq(activities.calendarId, calendar.id), inArray(activities.id, ids)));
    }
    summary.removed = vanished.length;
  }
  if (!request.dryRun) {
    await tx
      .update(calendars)
      .set({ lastSyncedAt: now(), lastError: null })
      .where(eq(calendars.id, calendar.id));
  }
  request.onProgress?.(lines, lines);
  return summary;
}

/** The UID part of a source id (instances are `UID/RECURRENCE-ID`). */
const uidOf = (sourceId: string) => sourceId.split('/')[0] ?? sourceId;

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

function countExclusion(summary: ImportSummary, reason: ExclusionReason | null) {
  if (reason) summary.excluded[reason]++;
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

async function loadClassifier(tx: Tx, actor: Actor) {
  // One after another: a transaction's connection takes one query at a time.
  const ruleRows = await tx
    .select({ id: rules.id, name: rules.name, conditions: rules.conditions, actions: rules.actions })
    .from(rules)
    .where(
      and(eq(rules.workspaceId, actor.workspaceId), eq(rules.userId, actor.userId), eq(rules.enabled, true)),
    )
    .orderBy(asc(rules.position));
  const accountRows = await accountDomains(tx, actor.workspaceId);
  const email = await emailOf(tx, actor);
  const ownDomain = email.split('@')[1];
  return compileRules({ rules: ruleRows, accounts: accountRows, ownDomains: ownDomain ? [ownDomain] : [] });
}

async function emailOf(tx: Tx, actor: Actor): Promise<string> {
  const [row] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  return (row?.email ?? '').toLowerCase();
}

async function accountIdOf(
  tx: Tx,
  actor: Actor,
  name: string,
  cache: Map<string, string>,
  idle: () => Promise<void>,
): Promise<string> {
  const key = name.trim().toLowerCase();
  let id = cache.get(key);
  if (!id) {
    await idle(); // one query at a time on the transaction's connection
    id = (await findOrCreateAccount(tx, actor, name)).id;
    cache.set(key, id);
  }
  return id;
}

/** The calendar an import merges into; a file calendar is found by name or created. */
async function resolveCalendar(
  tx: Tx,
  actor: Actor,
  wanted: { id: string } | { name: string },
  kind: CalendarKind,
): Promise<{ id: string; name: string; created: boolean }> {
  const own = and(eq(calendars.workspaceId, actor.workspaceId), eq(calendars.userId, actor.userId));
  if ('id' in wanted) {
    const [row] = await tx
      .select({ id: calendars.id, name: calendars.name, kind: calendars.kind })
      .from(calendars)
      .where(and(own, eq(calendars.id, wanted.id)));
    if (!row)
      throw new AppError('not_found', 'calendar not found', { calendarId: 'no such calendar of yours' });
    if (row.kind !== kind) {
      throw AppError.invalid(
        'calendarId',
        'is a subscription: it updates itself from its address; import files into a file calendar',
      );
    }
    return { id: row.id, name: row.name, created: false };
  }
  const name = wanted.name.trim().slice(0, 200) || 'Imported calendar';
  const [row] = await tx
    .select({ id: calendars.id, name: calendars.name })
    .from(calendars)
    .where(and(own, eq(calendars.kind, kind), eq(calendars.name, name)));
  if (row) return { ...row, created: false };
  const id = randomUUID();
  await tx.insert(calendars).values({ id, workspaceId: actor.workspaceId, userId: actor.userId, name, kind });
  return { id, name, created: true };
}
