import { AppError } from '../errors.ts';
import { parseCsv } from './csv/index.ts';
import type { ImportItem, ParseOptions } from './events.ts';
import { parseIcs } from './ics/index.ts';
import { MAX_IMPORT_BYTES, tooLarge } from './limits.ts';

export type SourceFormat =
  | 'ics'
  | 'csv-generic'
  | 'csv-toggl'
  | 'csv-clockify'
  | 'csv-harvest'
  | 'csv-outlook';

export interface ParsedSource {
  format: SourceFormat;
  items: Iterable<ImportItem>;
  /** Lines in the text, so progress can be shown as the parser moves through it. */
  lines: number;
}

/**
 * Turns a file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, and for CSV the
 * Windows-1252 that Excel and Outlook still write. Anything binary is refused with a clear reason.
 */
export function decodeSource(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw tooLarge(bytes.byteLength);
  if (bytes.byteLength === 0) throw new AppError('bad_request', 'the file is empty');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new AppError('bad_request', 'this is a binary file, not a calendar (.ics) or CSV file');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    if (looksLikeIcs(text)) {
      throw new AppError(
        'bad_request',
        'the calendar is not valid UTF-8 text (iCalendar files must be UTF-8)',
      );
    }
    return text;
  }
}

const looksLikeIcs = (text: string) => /^\s*BEGIN:VCALENDAR/i.test(text.slice(0, 1024));

/** Recognises the format from the content (not the file name) and starts parsing. */
export function parseSource(text: string, options: ParseOptions): ParsedSource {
  const lines = countLines(text);
  const head = text.slice(0, 1024).trimStart();
  if (looksLikeIcs(head)) return { format: 'ics', items: parseIcs(text, options), lines };
  if (head.startsWith('<')) {
    throw new AppError('bad_request', 'this is a web page (HTML or XML), not a calendar (.ics) or CSV file');
  }
  if (/^BEGIN:/i.test(head)) {
    throw new AppError(
      'bad_request',
      `an iCalendar file starts with BEGIN:VCALENDAR, this one with ${head.split(/\r?\n/)[0]}`,
    );
  }
  const csv = parseCsv(text, options);
  return { format: `csv-${csv.format}`, items: csv.items, lines };
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
