import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { Database, DatabaseConfig } from '../../core/db/client.ts';
import { CliError } from '../client.ts';
import { print, table } from '../output.ts';

/** A connection string without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the database URL';
  }
}

const NO_CONNECTION = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  '28P01',
  '28000',
  '3D000',
]);

/**
 * Opens a database without migrating it and without the server's auth setup (a restore must find
 * it empty). A folder a server holds, or a database that does not answer, is one clear line.
 */
async function open(config: DatabaseConfig, whileServing: string): Promise<Database> {
  const [{ openDatabase }, { DataDirLockedError }] = await Promise.all([
    import('../../core/db/client.ts'),
    import('../../core/db/lock.ts'),
  ]);
  try {
    const database = await openDatabase({ ...config, migrate: false });
    // The pool connects on first use: find out now whether the database answers.
    if (database.driver === 'postgres') {
      const pool = (database.db as unknown as { $client: { query(text: string): Promise<unknown> } }).$client;
      await pool.query('select 1').catch(async (error) => {
        await database.close();
        throw error;
      });
    }
    return database;
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      const holder = error.pid ? `a running Linchpin server (pid ${error.pid})` : 'another Linchpin process';
      throw new CliError(`the data folder ${error.dataDir} is in use by ${holder}: ${whileServing}`);
    }
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (config.databaseUrl && NO_CONNECTION.has(code)) {
      throw new CliError(`cannot use ${redact(config.databaseUrl)}: ${(error as Error).message}`);
    }
    throw error;
  }
}

/** The data folder must hold a database already (opening an empty one would make one). */
function existingFolder(dir: string): string {
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    throw new CliError(
      `no Linchpin data in ${dir} (set LINCHPIN_DATA_DIR to the server's folder, or DATABASE_URL)`,
    );
  }
  return dir;
}

/** A progress bar on stderr when it is a terminal (big copies take a while). */
function progressBar(label: string) {
  if (!process.stderr.isTTY) return { update: undefined, stop: () => {} };
  const bar = new SingleBar({
    format: ` ${label} [{bar}] {value}/{total} rows`,
    hideCursor: true,
    stream: process.stderr,
  });
  let started = false;
  return {
    update: (done: number, total: number) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

/**
 * An error of the database itself (permission denied, disk full, a timeout) is the operator's to act
 * on: one line with PostgreSQL's message, not a stack trace.
 */
function explained<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      const { severity, code } = error as { severity?: unknown; code?: unknown };
      if (typeof severity === 'string' && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
        throw new CliError(`the database refused: ${(error as Error).message} (SQLSTATE ${code})`);
      }
      throw error;
    }
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function withDatabase<T>(database: Database, work: (database: Database) => Promise<T>): Promise<T> {
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Asks the server that holds a PGlite folder for the backup (the folder's key proves access). */
async function backupThroughServer(dataDir: string, out: string, server: string | undefined, pid?: number) {
  const [{ readAnnouncement, BACKUP_KEY_HEADER }, { inspectBackup }] = await Promise.all([
    import('../../core/backup/announce.ts'),
    import('../../core/backup/inspect.ts'),
  ]);
  const announced = readAnnouncement(dataDir);
  if (!announced) {
    throw new CliError(
      `the data folder ${dataDir} is in use by a running Linchpin server${pid ? ` (pid ${pid})` : ''} that serves no backups (no ${dataDir}/backup.key): stop it, or upgrade it`,
    );
  }
  const url = `${(server ?? announced.url).replace(/\/+$/, '')}/api/system/backup`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { [BACKUP_KEY_HEADER]: announced.key } });
  } catch (error) {
    throw new CliError(`cannot reach the server at ${url}: ${(error as Error).message} (pass --server URL)`);
  }
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new CliError(
      `the server refused the backup (${response.status}): ${body?.error?.message ?? response.statusText}`,
    );
  }
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  if (out === '-') {
    await pipeline(body, process.stdout);
    return undefined;
  }
  const partial = `${out}.partial`;
  try {
    await pipeline(body, createWriteStream(partial, { mode: 0o600 }));
    const summary = await inspectBackup(partial);
    renameSync(partial, out);
    return summary;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description(
      'Write a backup of the whole instance (DATABASE_URL or LINCHPIN_DATA_DIR, like the server); works while the server runs',
    )
    .requiredOption(
      '--out <file>',
      'the file to write: gzip’d JSON Lines, readable by you only (- for stdout)',
    )
    .option('--server <url>', 'the server holding the data folder (default: the one its server.json names)')
    .action(
      explained(async (options: { out: string; server?: string }) => {
        const [{ configFromEnv }, { DataDirLockedError }, service, { inspectBackup }] = await Promise.all([
          import('../../core/index.ts'),
          import('../../core/db/lock.ts'),
          import('../../core/backup/service.ts'),
          import('../../core/backup/inspect.ts'),
        ]);
        const config = configFromEnv();
        const started = performance.now();
        const bar = progressBar('Backing up');
        const direct = async (database: Database) => {
          if (options.out === '-') {
            await service.writeBackup(database, process.stdout, { progress: bar.update });
            return undefined;
          }
          await service.backupToFile(database, options.out, { progress: bar.update });
          return inspectBackup(options.out);
        };
        let summary: Awaited<ReturnType<typeof inspectBackup>> | undefined;
        if (config.databaseUrl) {
          summary = await withDatabase(await open(config, ''), direct);
        } else {
          const dir = existingFolder(config.dataDir ?? './data');
          const { openDatabase } = await import('../../core/db/client.ts');
          let database: Database | undefined;
          try {
            if (!options.server) database = await openDatabase({ dataDir: dir, migrate: false });
          } catch (error) {
            if (!(error instanceof DataDirLockedError)) throw error;
            summary = await backupThroughServer(dir, options.out, undefined, error.pid);
          }
          if (database) summary = await withDatabase(database, direct);
          else if (options.server) summary = await backupThroughServer(dir, options.out, options.server);
        }
        bar.stop();
        if (summary) {
          console.error(
            `Backed up ${summary.rows} rows of ${summary.tables.length} tables (${summary.header.engine}, migration ${summary.header.migration}) to ${options.out}: ${kb(statSync(options.out).size)} in ${seconds(started)}.`,
          );
        }
      }),
    );

  program
    .command('restore')
    .description(
      'Load a backup into an empty database (DATABASE_URL or LINCHPIN_DATA_DIR), in one transaction',
    )
    .argument('<file>', 'a file written by `linchpin backup` (- for stdin)')
    .action(
      explained(async (file: string) => {
        if (file !== '-' && !existsSync(file)) throw new CliError(`cannot read ${file}`);
        const [{ configFromEnv }, { restoreBackup, restoreFile }] = await Promise.all([
          import('../../core/index.ts'),
          import('../../core/backup/service.ts'),
        ]);
        const config = configFromEnv();
        const started = performance.now();
        const bar = progressBar('Restoring');
        const database = await open(config, 'stop the server first, then restore');
        const summary = await withDatabase(database, (db) =>
          file === '-'
            ? restoreBackup(db, process.stdin, { progress: bar.update })
            : restoreFile(db, file, { progress: bar.update }),
        );
        bar.stop();
        const into = config.databaseUrl ? redact(config.databaseUrl) : config.dataDir;
        const { header } = summary;
        console.error(
          `Restored ${summary.rows} rows of ${summary.tables.length} tables into ${into} in ${seconds(started)} (backup of ${header.createdAt}, ${header.engine}, migration ${header.migration}).`,
        );
        if (summary.upgradedFrom)
          console.error(`The backup's rows were brought up from migration ${summary.upgradedFrom}.`);
        if (summary.ignoredColumns.length > 0) {
          console.error(
            `Columns this version no longer has were left out: ${summary.ignoredColumns.join(', ')}.`,
          );
        }
        console.error('People sign in again with their passwords (sessions are not part of a backup).');
      }),
    );

  program
    .command('migrate')
    .description('Copy an embedded data folder into an empty PostgreSQL database and compare row counts')
    .requiredOption('--to <url>', 'the PostgreSQL database: postgres://user:password@host:5432/name')
    .option('--from <dir>', 'the data folder (default: LINCHPIN_DATA_DIR or ./data)')
    .action(
      explained(async (options: { to: string; from?: string }) => {
        if (!/^postgres(ql)?:\/\//.test(options.to)) throw new CliError('--to must be a postgres:// URL');
        const { copyDatabase, countRows } = await import('../../core/backup/service.ts');
        const dir = existingFolder(options.from ?? process.env.LINCHPIN_DATA_DIR ?? './data');
        const started = performance.now();
        const source = await open({ dataDir: dir }, 'stop the server first, then migrate');
        const [copied, before, after] = await withDatabase(source, async (from) => {
          const target = await open({ databaseUrl: options.to }, '');
          return withDatabase(target, async (to) => {
            const bar = progressBar('Copying');
            const summary = await copyDatabase(from, to, { progress: bar.update });
            bar.stop();
            return [summary, await countRows(from), await countRows(to)] as const;
          });
        });
        const names = [...new Set([...before.keys(), ...after.keys()])].sort();
        const differ = names.filter((n) => before.has(n) && before.get(n) !== after.get(n));
        print(
          table(
            ['table', 'folder', 'postgres', ''],
            names.map((n) => [
              n,
              before.get(n) ?? '–',
              after.get(n) ?? '–',
              differ.includes(n) ? 'DIFFERS' : before.has(n) ? 'ok' : 'new',
            ]),
          ),
        );
        if (differ.length > 0) {
          throw new CliError(`row counts differ in ${differ.length} tables: ${differ.join(', ')}`);
        }
        print(
          `All ${before.size} tables match: ${copied.rows} rows copied from ${dir} to ${redact(options.to)} in ${seconds(started)}.`,
        );
        print(
          `Start the server with DATABASE_URL=${redact(options.to)} (and keep ${dir} as it is, as a fallback).`,
        );
      }),
    );
}
