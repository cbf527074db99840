import { flagsOf, QUADRANTS, type Quadrant } from '../../activities/quadrant.ts';
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  type ActivityKind,
  type ActivityStatus,
} from '../../db/schema/index.ts';
import { isValidTimeZone } from '../../time/weeks.ts';
import { type ImportedEvent, timeEntry } from '../events.ts';
import {
  CellError,
  type DateOrder,
  type FileContext,
  type Moment,
  parseDateTime,
  type Row,
  readBoolean,
} from './values.ts';

/**
 * Linchpin's own CSV columns, in the order the export writes them. Import needs title, startsAt and
 * endsAt or minutes; it also takes `quadrant` (q1…q4) instead of urgent + important, and `timeZone`.
 */
export const GENERIC_COLUMNS = [
  'title',
  'startsAt',
  'endsAt',
  'minutes',
  'urgent',
  'important',
  'account',
  'kind',
  'commercial',
  'status',
  'notes',
  'id',
] as const;

// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is written with a leading
// apostrophe, and so is one that already starts with apostrophes before such a character, so that
// unescapeCell(escapeCell(v)) === v for every v.
const FORMULA = /^'*[=+\-@\t\r]/;

/** Guards a text cell against formula injection when the CSV is opened in a spreadsheet. */
export function escapeCell(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

/** The inverse of escapeCell. */
export function unescapeCell(value: string): string {
  return value.startsWith("'") && FORMULA.test(value.slice(1)) ? value.slice(1) : value;
}

const MINUTE = 60_000;

function moment(row: Row, key: string, zone: string, order: DateOrder): Moment {
  const value = row.required(key);
  const parsed = parseDateTime(value, zone, order);
  if (!parsed) {
    throw row.error(key, 'is not a date-time (write 2026-11-23T09:00:00+01:00 or 2026-11-23 09:00)');
  }
  return parsed;
}

function readKind(row: Row): ActivityKind | undefined {
  const value = row.text('kind');
  if (!value) return undefined;
  const kind = value.toLowerCase().replace(/[\s/-]+/g, '_');
  if ((ACTIVITY_KINDS as readonly string[]).includes(kind)) return kind as ActivityKind;
  throw row.error('kind', `is not one of ${ACTIVITY_KINDS.join(', ')}`);
}

function readStatus(row: Row): ActivityStatus | undefined {
  const value = row.text('status').toLowerCase();
  if (!value) return undefined;
  if ((ACTIVITY_STATUSES as readonly string[]).includes(value)) return value as ActivityStatus;
  throw row.error('status', `is not one of ${ACTIVITY_STATUSES.join(', ')}`);
}

/** urgent and important from their own columns and/or the quadrant column, which must agree. */
function readFlags(row: Row): { urgent?: boolean; important?: boolean } {
  const urgent = readBoolean(row, 'urgent');
  const important = readBoolean(row, 'important');
  const quadrant = row.text('quadrant').toLowerCase();
  if (!quadrant) return { urgent, important };
  if (!(QUADRANTS as readonly string[]).includes(quadrant))
    throw row.error('quadrant', 'is not q1, q2, q3 or q4');
  const flags = flagsOf(quadrant as Quadrant);
  if (
    (urgent !== undefined && urgent !== flags.urgent) ||
    (important !== undefined && important !== flags.important)
  ) {
    throw row.error('quadrant', 'contradicts the urgent and important columns');
  }
  return flags;
}

/** A row of Linchpin's own format (also what the CSV export writes). */
export function genericEvent(row: Row, context: FileContext): ImportedEvent {
  const title = unescapeCell(row.text('title'));
  if (!title) throw row.error('title', 'is empty');
  let zone = context.zone;
  const zoneCell = row.text('timezone');
  if (zoneCell) {
    if (!isValidTimeZone(zoneCell))
      throw row.error('timezone', 'is not an IANA time zone such as Europe/London');
    zone = zoneCell;
  }
  const start = moment(row, 'startsat', zone, context.order);
  const minutesText = row.text('minutes');
  let minutes: number | undefined;
  if (minutesText) {
    if (!/^\d+$/.test(minutesText)) throw row.error('minutes', 'is not a whole number of minutes');
    minutes = Number(minutesText);
  }
  let endsAt: Date;
  if (row.text('endsat')) {
    endsAt = moment(row, 'endsat', zone, context.order).instant;
    if (endsAt < start.instant) throw row.error('endsat', 'is before startsAt');
    const span = Math.round((endsAt.getTime() - start.instant.getTime()) / MINUTE);
    if (minutes !== undefined && minutes !== span) {
      throw row.error(
        'minutes',
        `does not match startsAt to endsAt (${span} minutes); give one or fix either`,
      );
    }
  } else if (minutes !== undefined) {
    endsAt = new Date(start.instant.getTime() + minutes * MINUTE);
  } else {
    throw new CellError(
      `"${row.columns.label('endsat')}" and "${row.columns.label('minutes')}" are both empty: give one`,
    );
  }

  const given: NonNullable<ImportedEvent['given']> = {};
  const { urgent, important } = readFlags(row);
  if (urgent !== undefined) given.urgent = urgent;
  if (important !== undefined) given.important = important;
  const account = unescapeCell(row.text('account'));
  if (account) given.account = account;
  const kind = readKind(row);
  if (kind) given.kind = kind;
  const commercial = readBoolean(row, 'commercial');
  if (commercial !== undefined) given.commercial = commercial;
  const status = readStatus(row);
  if (status) given.status = status;
  const notes = unescapeCell(row.raw('notes'));
  if (notes) given.notes = notes;

  const id = row.text('id');
  return timeEntry({
    sourceId: id || context.keys.next([title, start.key]),
    title,
    startsAt: start.instant,
    endsAt,
    timeZone: zone,
    line: row.line,
    given,
  });
}
