import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from '../db/client.ts';
import { readCatalog } from './catalog.ts';
import { type DumpSummary, dump } from './dump.ts';
import { badLine, VOLATILE_TABLES } from './format.ts';
import { Restorer, type RestoreSummary } from './restore.ts';
import { ident, inTransaction } from './session.ts';

export interface Progress {
  progress?: (done: number, total: number) => void;
}

/** Lines are gathered into pieces of this size before they go to gzip. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Writes a backup of the whole database (but its volatile tables) to `output`, gzip'd, from one
 * snapshot: consistent while the server goes on writing. Resolves once `output` has it all.
 */
export async function writeBackup(
  database: Database,
  output: Writable,
  options: Progress = {},
): Promise<DumpSummary> {
  const gzip = createGzip();
  gzip.pipe(output);
  const done = finished(output);
  done.catch(() => {});
  let pending = '';
  const push = async (text: string) => {
    // A failing output (a full disk) never drains: its error ends the wait.
    if (!gzip.write(text)) await Promise.race([once(gzip, 'drain'), done]);
  };
  try {
    const summary = await inTransaction(database, 'snapshot', (q) =>
      dump(
        q,
        async (line) => {
          pending += `${line}\n`;
          if (pending.length >= CHUNK_BYTES) {
            const piece = pending;
            pending = '';
            await push(piece);
          }
        },
        { engine: database.driver, exclude: VOLATILE_TABLES, progress: options.progress },
      ),
    );
    await push(pending);
    gzip.end();
    await done;
    return summary;
  } catch (error) {
    gzip.destroy();
    output.destroy();
    throw error;
  }
}

/**
 * Writes a backup to `path`, readable by its owner only (it holds password hashes and the instance
 * secret), through a temporary file: a failed backup leaves no file that looks whole.
 */
export async function backupToFile(database: Database, path: string, options: Progress = {}) {
  const partial = `${path}.partial`;
  try {
    const summary = await writeBackup(database, createWriteStream(partial, { mode: 0o600 }), options);
    renameSync(partial, path);
    return summary;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** The lines of a gzip'd backup, as they come; a damaged file is an error naming the line it stops at. */
export async function* backupLines(input: Readable): AsyncGenerator<string> {
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  try {
    for await (const chunk of gunzip) {
      const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = lines.pop() ?? '';
      for (const text of lines) {
        line += 1;
        yield text;
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('Z_')) throw error;
    const problem = line === 0 ? 'not a gzip file, or damaged' : 'the file is damaged or truncated';
    throw badLine(line + 1, `${problem} (${(error as Error).message})`);
  } finally {
    input.destroy();
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

/** Feeds backup lines to a Restorer inside one read-write transaction of `target`, as it must run. */
function restoreInto(
  target: Database,
  options: ConstructorParameters<typeof Restorer>[1],
  feed: (push: (line: string) => Promise<void>) => Promise<unknown>,
): Promise<RestoreSummary> {
  return inTransaction(target, 'write', async (q) => {
    const restorer = new Restorer(q, options);
    await feed((line) => restorer.push(line));
    return restorer.finish();
  });
}

/**
 * Loads a backup into an empty database in one transaction: any problem (a damaged file, a row the
 * database refuses, a database that is not empty) leaves it as it was.
 */
export async function restoreBackup(
  database: Database,
  input: Readable,
  options: Progress = {},
): Promise<RestoreSummary> {
  return restoreInto(database, { progress: options.progress }, async (push) => {
    for await (const line of backupLines(input)) await push(line);
  });
}

export const restoreFile = (database: Database, path: string, options: Progress = {}) =>
  restoreBackup(database, createReadStream(path), options);

/**
 * Copies every table (the volatile ones too: people stay signed in) from `source` into the empty
 * `target`, without a file: a snapshot of the source streams into one transaction on the target.
 */
export async function copyDatabase(
  source: Database,
  target: Database,
  options: Progress = {},
): Promise<RestoreSummary> {
  return restoreInto(target, { progress: options.progress, verb: 'migrate' }, (push) =>
    inTransaction(source, 'snapshot', (from) => dump(from, push, { engine: source.driver })),
  );
}

/** `count(*)` of every table of the public schema, by name. */
export async function countRows(database: Database): Promise<Map<string, number>> {
  return inTransaction(database, 'snapshot', async (q) => {
    const counts = new Map<string, number>();
    for (const name of [...(await readCatalog(q)).keys()].sort()) {
      const { rows } = await q.query<{ n: string }>(`select count(*)::text as n from ${ident(name)}`);
      counts.set(name, Number(rows[0]?.n ?? 0));
    }
    return counts;
  });
}
