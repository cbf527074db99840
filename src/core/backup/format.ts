import { knownMigrations, latestMigration } from '../db/journal.ts';
import { AppError } from '../errors.ts';

/**
 * The backup format: gzip'd JSON Lines. One header line, then for each table a table line followed
 * by its rows (one object per line, as PostgreSQL's `row_to_json` writes it: timestamps, jsonb,
 * arrays and dates round-trip exactly), and an end line with the totals.
 *
 *     {"format":"linchpin-backup","version":1,"migration":"0012_weekly_rhythm","createdAt":…,"engine":"pglite","tables":[{"name":"workspaces","rows":2},…]}
 *     {"table":"workspaces","columns":["id","name",…],"rows":2}
 *     {"id":"…","name":"Acme",…}
 *     …
 *     {"end":true,"tables":38,"rows":1234}
 */
export const BACKUP_FORMAT = 'linchpin-backup';
export const BACKUP_VERSION = 1;

export type Engine = 'pglite' | 'postgres';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The last migration applied to the database the backup was taken from. */
  migration: string;
  createdAt: string;
  engine: Engine;
  /** The tables in the order they follow (parents before children), with their row counts. */
  tables: { name: string; rows: number }[];
}

export interface TableLine {
  table: string;
  columns: string[];
  rows: number;
}

export interface EndLine {
  end: true;
  tables: number;
  rows: number;
}

/**
 * Tables a backup file leaves out: sessions hold live sign-in tokens in plain (a backup must not
 * sign anyone in; people sign in again after a restore), rate limits are counters of the last
 * minutes, verifications are better-auth's short-lived one-time values, idempotency keys a 24-hour
 * cache of answers to retries (not data: what each answer shows is in its own table; only a
 * retry sent across a restore runs again). `migrate` copies them.
 */
export const VOLATILE_TABLES: readonly string[] = [
  'sessions',
  'rate_limits',
  'verifications',
  'idempotency_keys',
];

/**
 * Tables whose rows do not make a database "not empty": a first server start writes the instance's
 * settings (its auth secret) before anyone signs in. A restore replaces the keys the backup holds.
 */
export const REPLACEABLE_TABLES: readonly string[] = ['instance_settings', ...VOLATILE_TABLES];

/** A problem with the file itself: which line, and what is wrong with it. */
export const badLine = (line: number, problem: string) =>
  new AppError('bad_request', `the backup is not valid: line ${line}: ${problem}`);

/** Parses a line that must be a JSON object. */
export function objectOf(text: string, line: number, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw badLine(line, `${what} is not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badLine(line, `${what} must be a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Reads and checks the first line. A backup from an older version of the schema is accepted (its
 * rows are brought up to date); one from a newer version of Linchpin is refused.
 */
export function parseHeader(text: string | undefined): BackupHeader & { index: number } {
  if (text === undefined) throw badLine(1, 'the file is empty');
  const header = objectOf(text, 1, 'the header');
  if (header.format !== BACKUP_FORMAT)
    throw badLine(1, 'not a Linchpin backup (no "format":"linchpin-backup")');
  if (typeof header.version !== 'number' || header.version < 1) throw badLine(1, 'the version is missing');
  if (header.version > BACKUP_VERSION) {
    throw new AppError(
      'conflict',
      `the backup is of format version ${header.version}, made by a newer Linchpin; this one reads version ${BACKUP_VERSION}: upgrade Linchpin first`,
    );
  }
  if (typeof header.migration !== 'string') throw badLine(1, 'the migration is missing');
  const index = knownMigrations().findIndex((m) => m.tag === header.migration);
  if (index < 0) {
    throw new AppError(
      'conflict',
      `the backup was made by a newer Linchpin (its database is at migration ${header.migration}, unknown here; this version's latest is ${latestMigration().tag}): upgrade Linchpin first`,
    );
  }
  const tables = header.tables;
  if (
    !Array.isArray(tables) ||
    !tables.every((t) => typeof t?.name === 'string' && Number.isInteger(t?.rows) && t.rows >= 0)
  ) {
    throw badLine(1, 'the list of tables is missing or malformed');
  }
  return { ...(header as unknown as BackupHeader), index };
}
