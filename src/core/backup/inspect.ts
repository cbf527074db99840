import { createReadStream } from 'node:fs';
import { type BackupHeader, badLine, objectOf, parseHeader } from './format.ts';
import { backupLines } from './service.ts';

export interface BackupContents {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  rows: number;
}

/**
 * Reads a backup file through to its end line without a database: the header, each table's count
 * against its rows, the totals. `linchpin backup` checks what it wrote with it (a file received from
 * a server included); a damaged file is an error naming the line.
 */
export async function inspectBackup(path: string): Promise<BackupContents> {
  let line = 0;
  let header: BackupHeader | undefined;
  let remaining = 0;
  let rows = 0;
  let ended = false;
  const tables: { name: string; rows: number }[] = [];
  for await (const text of backupLines(createReadStream(path))) {
    line += 1;
    if (!header) {
      header = parseHeader(text);
      continue;
    }
    if (ended) throw badLine(line, 'text after the end line');
    if (remaining > 0) {
      remaining -= 1;
      rows += 1;
      continue;
    }
    const record = objectOf(text, line, 'a table or end line');
    if (record.end === true) {
      if (record.rows !== rows || record.tables !== tables.length) {
        throw badLine(
          line,
          `the end line's totals do not match the ${tables.length} tables and ${rows} rows`,
        );
      }
      ended = true;
      continue;
    }
    if (typeof record.table !== 'string' || !Number.isInteger(record.rows)) {
      throw badLine(line, 'expected a table line or the end line');
    }
    remaining = record.rows as number;
    tables.push({ name: record.table, rows: remaining });
  }
  if (!header) throw badLine(1, 'the file is empty');
  if (!ended) throw badLine(line, 'the file ends before its end line: is it truncated?');
  return { header, tables, rows };
}
