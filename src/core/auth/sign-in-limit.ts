import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rateLimits } from '../db/schema/index.ts';
import { now } from '../time/clock.ts';

/**
 * The per-account sign-in limit, beside better-auth's per-address one (10 a minute). The rule:
 *
 * - Every wrong password for an e-mail counts against it, from wherever it came; the count is
 *   forgotten 15 minutes after its last failure (after its wait, once there is one). Successes
 *   never count.
 * - From the 10th failure on, that e-mail waits before its next attempt is even checked: 30 s after
 *   the 10th, doubling with each further failure (1, 2, 4, 8 min), never more than 15 minutes. A
 *   refused attempt (429 with Retry-After) is not counted and costs no password hash.
 * - An address the person signed in from in the last 30 days is judged by its own failures only:
 *   an attacker elsewhere, one address or many, cannot lock people out of the office or home they
 *   use. The same waits then apply to that address's own failures. A new address may have to wait
 *   while the account is under attack, never longer than 15 minutes at a time.
 *
 * The counts live in `rate_limits`, so every server process sees the same.
 */
export const SIGN_IN_LIMIT = {
  freeFailures: 10,
  windowMs: 15 * 60_000,
  firstWaitMs: 30_000,
  maxWaitMs: 15 * 60_000,
  knownAddressMs: 30 * 24 * 60 * 60_000,
};

const normalEmail = (email: string) => email.trim().toLowerCase();
const keys = (email: string, address: string) => {
  const who = normalEmail(email);
  return {
    account: `sign-in-failures:${who}`,
    fromAddress: `sign-in-failures:${who} from ${address}`,
    known: `sign-in-known:${who} from ${address}`,
  };
};

/** How long an account waits after `failures` wrong passwords in a row (0 while it has some left). */
export function waitAfter(failures: number): number {
  const { freeFailures, firstWaitMs, maxWaitMs } = SIGN_IN_LIMIT;
  if (failures < freeFailures) return 0;
  return Math.min(maxWaitMs, firstWaitMs * 2 ** Math.min(failures - freeFailures, 20));
}

/** Milliseconds this e-mail must still wait before a sign-in from `address` is checked (0: go ahead). */
export async function signInWait(db: Db, email: string, address: string): Promise<number> {
  const key = keys(email, address);
  const rows = await db
    .select({ key: rateLimits.key, count: rateLimits.count, last: rateLimits.lastRequest })
    .from(rateLimits)
    .where(inArray(rateLimits.key, [key.account, key.fromAddress, key.known]));
  const row = (name: string) => rows.find((r) => r.key === name);
  const at = now().getTime();
  const known = row(key.known);
  const isKnown = known !== undefined && at - known.last < SIGN_IN_LIMIT.knownAddressMs;
  const failures = row(isKnown ? key.fromAddress : key.account);
  if (!failures) return 0;
  const wait = waitAfter(failures.count);
  if (at - failures.last > wait + SIGN_IN_LIMIT.windowMs) return 0;
  return Math.max(0, failures.last + wait - at);
}

/** Counts one wrong password for the e-mail, overall and from this address. */
export async function recordFailedSignIn(db: Db, email: string, address: string): Promise<void> {
  const key = keys(email, address);
  const at = now().getTime();
  const { freeFailures, firstWaitMs, maxWaitMs, windowMs } = SIGN_IN_LIMIT;
  // waitAfter(count), in SQL: the count is forgotten once its wait and the window have passed.
  const wait = sql`case when ${rateLimits.count} < ${freeFailures} then 0 else least(${maxWaitMs}, ${firstWaitMs} * power(2, least(${rateLimits.count} - ${freeFailures}, 20))) end`;
  await db
    .insert(rateLimits)
    .values(
      [key.account, key.fromAddress].map((k) => ({ id: randomUUID(), key: k, count: 1, lastRequest: at })),
    )
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.lastRequest} + ${wait} + ${windowMs} < ${at} then 1 else ${rateLimits.count} + 1 end`,
        lastRequest: sql`${at}`,
      },
    });
  await pruneNow(db, at);
}

/** A right password: this address becomes known for the account, and its own failures are forgiven. */
export async function recordSignIn(db: Db, email: string, address: string): Promise<void> {
  const key = keys(email, address);
  const at = now().getTime();
  await db
    .insert(rateLimits)
    .values({ id: randomUUID(), key: key.known, count: 1, lastRequest: at })
    .onConflictDoUpdate({ target: rateLimits.key, set: { lastRequest: sql`${at}` } });
  await db.delete(rateLimits).where(eq(rateLimits.key, key.fromAddress));
}

// Failures for addresses that do not exist (or by guessers) must not pile up: each process clears
// what is past its time every ten minutes, on the way of a failure.
const PRUNE_EVERY_MS = 10 * 60_000;
let prunedAt = 0;

async function pruneNow(db: Db, at: number): Promise<void> {
  if (Math.abs(at - prunedAt) < PRUNE_EVERY_MS) return;
  prunedAt = at;
  await db
    .delete(rateLimits)
    .where(
      or(
        and(
          like(rateLimits.key, 'sign-in-failures:%'),
          lt(rateLimits.lastRequest, at - SIGN_IN_LIMIT.windowMs - SIGN_IN_LIMIT.maxWaitMs),
        ),
        and(
          like(rateLimits.key, 'sign-in-known:%'),
          lt(rateLimits.lastRequest, at - SIGN_IN_LIMIT.knownAddressMs),
        ),
      ),
    );
}
