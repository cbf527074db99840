import { AppError } from '../../errors.ts';
import type { ImportedEvent, ImportItem, ParseOptions } from '../events.ts';
import { genericEvent } from './generic.ts';
import { harvestEvent } from './harvest.ts';
import { dateOrderOf, type ExportLanguage, englishHeader } from './languages.ts';
import { outlookEvent } from './outlook.ts';
import { DELIMITERS, headerFields, prepareText, readRecords } from './table.ts';
import { trackerEvent } from './trackers.ts';
import { CellError, Columns, type FileContext, inferDateOrder, keyOf, Row, RowKeys } from './values.ts';

export { escapeCell, GENERIC_COLUMNS, unescapeCell } from './generic.ts';

/** The CSV exports Linchpin reads; see docs for the generic (Linchpin) columns. */
export type CsvFormat = 'generic' | 'toggl' | 'clockify' | 'harvest' | 'outlook';

interface ReadContext extends FileContext {
  /** Per person and day, the minutes laid out so far (Harvest gives no times). */
  booked: Map<string, number>;
}

interface FormatSpec {
  /** What the format is, for messages. */
  name: string;
  /** Columns that must be there; an inner list is alternatives ("endsAt or minutes"). */
  required: string[][];
  /** Columns holding dates, read to tell 03/04/2026 day-first from month-first. */
  dateColumns: string[];
  read: (row: Row, context: ReadContext) => ImportedEvent;
}

const FORMATS: Record<CsvFormat, FormatSpec> = {
  generic: {
    name: "Linchpin's columns (title, startsAt, endsAt or minutes, urgent, important, account, kind, commercial, status, notes, id)",
    required: [['title'], ['startsAt'], ['endsAt', 'minutes']],
    dateColumns: ['startsat', 'endsat'],
    read: genericEvent,
  },
  toggl: {
    name: 'a Toggl Track detailed report (Description, Project, Client, Start date, Start time, End date, End time, Duration, …)',
    required: [['Start date'], ['Start time'], ['End time', 'Duration'], ['Description', 'Project']],
    dateColumns: ['startdate', 'enddate'],
    read: (row, context) => trackerEvent(row, { ...context, format: 'toggl' }),
  },
  clockify: {
    name: 'a Clockify detailed report (Project, Client, Description, Start Date, Start Time, End Date, End Time, Duration (h), …)',
    required: [
      ['Start Date'],
      ['Start Time'],
      ['End Time', 'Duration (h)', 'Duration (decimal)'],
      ['Description', 'Project'],
    ],
    dateColumns: ['startdate', 'enddate'],
    read: (row, context) => trackerEvent(row, { ...context, format: 'clockify' }),
  },
  harvest: {
    name: 'a Harvest detailed time report (Date, Client, Project, Task, Notes, Hours, Billable?, First Name, Last Name, …)',
    required: [['Date'], ['Hours'], ['Project', 'Task', 'Notes']],
    dateColumns: ['date'],
    read: harvestEvent,
  },
  outlook: {
    name: 'an Outlook calendar export (Subject, Start Date, Start Time, End Date, End Time, All day event, …)',
    required: [['Subject'], ['Start Date'], ['Start Time'], ['End Date'], ['End Time']],
    dateColumns: ['startdate', 'enddate'],
    read: outlookEvent,
  },
};

/** Which export a header row is, by the columns only that export has. */
function detect(columns: Columns): CsvFormat | undefined {
  if (columns.has('subject')) return 'outlook';
  // Before Clockify: Harvest's report has a "Billable Rate" column too.
  if (columns.has('hours') && columns.has('date') && !columns.has('startdate')) return 'harvest';
  if (
    columns.has('durationh') ||
    columns.has('durationdecimal') ||
    columns.keys().some((key) => key.startsWith('billablerate'))
  ) {
    return 'clockify';
  }
  const hasStart = columns.has('startdate') || columns.has('starttime');
  if (hasStart && (columns.has('description') || columns.has('project') || columns.has('client')))
    return 'toggl';
  if (columns.has('title') || columns.has('startsat')) return 'generic';
  return undefined;
}

function missingColumns(columns: Columns, spec: FormatSpec): string[] {
  return spec.required
    .filter((alternatives) => !alternatives.some((label) => columns.has(keyOf(label))))
    .map((alternatives) => alternatives.join(' or '));
}

/** The delimiter and format of the header: the first delimiter whose split the header is recognised in. */
function readHeader(
  body: string,
  hint?: string,
): { delimiter: string; columns: Columns; format?: CsvFormat; language: ExportLanguage } {
  let best: { delimiter: string; columns: Columns; language: ExportLanguage } | undefined;
  for (const delimiter of hint ? [hint] : DELIMITERS) {
    const { labels, language } = englishHeader(headerFields(body, delimiter));
    const columns = new Columns(labels);
    const format = detect(columns);
    if (format) return { delimiter, columns, format, language };
    if (!best || columns.labels.length > best.columns.labels.length) best = { delimiter, columns, language };
  }
  return best ?? { delimiter: ',', columns: new Columns([]), language: 'en' };
}

const shortList = (labels: string[]) => {
  const shown = labels.slice(0, 8).map((label) => label.trim());
  return `${shown.join(', ')}${labels.length > shown.length ? ', …' : ''}`;
};

/**
 * Reads a CSV export: Linchpin's own columns (what the CSV export writes), a Toggl Track or Clockify
 * detailed report, or an Outlook calendar export, told apart by the header row. The delimiter may be
 * "," or ";" (or a tab); a BOM and Excel's "sep=;" line are fine. Local times are read in
 * options.timeZone. Each row becomes an event, or a problem naming its line, column and value; the
 * other rows go on. A header that is none of these throws, as does text that is not CSV at all.
 *
 * Every row is kept, whatever its date: a CSV lists what its author chose, so options.window (which
 * bounds the expansion of calendar recurrences) does not apply.
 */
export function parseCsv(
  text: string,
  options: ParseOptions,
): { format: CsvFormat; items: Generator<ImportItem> } {
  const prepared = prepareText(text);
  const header = readHeader(prepared.body, prepared.delimiter);
  if (!header.format) {
    const missing = missingColumns(header.columns, FORMATS.generic);
    throw new AppError(
      'bad_request',
      `CSV header not recognised: expected ${FORMATS.generic.name}, or ${[FORMATS.toggl, FORMATS.clockify, FORMATS.harvest, FORMATS.outlook].map((f) => f.name).join(', or ')} (Toggl and Clockify also in German, French, Spanish, Dutch or Japanese) (missing: ${missing.join(', ')}); the first line has: ${shortList(header.columns.labels)}`,
    );
  }
  const format = header.format;
  const spec = FORMATS[format];
  const missing = missingColumns(header.columns, spec);
  if (missing.length > 0) {
    throw new AppError(
      'bad_request',
      `CSV header not recognised: expected ${spec.name} (missing: ${missing.join(', ')})`,
    );
  }

  const records = readRecords(prepared.body, header.delimiter, 1 + prepared.skippedLines);
  const [headerRecord, ...rows] = records;
  if (headerRecord && 'error' in headerRecord) {
    throw new AppError('bad_request', `the CSV header cannot be read: ${headerRecord.error}`);
  }
  const columns = headerRecord ? new Columns(englishHeader(headerRecord.cells).labels) : header.columns;
  const width = columns.labels.length;
  const datePositions = spec.dateColumns
    .map((key) => columns.position(key))
    .filter((i): i is number => i !== undefined);
  const dates = function* () {
    for (const record of rows) {
      if ('cells' in record) for (const i of datePositions) yield record.cells[i] ?? '';
    }
  };
  // A file re-saved by Excel where the list separator is ";" writes day-first dates.
  // So does a tracker's export in a European language.
  const fallback = dateOrderOf(header.language) ?? (header.delimiter === ';' ? 'dmy' : 'mdy');
  const order = inferDateOrder(dates(), fallback);
  const context = { zone: options.timeZone, order, keys: new RowKeys(format), booked: new Map() };

  function* items(): Generator<ImportItem> {
    for (const record of rows) {
      if ('error' in record) {
        yield { problem: { line: record.line, message: record.error } };
        continue;
      }
      const { cells, line } = record;
      if (cells.every((cell) => !cell.trim())) continue; // a blank row (Excel writes ";;;;")
      // More values than columns: a value with the delimiter in it was not quoted. Trailing empty
      // values (spreadsheets write them) are fine as long as the row reads.
      const shown = header.delimiter === '\t' ? 'a tab' : `"${header.delimiter}"`;
      const overflow =
        cells.length > width
          ? `the row has ${cells.length} values but the header has ${width} (is a value with ${shown} not in quotes?)`
          : undefined;
      if (overflow && cells.slice(width).some((cell) => cell.trim())) {
        yield { problem: { line, message: overflow } };
        continue;
      }
      try {
        yield { event: spec.read(new Row(line, cells, columns), context) };
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        yield { problem: { line, message: overflow ? `${error.message}; ${overflow}` : error.message } };
      }
    }
  }
  return { format, items: items() };
}
