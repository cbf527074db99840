import { type ImportedEvent, timeEntry } from '../events.ts';
import {
  type FileContext,
  localMoment,
  parseDuration,
  type Row,
  readBoolean,
  readDateCell,
} from './values.ts';

interface HarvestContext extends FileContext {
  /** Minutes already laid on each person's day, so the next entry starts after them. */
  booked: Map<string, number>;
}

/** Harvest's report has dates and hours, no times: a day's entries are laid end to end from 09:00. */
const DAY_STARTS_AT = 9 * 60;

/**
 * A row of a Harvest detailed time report (Date, Client, Project, Task, Notes, Hours, Billable?, First
 * Name, Last Name, …). Hours are decimal with a point or a comma ("1.5", "1,5") or h:mm.
 */
export function harvestEvent(row: Row, context: HarvestContext): ImportedEvent {
  const date = readDateCell(row, 'date', context.order);
  const seconds = parseDuration(row.required('hours'));
  if (seconds === null) throw row.error('hours', 'is not a number of hours (1.5, 1,5 or 1:30)');
  const person = [row.text('firstname'), row.text('lastname')].join(' ').trim();
  const day = `${person} ${date.year}-${date.month}-${date.day}`;
  const booked = context.booked.get(day) ?? DAY_STARTS_AT;
  context.booked.set(day, booked + Math.ceil(seconds / 60));
  // A day booked past midnight keeps its last entries at 23:59 rather than on the next day.
  const at = Math.min(booked, 24 * 60 - 1);
  const start = localMoment(date, { hour: Math.floor(at / 60), minute: at % 60, second: 0 }, context.zone);
  const startsAt = start.instant;
  const notes = row.text('notes');
  const task = row.text('task');
  const project = row.text('project');
  const given: NonNullable<ImportedEvent['given']> = {};
  const account = row.text('client') || project;
  if (account) given.account = account;
  if (readBoolean(row, 'billable')) given.commercial = true;
  return timeEntry({
    sourceId: context.keys.next([person, day, project, task, notes]),
    title: notes || task || project || '(no notes)',
    startsAt,
    endsAt: new Date(startsAt.getTime() + seconds * 1000),
    timeZone: context.zone,
    description: notes && task ? task : null,
    line: row.line,
    given,
  });
}
