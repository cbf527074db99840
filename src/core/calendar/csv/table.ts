import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors.ts';

/** The delimiters exports use: Excel writes ";" where the decimal separator is a comma. */
export const DELIMITERS = [',', ';', '\t'] as const;

/** A record of the file and the 1-based physical line it starts on. */
export type CsvRecord = { line: number; cells: string[] } | { line: number; error: string };

export interface CsvText {
  /** The text after a BOM and an Excel "sep=;" line. */
  body: string;
  /** Lines before `body` (1 when a "sep=" line was dropped). */
  skippedLines: number;
  /** The delimiter a "sep=" line named, if there was one. */
  delimiter?: string;
}

const firstLine = (body: string) => body.split(/\r\n|\n|\r/, 1)[0] ?? '';

/**
 * Checks the text is CSV at all: not empty, not binary, not text that failed to decode. Drops a BOM and
 * Excel's "sep=;" hint line.
 */
export function prepareText(text: string): CsvText {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const head = body.slice(0, 8192);
  if (!head.trim()) throw new AppError('bad_request', 'the CSV file is empty');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
  const controls = head.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (head.includes('\u0000') || controls > head.length / 100) {
    throw new AppError('bad_request', 'this is a binary file, not a CSV or calendar (.ics) file');
  }
  // Decoding failures show as U+FFFD. Only the header is held to it: a replacement character in a
  // title may be genuine content (an earlier import mangled it) and must survive export → import.
  if (firstLine(body).includes('\uFFFD')) {
    throw new AppError(
      'bad_request',
      'the CSV file is not valid UTF-8 text; save it as "CSV UTF-8" (Excel) or export it again',
    );
  }
  const sep = /^sep=(.)\s*?(\r\n|\n|\r)/i.exec(body);
  if (sep) {
    body = body.slice(sep[0].length);
    return { body, skippedLines: 1, delimiter: sep[1] };
  }
  return { body, skippedLines: 0 };
}

/** The header's fields as one delimiter splits them. */
export function headerFields(body: string, delimiter: string): string[] {
  const records = parse(firstLine(body), {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
  }) as string[][];
  return records[0] ?? [];
}

const BREAK = /\r\n|\r|\n/g;
const breaksIn = (text: string) => text.match(BREAK)?.length ?? 0;
const leadingBreaks = (text: string) => /^(?:\r\n|\r|\n)*/.exec(text)?.[0].match(BREAK)?.length ?? 0;

/**
 * Every record of the text, each with the line it starts on. Rows csv-parse cannot read (an unclosed
 * quote) come back as errors in their place; rows with fewer or more fields than the header are kept
 * (the caller decides). The header is the first record.
 */
export function readRecords(body: string, delimiter: string, firstLineNumber: number): CsvRecord[] {
  const out: CsvRecord[] = [];
  let line = firstLineNumber;
  // csv-parse's own line counter counts a CRLF inside a quoted field twice, so lines are counted here
  // from each record's raw text (which holds the empty lines skipped before it).
  parse(body, {
    delimiter,
    raw: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      const text = raw ?? '';
      const start = line + leadingBreaks(text);
      line += breaksIn(text);
      const message =
        error?.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'a quoted value is not closed (a " is missing), so the rest of the file cannot be read'
          : `cannot be read as CSV: ${error?.message ?? 'unknown error'}`;
      out.push({ line: start, error: message });
      return undefined;
    },
    on_record: (value: unknown) => {
      // With `raw`, csv-parse hands over { record, raw } (its types do not say so).
      const record = value as { record: string[]; raw: string };
      const start = line + leadingBreaks(record.raw);
      line += breaksIn(record.raw);
      out.push({ line: start, cells: record.record });
      return null;
    },
  });
  return out;
}
