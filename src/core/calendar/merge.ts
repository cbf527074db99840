import { randomUUID } from 'node:crypto';
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
import { defaultWindow } from './events.ts';
import {
  BATCH,
  breather,
  type Incoming,
  type PendingBatch,
  readIncoming,
  type SkippedEvent,
} from './incoming.ts';
import { compileRules } from './rules/engine.ts';
import { ensureStarterRules } from './rules/starter.ts';
import { parseSource, type SourceFormat } from './source.ts';
import { type ExistingEvent, existingEvents, type ImportTarget, rowRecord, upsert } from './stored-events.ts';

export type { SkippedEvent } from './incoming.ts';

/** Events (instances in the window) one import may hold: a tiny RRULE can otherwise ask for millions. */
const MAX_INSTANCES = 250_000;
/** The share of the progress bar reading the file takes; writing takes the rest. */
const READ_SHARE = 0.5;

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
  /** Called as the import moves on: lines done of all lines (reading, then writing, in proportion). */
  onProgress?: (done: number, total: number) => void;
}

/** The calendar an import merges into; `created` when this import makes it. */
interface TargetCalendar {
  id: string;
  name: string;
  created: boolean;
}

/** Thrown inside a dry run's transaction to roll it back. */
class RollBack extends Error {}

/** Thrown when another request made the calendar this import was about to make: read it again. */
class MadeMeanwhile extends Error {}

/**
 * Merges a calendar file or CSV export into the user's activities: events are matched by
 * (calendar, sourceId); changed ones update, vanished ones (within the window) go, a manual
 * classification survives, and nothing is written when any event is invalid unless `skipInvalid`
 * is set.
 *
 * The file is read, checked, classified and compared with what the calendar holds before any
 * transaction (incoming.ts), yielding to the event loop as it goes; only then are the new and
 * changed rows written, all in one transaction, so an import is whole or not there at all (also
 * after a crash). On PGlite, whose one connection a transaction holds until it ends, other requests
 * thus wait at most for that writing, never for the reading. A dry run writes each batch in a
 * transaction of its own and rolls it back, so the database checks every row as for real while
 * other requests get the connection between batches; its figures are those of the real import.
 */
export async function importCalendar(db: Db, actor: Actor, request: ImportRequest): Promise<ImportSummary> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await importOnce(db, actor, request);
    } catch (error) {
      if (!(error instanceof MadeMeanwhile)) throw error;
      if (attempt === 2)
        throw AppError.busy('the calendar was changed by another import meanwhile; try again', 5);
    }
  }
}

async function importOnce(db: Db, actor: Actor, request: ImportRequest): Promise<ImportSummary> {
  const window = request.window ?? defaultWindow(actor.timeZone);
  const stats = { outsideWindow: 0 };
  const source = parseSource(request.text, { window, timeZone: actor.timeZone, stats });
  const fromCalendarFile = source.format === 'ics';
  const kind = request.calendarKind ?? 'file';
  const found = await findCalendar(db, actor, request.calendar, kind);
  const progress = progressOf(request.onProgress, source.lines);

  // Reading: short queries of their own, no transaction held.
  await ensureStarterRules(db, actor);
  const classify = await loadClassifier(db, actor);
  const existing = found.created ? new Map<string, ExistingEvent>() : await existingEvents(db, found.id);
  const incoming = await readIncoming(source.items, {
    existing,
    classify,
    userEmail: await emailOf(db, actor),
    fromCalendarFile,
    window,
    maxInstances: request.maxInstances ?? MAX_INSTANCES,
    onLine: (line) => progress(READ_SHARE * line),
  });
  existing.clear();
  if (incoming.invalid.length > 0 && !request.skipInvalid) throw unreadable(incoming.invalid);
  const summaryOf = (calendar: TargetCalendar): ImportSummary => ({
    calendar: { id: request.dryRun && calendar.created ? null : calendar.id, name: calendar.name },
    format: source.format,
    dryRun: request.dryRun ?? false,
    added: incoming.added,
    updated: incoming.updated,
    removed: incoming.vanished.length,
    unchanged: incoming.unchanged,
    excluded: incoming.excluded,
    toReview: incoming.toReview,
    skippedCount: incoming.skippedCount,
    skipped: incoming.skipped,
    outsideWindow: stats.outsideWindow,
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
  });

  // Writing.
  const target = (calendar: TargetCalendar): ImportTarget => ({
    workspaceId: actor.workspaceId,
    userId: actor.userId,
    calendarId: calendar.id,
    source: fromCalendarFile ? 'calendar' : 'csv',
  });
  const written = writeProgress(progress, incoming, source.lines);
  const calendarIn = async (tx: Tx) => {
    const calendar = await resolveCalendar(tx, actor, request.calendar, kind, found.id);
    if (calendar.id !== found.id) throw new MadeMeanwhile();
    return calendar;
  };
  if (request.dryRun) {
    const pause = breather(0);
    for (const step of steps(incoming)) {
      await rolledBack(db, async (tx) => write(tx, actor, target(await calendarIn(tx)), step));
      written(step);
      await pause();
    }
    progress(source.lines);
    return summaryOf(found);
  }
  const calendar = await db.transaction(async (tx) => {
    const calendar = await calendarIn(tx);
    // PGlite answers within the same turn of the event loop: without a pause now and then, a long
    // transaction would also hold up the sockets (requests unread, keep-alive connections reset).
    const pause = breather();
    for (const step of steps(incoming)) {
      await write(tx, actor, target(calendar), step);
      written(step);
      await pause();
    }
    await tx
      .update(calendars)
      .set({ lastSyncedAt: now(), lastError: null })
      .where(eq(calendars.id, calendar.id));
    return calendar;
  });
  progress(source.lines);
  return summaryOf(calendar);
}

type Step = { upsert: PendingBatch } | { remove: string[] };

/**
 * What to write: the batches of rows to insert or update, then the rows to remove in batches. A
 * batch is let go of once taken, so what was read leaves memory while the database takes it in.
 */
function* steps(incoming: Incoming): Generator<Step> {
  const { batches, vanished } = incoming;
  for (let i = 0; i < batches.length; i++) {
    const batch = batches[i] as PendingBatch;
    batches[i] = { records: '', named: [], rows: 0 };
    yield { upsert: batch };
  }
  for (let i = 0; i < vanished.length; i += BATCH) yield { remove: vanished.slice(i, i + BATCH) };
}

const rowsOf = (step: Step) => ('upsert' in step ? step.upsert.rows : step.remove.length);

async function write(tx: Tx, actor: Actor, target: ImportTarget, step: Step): Promise<void> {
  if ('remove' in step) {
    await tx
      .delete(activities)
      .where(and(eq(activities.calendarId, target.calendarId), inArray(activities.id, step.remove)));
    return;
  }
  // Accounts the source names, found or made in this transaction (one query at a time on it).
  const accounts = new Map<string, string>();
  const records = step.upsert.records ? [step.upsert.records] : [];
  for (const row of step.upsert.named) {
    const key = row.accountName.trim().toLowerCase();
    let id = accounts.get(key);
    if (!id) {
      id = (await findOrCreateAccount(tx, actor, row.accountName)).id;
      accounts.set(key, id);
    }
    records.push(rowRecord(row.id, id, row.columns));
  }
  await upsert(tx, target, records.join(','));
}

/** Runs `work` in a transaction and rolls it back (a dry run's batch). */
async function rolledBack(db: Db, work: (tx: Tx) => Promise<void>): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await work(tx);
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
}

/** Progress in lines: at most one call per change, never backwards, never past the total. */
function progressOf(report: ImportRequest['onProgress'], lines: number) {
  let last = -1;
  return (done: number) => {
    const at = Math.min(lines, Math.round(done));
    if (!report || at <= last) return;
    last = at;
    report(at, lines);
  };
}

/** The writing's share of the progress bar, step by step. */
function writeProgress(progress: (done: number) => void, incoming: Incoming, lines: number) {
  const total = incoming.batches.reduce((sum, batch) => sum + batch.rows, 0) + incoming.vanished.length;
  let done = 0;
  return (step: Step) => {
    done += rowsOf(step);
    progress(lines * (READ_SHARE + ((1 - READ_SHARE) * done) / Math.max(1, total)));
  };
}

function unreadable(invalid: SkippedEvent[]): AppError {
  const fields: Record<string, string> = {};
  for (const entry of invalid.slice(0, 50)) fields[`line ${entry.line}`] = entry.reason;
  const first = invalid[0];
  return new AppError(
    'validation_failed',
    `${invalid.length} ${invalid.length === 1 ? 'event' : 'events'} could not be read (first: line ${first?.line}: ${first?.reason}); nothing was imported. Fix the file, or import the rest and skip these.`,
    fields,
  );
}

/** The rules and accounts classifying this person's events (read once, before the reading). */
async function loadClassifier(db: Db | Tx, actor: Actor) {
  const ruleRows = await db
    .select({ id: rules.id, name: rules.name, conditions: rules.conditions, actions: rules.actions })
    .from(rules)
    .where(
      and(eq(rules.workspaceId, actor.workspaceId), eq(rules.userId, actor.userId), eq(rules.enabled, true)),
    )
    .orderBy(asc(rules.position));
  const accountRows = await accountDomains(db, actor.workspaceId);
  const email = await emailOf(db, actor);
  const ownDomain = email.split('@')[1];
  return compileRules({ rules: ruleRows, accounts: accountRows, ownDomains: ownDomain ? [ownDomain] : [] });
}

async function emailOf(db: Db | Tx, actor: Actor): Promise<string> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
  return (row?.email ?? '').toLowerCase();
}

/**
 * The calendar an import merges into, looked up without writing: a calendar given by id must be
 * the person's and of `kind`; one given by name that does not exist yet is `created` (under a new
 * id, made when the rows are written).
 */
async function findCalendar(
  db: Db | Tx,
  actor: Actor,
  wanted: { id: string } | { name: string },
  kind: CalendarKind,
): Promise<TargetCalendar> {
  const own = and(eq(calendars.workspaceId, actor.workspaceId), eq(calendars.userId, actor.userId));
  if ('id' in wanted) {
    const [row] = await db
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
  const name = calendarName(wanted.name);
  const [row] = await db
    .select({ id: calendars.id, name: calendars.name })
    .from(calendars)
    .where(and(own, eq(calendars.kind, kind), eq(calendars.name, name)));
  if (row) return { ...row, created: false };
  return { id: randomUUID(), name, created: true };
}

const calendarName = (wanted: string) => wanted.trim().slice(0, 200) || 'Imported calendar';

/** The calendar inside the writing transaction; a file calendar not there yet is made as `newId`. */
async function resolveCalendar(
  tx: Tx,
  actor: Actor,
  wanted: { id: string } | { name: string },
  kind: CalendarKind,
  newId: string,
): Promise<TargetCalendar> {
  const calendar = await findCalendar(tx, actor, wanted, kind);
  if (!calendar.created) return calendar;
  const { name } = calendar;
  await tx
    .insert(calendars)
    .values({ id: newId, workspaceId: actor.workspaceId, userId: actor.userId, name, kind });
  return { id: newId, name, created: true };
}
