import { createHash } from 'node:crypto';
import { DateTime, IANAZone } from 'luxon';

/** A header label reduced to lower-case letters and digits: "Start date", "Start Date" → "startdate". */
export function keyOf(label: string): string {
  return label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The header row: finds a column by its key, and keeps the label as the file spells it. */
export class Columns {
  private readonly index = new Map<string, number>();

  constructor(readonly labels: string[]) {
    labels.forEach((label, i) => {
      const key = keyOf(label);
      if (key && !this.index.has(key)) this.index.set(key, i);
    });
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  position(key: string): number | undefined {
    return this.index.get(key);
  }

  /** The column's name as written in the file (for messages). */
  label(key: string): string {
    const i = this.index.get(key);
    return i === undefined ? key : (this.labels[i] ?? key).trim();
  }

  /** The first of `keys` the header has. */
  first(...keys: string[]): string | undefined {
    return keys.find((key) => this.index.has(key));
  }

  keys(): string[] {
    return [...this.index.keys()];
  }
}

/** A cell that cannot be read; the message names the column and the value. */
export class CellError extends Error {}

const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/** One data row of the file, read by column key. */
export class Row {
  constructor(
    readonly line: number,
    private readonly cells: string[],
    readonly columns: Columns,
  ) {}

  /** The cell as written (empty when the column or the cell is missing). */
  raw(key: string): string {
    const i = this.columns.position(key);
    return i === undefined ? '' : (this.cells[i] ?? '');
  }

  /** The cell without surrounding white space. */
  text(key: string): string {
    return this.raw(key).trim();
  }

  /** A problem with this row's cell, e.g. `"Start date" "31/02/2026" is not a date`. */
  error(key: string, problem: string): CellError {
    const value = this.text(key);
    const label = this.columns.label(key);
    return new CellError(value ? `"${label}" "${shown(value)}" ${problem}` : `"${label}" is empty`);
  }

  /** The cell, which must not be empty. */
  required(key: string): string {
    const value = this.text(key);
    if (!value) throw this.error(key, 'is empty');
    return value;
  }
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalTime {
  hour: number;
  minute: number;
  second: number;
}

/** How a date such as 03/04/2026 is read: month first (US, Clockify's default) or day first. */
export type DateOrder = 'mdy' | 'dmy';

// Year first: ISO, and Japanese exports (2026/11/23, 2026年11月23日).
const YMD = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\.?$/;
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/;

/** A calendar date as exports write it: 2026-11-23, 11/23/2026 or 23/11/2026 (by `order`), 23.11.2026. */
export function parseDate(text: string, order: DateOrder): LocalDate | null {
  const ymd = YMD.exec(text);
  const dotted = DOTTED.exec(text);
  const slashed = SLASHED.exec(text);
  let parts: [string, string, string] | undefined;
  if (ymd) parts = [ymd[1] ?? '', ymd[2] ?? '', ymd[3] ?? ''];
  else if (dotted) parts = [dotted[3] ?? '', dotted[2] ?? '', dotted[1] ?? ''];
  else if (slashed) {
    const [a, b, y] = [slashed[1] ?? '', slashed[2] ?? '', slashed[3] ?? ''];
    parts = order === 'mdy' ? [y, a, b] : [y, b, a];
  }
  if (!parts) return null;
  const year = parts[0].length === 2 ? 2000 + Number(parts[0]) : Number(parts[0]);
  const month = Number(parts[1]);
  const day = Number(parts[2]);
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  // 31/02 rolls over into March in Date.UTC: a day that does not exist comes back different.
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day ? { year, month, day } : null;
}

/**
 * The order a file writes its slashed dates in: day first when some first part is over 12 and no
 * second part is, month first in the opposite case, otherwise `fallback`.
 */
export function inferDateOrder(values: Iterable<string>, fallback: DateOrder): DateOrder {
  let dayFirst = false;
  let monthFirst = false;
  for (const value of values) {
    const match = SLASHED.exec(value.trim().split(/[\sT]/)[0] ?? '');
    if (!match) continue;
    const a = Number(match[1]);
    const b = Number(match[2]);
    if (a > 12 && b <= 12) dayFirst = true;
    if (b > 12 && a <= 12) monthFirst = true;
  }
  if (dayFirst !== monthFirst) return dayFirst ? 'dmy' : 'mdy';
  return fallback;
}

const TIME = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d+)?)?\s*(?:([ap])\.?\s?m\.?)?$/i;

/** A wall-clock time: 09:00, 9:00:00, 21:30:15, 9:00 AM, 9:00:00 p.m. */
export function parseTime(text: string): LocalTime | null {
  const match = TIME.exec(text);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3] ?? 0);
  const half = match[4]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

/** A local date-time in a zone, and a zone-free key for it (stable when the user's zone changes). */
export interface Moment {
  instant: Date;
  key: string;
}

const HOUR = 3_600_000;
/** Longer than any zone's distance from UTC, so [t − SPAN, t + SPAN] brackets every offset change near t. */
const SPAN = 15 * HOUR;

/**
 * A zone's UTC offset (minutes) at an instant, reading Intl only at whole-hour boundaries: no zone
 * changes its offset twice within an hour, so equal offsets at both ends of an hour hold for all of
 * it. A file of thousands of rows then costs a few Intl calls per distinct hour instead of several
 * per row (they were most of the import's time).
 */
class ZoneOffsets {
  private readonly zone: IANAZone;
  private readonly atHour = new Map<number, number>();

  constructor(name: string) {
    this.zone = IANAZone.create(name);
  }

  private boundary(hour: number): number {
    let offset = this.atHour.get(hour);
    if (offset === undefined) {
      if (this.atHour.size >= 500_000) this.atHour.clear(); // a long-running server stays bounded
      offset = this.zone.offset(hour * HOUR);
      this.atHour.set(hour, offset);
    }
    return offset;
  }

  at(ts: number): number {
    const hour = Math.floor(ts / HOUR);
    const start = this.boundary(hour);
    return start === this.boundary(hour + 1) ? start : this.zone.offset(ts);
  }
}

const zoneOffsets = new Map<string, ZoneOffsets>();

/**
 * The instant a wall-clock time has in a zone. A time the clocks skip (spring forward) moves on by
 * the gap, as calendars do; a time that happens twice (fall back) is the first one, whatever the
 * date today (luxon's fromObject picks by today's offset).
 */
export function zonedInstant(localMs: number, zone: string): number {
  let offsets = zoneOffsets.get(zone);
  if (!offsets) {
    if (!IANAZone.create(zone).isValid) throw new RangeError(`unknown time zone ${zone}`);
    if (zoneOffsets.size > 100) zoneOffsets.clear();
    offsets = new ZoneOffsets(zone);
    zoneOffsets.set(zone, offsets);
  }
  const before = offsets.at(localMs - SPAN);
  const after = offsets.at(localMs + SPAN);
  const valid = [...new Set([before, after])]
    .map((offset) => localMs - offset * 60_000)
    .filter((ts) => offsets.at(ts) * 60_000 === localMs - ts);
  if (valid.length > 0) return Math.min(...valid);
  return localMs - Math.min(before, after) * 60_000;
}

/** The calendar day after `date` (whatever the zone: a day of the calendar, not 24 hours). */
export function nextDay(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** A wall-clock date and time in a (valid IANA) zone. */
export function localMoment(date: LocalDate, time: LocalTime, zone: string): Moment {
  const localMs = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return {
    instant: new Date(zonedInstant(localMs, zone)),
    key: `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`,
  };
}

const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)$/i;
const DATE_THEN_TIME = /^(\S+?)(?:T|\s+)(\d.*)$/i;

/**
 * A date-time in one cell: ISO 8601 with an offset is an exact instant; without one (2026-11-23 09:00,
 * 2026-11-23T09:00, 11/23/2026 9:00 AM) it is wall-clock time in `zone`.
 */
export function parseDateTime(text: string, zone: string, order: DateOrder): Moment | null {
  const iso = ISO_WITH_OFFSET.exec(text);
  if (iso) {
    const dt = DateTime.fromISO(`${iso[1]}T${iso[2]}${iso[3]}`, { setZone: true });
    if (!dt.isValid) return null;
    return { instant: dt.toJSDate(), key: dt.toUTC().toISO() ?? text };
  }
  const split = DATE_THEN_TIME.exec(text);
  if (!split) return null;
  const date = parseDate(split[1] ?? '', order);
  const time = parseTime((split[2] ?? '').trim());
  return date && time ? localMoment(date, time, zone) : null;
}

/** hh:mm:ss (Toggl, Clockify "Duration (h)"), or decimal hours with a point or comma; in seconds. */
export function parseDuration(text: string): number | null {
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (clock) {
    const minutes = Number(clock[2]);
    const seconds = Number(clock[3] ?? 0);
    if (minutes > 59 || seconds > 59) return null;
    return Number(clock[1]) * 3600 + minutes * 60 + seconds;
  }
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return Math.round(Number(text.replace(',', '.')) * 3600);
  return null;
}

// The yes and no of localised exports: German, French, Spanish, Dutch, Japanese.
const TRUE = new Set([
  'true',
  'yes',
  'y',
  '1',
  'x',
  'on',
  'wahr',
  'ja',
  'vrai',
  'oui',
  'waar',
  'sí',
  'si',
  'verdadero',
  'はい',
]);
const FALSE = new Set([
  'false',
  'no',
  'n',
  '0',
  'off',
  'falsch',
  'nein',
  'faux',
  'non',
  'onwaar',
  'nee',
  'falso',
  'いいえ',
]);

/** true/false, yes/no, 1/0, x (and the words localised exports use); undefined when empty. */
export function readBoolean(row: Row, key: string): boolean | undefined {
  const value = row.text(key).toLowerCase();
  if (!value) return undefined;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw row.error(key, 'is not yes or no (use true/false, yes/no, 1/0 or x)');
}

/** A date cell that must be filled, read in the file's date order. */
export function readDateCell(row: Row, key: string, order: DateOrder): LocalDate {
  const date = parseDate(row.required(key), order);
  if (!date) throw row.error(key, 'is not a date');
  return date;
}

/** A time cell that must be filled. */
export function readTimeCell(row: Row, key: string): LocalTime {
  const time = parseTime(row.required(key));
  if (!time) throw row.error(key, 'is not a time');
  return time;
}

/** A date cell and a time cell, both required, as the moment they name in `zone`. */
export function readMoment(
  row: Row,
  dateKey: string,
  timeKey: string,
  order: DateOrder,
  zone: string,
): Moment {
  return localMoment(readDateCell(row, dateKey, order), readTimeCell(row, timeKey), zone);
}

/** Tags or categories from one cell: "Q2, Strategy" or "Customer;Travel". */
export function splitList(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The row's sourceId when the file has no id column: a SHA-1 of what identifies the row (not of every
 * cell, so a re-export with changed tags or an edited end updates the activity instead of adding a
 * second one). The n-th identical row in one file gets ":n" so true duplicates stay distinct.
 */
export class RowKeys {
  private readonly seen = new Map<string, number>();

  constructor(private readonly format: string) {}

  next(identity: string[]): string {
    const normal = identity.map((part) => part.trim().replace(/\s+/g, ' ').toLowerCase());
    const hash = createHash('sha1')
      .update(JSON.stringify([this.format, ...normal]))
      .digest('hex');
    const count = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, count);
    return count === 1 ? `${this.format}:${hash}` : `${this.format}:${hash}:${count}`;
  }
}

/** What every row of one file is read with: the zone its times are in, its date order, its row keys. */
export interface FileContext {
  zone: string;
  order: DateOrder;
  keys: RowKeys;
}
