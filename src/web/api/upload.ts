/**
 * Uploads a calendar file or CSV export to POST /api/imports with XMLHttpRequest, so the upload has
 * real progress, and reads the streamed answer (`application/x-ndjson`): progress lines while the
 * server imports, then the summary or an error.
 */
import type { ErrorBody } from '../../client/index.ts';
import { ApiError, NETWORK_MESSAGE, reportUnauthenticated } from './client.ts';
import type { ImportSummary } from './types.ts';

export type ImportPhase = 'uploading' | 'importing';

export interface ImportProgress {
  phase: ImportPhase;
  /** Bytes sent while uploading, lines read while importing. */
  done: number;
  total: number;
}

export interface ImportOptions {
  fileName: string;
  calendar?: string;
  calendarId?: string;
  dryRun: boolean;
  skipInvalid: boolean;
}

/**
 * One line of the streamed answer. Not in /api/openapi.json (it documents the JSON answer only):
 * the summary is that answer's type, the error the API's error shape.
 */
interface StreamLine extends ErrorBody {
  progress?: { done: number; total: number };
  summary?: ImportSummary;
}

export const contentTypeOf = (fileName: string) =>
  /\.(ics|ical|ifb)$/i.test(fileName)
    ? 'text/calendar'
    : /\.csv$/i.test(fileName)
      ? 'text/csv'
      : 'application/octet-stream';

function queryOf(options: ImportOptions): string {
  const query = new URLSearchParams({
    fileName: options.fileName,
    dryRun: String(options.dryRun),
    skipInvalid: String(options.skipInvalid),
  });
  if (options.calendarId) query.set('calendarId', options.calendarId);
  else if (options.calendar) query.set('calendar', options.calendar);
  return query.toString();
}

const errorOf = (status: number, body: StreamLine['error'], fallback: string) =>
  new ApiError(status, body?.code ?? 'unknown', body?.message ?? fallback, body?.fields);

/** Resolves with the summary; rejects with an ApiError (status 0 for network failures and cancels). */
export function uploadImport(
  file: Blob,
  options: ImportOptions,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let read = 0;
    let summary: ImportSummary | undefined;
    let failure: ApiError | undefined;

    // Lines arrive in pieces: handle every complete one, keep the rest for the next event.
    const readLines = (final: boolean) => {
      const text = xhr.responseText;
      const end = final ? text.length : text.lastIndexOf('\n') + 1;
      if (end <= read) return;
      for (const raw of text.slice(read, end).split('\n')) {
        const line = raw.trim();
        if (!line) continue;
        let parsed: StreamLine;
        try {
          parsed = JSON.parse(line) as StreamLine;
        } catch {
          continue;
        }
        if (parsed.progress) onProgress({ phase: 'importing', ...parsed.progress });
        if (parsed.summary) summary = parsed.summary;
        if (parsed.error) failure = errorOf(400, parsed.error, 'The import failed');
      }
      read = end;
    };

    xhr.open('POST', `/api/imports?${queryOf(options)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', contentTypeOf(options.fileName));
    xhr.setRequestHeader('accept', 'application/x-ndjson, application/json;q=0.5');
    xhr.upload.onprogress = (event) =>
      onProgress({
        phase: 'uploading',
        done: event.loaded,
        total: event.lengthComputable ? event.total : file.size,
      });
    xhr.upload.onload = () => onProgress({ phase: 'importing', done: 0, total: 0 });
    xhr.onprogress = () => {
      if (xhr.status === 200 && isStream(xhr)) readLines(false);
    };
    xhr.onload = () => {
      if (xhr.status !== 200) {
        if (xhr.status === 401) reportUnauthenticated();
        let body: StreamLine | undefined;
        try {
          body = JSON.parse(xhr.responseText) as StreamLine;
        } catch {
          // not JSON, e.g. a proxy's error page
        }
        reject(errorOf(xhr.status, body?.error, fallbackMessage(xhr.status, xhr.statusText)));
        return;
      }
      if (!isStream(xhr)) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportSummary);
        } catch {
          reject(new ApiError(xhr.status, 'unknown', 'The server sent an answer Linchpin cannot read'));
        }
        return;
      }
      readLines(true);
      if (failure) reject(failure);
      else if (summary) resolve(summary);
      else reject(new ApiError(xhr.status, 'unknown', 'The import stopped before it finished. Try again.'));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', NETWORK_MESSAGE));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Upload cancelled: nothing was imported.'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

const isStream = (xhr: XMLHttpRequest) =>
  (xhr.getResponseHeader('content-type') ?? '').includes('application/x-ndjson');

function fallbackMessage(status: number, statusText: string): string {
  if (status === 413) return 'The file is larger than the 50 MB import limit.';
  if (status === 415) return 'Linchpin reads .ics calendars and CSV exports; this file is neither.';
  return `The server answered ${status} ${statusText}`.trim();
}
