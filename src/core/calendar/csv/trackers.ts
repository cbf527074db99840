import { type ImportedEvent, timeEntry } from '../events.ts';
import {
  CellError,
  type FileContext,
  localMoment,
  nextDay,
  parseDuration,
  type Row,
  readBoolean,
  readDateCell,
  readMoment,
  readTimeCell,
  splitList,
} from './values.ts';

/** Time trackers: a Toggl Track or Clockify detailed report, one time entry per row. */
export type TrackerFormat = 'toggl' | 'clockify';

interface TrackerContext extends FileContext {
  format: TrackerFormat;
}

/** Column keys (see keyOf) of the durations a tracker may give instead of an end. */
export const DURATION_KEYS = ['duration', 'durationh', 'durationdecimal'] as const;

function durationSeconds(row: Row): number | undefined {
  for (const key of DURATION_KEYS) {
    const text = row.text(key);
    if (!text) continue;
    const seconds = parseDuration(text);
    if (seconds === null) throw row.error(key, 'is not a duration (hh:mm:ss or hours)');
    return seconds;
  }
  return undefined;
}

function nextDayMoment(row: Row, context: TrackerContext): Date {
  const date = nextDay(readDateCell(row, 'startdate', context.order));
  return localMoment(date, readTimeCell(row, 'endtime'), context.zone).instant;
}

/** A Toggl Track or Clockify time entry. Times are wall-clock times in the user's zone. */
export function trackerEvent(row: Row, context: TrackerContext): ImportedEvent {
  const description = row.text('description');
  const project = row.text('project');
  const client = row.text('client');
  const task = row.text('task');
  const title = description || project || task || '(no description)';

  const start = readMoment(row, 'startdate', 'starttime', context.order, context.zone);
  let endsAt: Date;
  if (row.text('endtime')) {
    const endDateKey = row.text('enddate') ? 'enddate' : 'startdate';
    endsAt = readMoment(row, endDateKey, 'endtime', context.order, context.zone).instant;
    if (endsAt < start.instant) {
      // No end date: an entry that runs past midnight ends at that time on the next calendar day
      // (not 24 hours later, which is an hour off on a DST night).
      if (endDateKey === 'startdate') endsAt = nextDayMoment(row, context);
      else throw row.error('enddate', `with "${row.text('endtime')}" is before the start`);
    }
  } else {
    const seconds = durationSeconds(row);
    if (seconds === undefined) {
      throw new CellError(`"${row.columns.label('endtime')}" is empty and there is no duration`);
    }
    endsAt = new Date(start.instant.getTime() + seconds * 1000);
  }

  const given: NonNullable<ImportedEvent['given']> = {};
  const account = client || project;
  if (account) given.account = account;
  // Only "billable" says something: many teams never mark entries billable at all.
  if (readBoolean(row, 'billable')) given.commercial = true;

  const person = row.text('email') || row.text('user') || row.text('member');
  return timeEntry({
    sourceId: context.keys.next([person, start.key, description, project, task]),
    title,
    startsAt: start.instant,
    endsAt,
    timeZone: context.zone,
    description: task && task !== title ? task : null,
    categories: splitList(row.text('tags')),
    line: row.line,
    given,
  });
}
