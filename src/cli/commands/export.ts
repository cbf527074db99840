import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { type Command, Option } from 'commander';
import type { ApiQuery } from '../../client/index.ts';
import { ApiClient, CliError } from '../client.ts';

type ExportQuery = ApiQuery<'/exports/activities', 'get'>;
const EXPORT_FORMATS = ['csv', 'json'] as const satisfies NonNullable<ExportQuery['format']>[];

interface ExportOptions extends Required<Pick<ExportQuery, 'format'>>, Pick<ExportQuery, 'from' | 'to'> {
  out?: string;
}

/** Drops the UTF-8 BOM the server puts first for Excel: a pipe into other tools does not want it. */
function withoutBom(): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) return done(null, chunk.subarray(3));
      }
      done(null, chunk);
    },
  });
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Export your activities as CSV (the generic import format) or JSON')
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).default('csv'))
    .option(
      '--from <date>',
      'first day, e.g. 2026-11-01, or a date-time (your time zone unless it has an offset)',
    )
    .option('--to <date>', 'last day, e.g. 2026-11-30 (included), or a date-time (excluded)')
    .option('--out <file>', 'write to this file (default: standard output)')
    .action(async (options: ExportOptions) => {
      // The file is streamed to its destination, not read into memory first.
      const stream = await ApiClient.fromConfig().GET('/exports/activities', {
        params: { query: { format: options.format, from: options.from, to: options.to } },
        parseAs: 'stream',
      });
      if (!stream) throw new CliError('the server sent an empty export');
      const body = Readable.fromWeb(stream as WebReadableStream<Uint8Array>);
      if (!options.out || options.out === '-') {
        await pipeline(body, withoutBom(), process.stdout, { end: false });
        return;
      }
      // Written beside the target and renamed at the end, so a failed download leaves no half file.
      const partial = `${options.out}.partial`;
      let bytes = 0;
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      try {
        await pipeline(body, count, createWriteStream(partial));
        await rename(partial, options.out);
      } catch (error) {
        await rm(partial, { force: true });
        throw new CliError(`the export to ${options.out} failed: ${(error as Error).message}`);
      }
      const size = bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
      process.stderr.write(`Saved ${options.out} (${size})\n`);
    });
}
