import { type Core, createCore } from '../src/core/index.ts';
import { createScratchDatabase } from '../test/postgres.ts';

/** Small helpers every benchmark prints with. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** `n` rounds of work that takes no argument. */
export const rounds = (n: number): null[] => Array.from({ length: n }, () => null);

/** The figures of a measured piece of work beside its baseline, in ms. */
export interface AgainstBaseline {
  median: number;
  p95: number;
  bareMedian: number;
  bareP95: number;
  /** Measured median over bare median: what the goals of the benchmarks are stated in. */
  ratio: number;
}

/**
 * Times `measured` against `bare`, the same figures as bare SQL, measured in the same run: each
 * warm-up runs both untimed (caches, plans), then each run times bare and then measured, so
 * both meet the same state of the caches.
 */
export async function againstBaseline<A>(
  args: { warmUps: readonly A[]; runs: readonly A[] },
  measured: (arg: A) => Promise<unknown>,
  bare: (arg: A) => Promise<unknown>,
): Promise<AgainstBaseline> {
  for (const arg of args.warmUps) {
    await measured(arg);
    await bare(arg);
  }
  const measuredTimes: number[] = [];
  const bareTimes: number[] = [];
  for (const arg of args.runs) {
    bareTimes.push(await time(() => bare(arg)));
    measuredTimes.push(await time(() => measured(arg)));
  }
  return {
    median: median(measuredTimes),
    p95: percentile(measuredTimes, 95),
    bareMedian: median(bareTimes),
    bareP95: percentile(bareTimes, 95),
    ratio: median(measuredTimes) / median(bareTimes),
  };
}

export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = rows.map((r) => r.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${title}\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
  for (const r of cells) console.log(line(r));
}

/** The PostgreSQL server benchmarks also measure, if one is configured. */
export const benchDatabaseUrl = () => process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/**
 * Runs `measure` on a fresh in-process PGlite, then on a scratch PostgreSQL database when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set; one result row each.
 */
export async function onEachDatabase<T>(measure: (label: string, core: Core) => Promise<T>): Promise<T[]> {
  const rows: T[] = [];
  const pglite = await createCore({});
  try {
    rows.push(await measure('PGlite (in-process)', pglite));
  } finally {
    await pglite.close();
  }
  const url = benchDatabaseUrl();
  if (!url) {
    console.log('(set TEST_DATABASE_URL or BENCH_DATABASE_URL to measure PostgreSQL too)');
    return rows;
  }
  const scratch = await createScratchDatabase(url, { prefix: 'linchpin_bench' });
  const postgres = await createCore({ databaseUrl: scratch.url });
  try {
    rows.push(await measure('PostgreSQL', postgres));
  } finally {
    await postgres.close();
    await scratch.drop();
  }
  return rows;
}
