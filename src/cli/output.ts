import { stringify } from 'csv-stringify/sync';

export const FORMATS = ['table', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export type Cell = string | number | boolean | null;

/** Rows as an aligned text table. */
export function table(header: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((row) => (row[i] ?? '').length)));
  // Figures (12, 4.5, 31 %) are right-aligned so they line up.
  const numeric = header.map(
    (_, i) => text.length > 0 && text.every((row) => /^-?[\d.,]+( %| h)?$/.test(row[i] ?? '')),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...text.map(line)].join('\n');
}

export function csv(header: string[], rows: Cell[][]): string {
  return stringify([header, ...rows], { cast: { boolean: (value) => String(value) } });
}

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
