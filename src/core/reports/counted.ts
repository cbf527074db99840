import { type SQL, sql } from 'drizzle-orm';

/**
 * The activities that count as time in every report: not deleted, not shown-only (all-day,
 * multi-day, declined, free) and placed on the matrix (unclassified imports wait for review).
 */
export function countedTime(alias: string): SQL {
  return sql.raw(
    `${alias}.deleted_at is null and ${alias}.excluded_reason is null and ${alias}.classification <> 'unclassified'`,
  );
}
