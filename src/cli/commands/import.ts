import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { ApiAnswer } from '../../client/index.ts';
import { MAX_IMPORT_BYTES } from '../../core/calendar/limits.ts';
import { AppError, type ErrorCode } from '../../core/errors.ts';
import { ApiClient, type ApiErrorBody, CliError, errorOf } from '../client.ts';
import { print } from '../output.ts';

interface ImportOptions {
  calendar?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
}

type ImportSummary = ApiAnswer<'/imports', 'post'>;

/** A line of the streamed answer (`application/x-ndjson`, not in /api/openapi.json, which has the summary). */
type ProgressLine = { progress: { done: number; total: number } } | { summary: ImportSummary } | ApiErrorBody;

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('Import an .ics calendar or a CSV export (generic, Toggl Track, Clockify, Harvest, Outlook)')
    .argument('<file>', 'the .ics or .csv file')
    .option('--calendar <name>', 'the calendar to merge into (default: the file name)')
    .option('--dry-run', 'show what would change without writing anything')
    .option(
      '--skip-invalid',
      'import the readable events and list the others (default: import nothing if any fails)',
    )
    .action(async (file: string, options: ImportOptions) => {
      const size = importableSize(file);
      const query = new URLSearchParams({ fileName: basename(file) });
      if (options.calendar) query.set('calendar', options.calendar);
      if (options.dryRun) query.set('dryRun', 'true');
      if (options.skipInvalid) query.set('skipInvalid', 'true');

      const bar = new SingleBar({
        format: ' {phase} [{bar}] {percentage}%',
        hideCursor: true,
        noTTYOutput: false,
        stream: process.stderr,
      });
      const showBar = process.stderr.isTTY;
      if (showBar) bar.start(size, 0, { phase: 'Uploading' });
      const upload = createReadStream(file);
      let sent = 0;
      upload.on('data', (chunk) => {
        sent += chunk.length;
        if (showBar) bar.update(sent);
      });
      const response = await ApiClient.fromConfig().stream('POST', `/imports?${query}`, {
        headers: { 'content-type': 'application/octet-stream', accept: 'application/x-ndjson' },
        body: Readable.toWeb(upload) as ReadableStream,
      });
      let summary: ImportSummary | undefined;
      try {
        for await (const line of lines(response)) {
          if ('progress' in line) {
            if (showBar) {
              bar.setTotal(line.progress.total);
              bar.update(line.progress.done, { phase: 'Importing' });
            }
          } else if ('summary' in line) {
            summary = line.summary;
          } else if (line.error) {
            // Sent after the 200 started streaming; the code tells the status it stands for.
            throw errorOf(new AppError(line.error.code as ErrorCode, '').status, line);
          }
        }
      } finally {
        if (showBar) bar.stop();
      }
      if (!summary) throw new CliError('the server ended the import without a result');
      print(describe(summary));
    });
}

/** The file's size, once it is known to be readable and within the import limit. */
export function importableSize(file: string): number {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new CliError(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB; imports are limited to 50 MB`);
  }
  return size;
}

async function* lines(response: Response): AsyncGenerator<ProgressLine> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = response.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    buffered += decoder.decode(part.value, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const text = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (text) yield JSON.parse(text) as ProgressLine;
      newline = buffered.indexOf('\n');
    }
  }
}

/** The summary as a person reads it. */
export function describe(summary: ImportSummary): string {
  const out: string[] = [];
  const verb = summary.dryRun ? 'would be' : '';
  out.push(
    `${summary.dryRun ? 'Dry run, nothing written. ' : ''}${summary.calendar.name} (${summary.format}): ` +
      `${summary.added} added, ${summary.updated} updated, ${summary.removed} removed, ${summary.unchanged} unchanged${verb ? ` (${verb})` : ''}.`,
  );
  const excluded = Object.entries(summary.excluded).filter(([, n]) => n > 0);
  if (excluded.length > 0) {
    out.push(
      `Shown but not counted as time: ${excluded.map(([reason, n]) => `${n} ${reason.replace('_', '-')}`).join(', ')}.`,
    );
  }
  if (summary.outsideWindow > 0) {
    const day = (iso: string) => iso.slice(0, 10);
    out.push(
      `${summary.outsideWindow} calendar events lie entirely outside the import window (${day(summary.window.from)} to ${day(summary.window.to)}) and were left out.`,
    );
  }
  if (summary.toReview > 0) {
    out.push(
      `${summary.toReview} events no rule classified wait in the review inbox (web app: Import → Review).`,
    );
  }
  if (summary.skippedCount > 0) {
    out.push(`Skipped ${summary.skippedCount}:`);
    for (const skipped of summary.skipped) {
      out.push(`  line ${skipped.line}: ${skipped.title ? `${skipped.title}: ` : ''}${skipped.reason}`);
    }
    if (summary.skippedCount > summary.skipped.length) {
      out.push(`  … and ${summary.skippedCount - summary.skipped.length} more`);
    }
  }
  return out.join('\n');
}
