import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from './db/client.ts';
import { rateLimits } from './db/schema/index.ts';
import { AppError } from './errors.ts';
import { now } from './time/clock.ts';

/**
 * Counts a request against `key` in a fixed window, in the database so every server process
 * shares the count; beyond `max` in `windowMs` it fails with 429.
 */
export async function limitRate(db: Db, key: string, max: number, windowMs: number): Promise<void> {
  if (!(await withinRate(db, key, max, windowMs))) {
    throw new AppError(
      'rate_limited',
      `too many attempts; try again in ${Math.ceil(windowMs / 60_000)} minutes`,
    );
  }
}

/** Counts one request against `key` and says whether it is still within `max` per `windowMs`. */
export async function withinRate(db: Db, key: string, max: number, windowMs: number): Promise<boolean> {
  const at = now().getTime();
  const [row] = await db
    .insert(rateLimits)
    .values({ id: randomUUID(), key, count: 1, lastRequest: at })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.lastRequest} < ${at - windowMs} then 1 else ${rateLimits.count} + 1 end`,
        lastRequest: sql`case when ${rateLimits.lastRequest} < ${at - windowMs} then ${at} else ${rateLimits.lastRequest} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 0) <= max;
}
