import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/service.ts';
import type { Db } from '../db/client.ts';
import { deviceCodes, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { limitRate } from '../rate-limit.ts';
import { now } from '../time/clock.ts';
import type { Actor } from './actor.ts';
import { digest, matchesDigest, newSecret } from './secrets.ts';
import { issueToken } from './tokens.ts';

/** How long a code may wait for approval, and how often the CLI may ask (RFC 8628's defaults are alike). */
export const DEVICE_CODE_SECONDS = 600;
export const POLL_SECONDS = 2;

export const deviceCodeRequestSchema = z.object({
  clientName: z.string().trim().min(1, 'must not be empty').max(100),
});
export const deviceTokenRequestSchema = z.object({ deviceCode: z.string().min(1).max(100) });

// No vowels or look-alikes: a code people read off a terminal cannot spell words or be misread.
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const newUserCode = () => {
  const letters = Array.from({ length: 8 }, () => USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)]);
  return `${letters.slice(0, 4).join('')}-${letters.slice(4).join('')}`;
};
const normaliseUserCode = (code: string) => {
  const letters = code.toUpperCase().replace(/[^A-Z]/g, '');
  return letters.length === 8 ? `${letters.slice(0, 4)}-${letters.slice(4)}` : '';
};

type DeviceRow = typeof deviceCodes.$inferSelect;
type DeviceStatus = 'pending' | 'approved' | 'denied' | 'expired';

function statusOf(row: DeviceRow): DeviceStatus {
  if (row.deniedAt) return 'denied';
  // An approved code not collected in time lapses too: a token must not wait days for whoever polls.
  if (row.expiresAt <= now()) return 'expired';
  return row.approvedAt ? 'approved' : 'pending';
}

/** A CLI asks to sign in: a secret device code for it to poll with, a short user code for the person. */
export async function startDeviceLogin(
  db: Db,
  clientName: string,
  context: { origin: string; ip: string | null },
) {
  await limitRate(db, `device-code:${context.ip ?? 'unknown'}`, 20, 10 * 60_000);
  const deviceCode = newSecret();
  const userCode = newUserCode();
  await db.insert(deviceCodes).values({
    id: randomUUID(),
    deviceCodeHash: digest(deviceCode),
    userCode,
    clientName,
    expiresAt: new Date(now().getTime() + DEVICE_CODE_SECONDS * 1000),
  });
  return {
    deviceCode,
    userCode,
    verificationUri: `${context.origin}/#/device`,
    verificationUriComplete: `${context.origin}/#/device/${userCode}`,
    expiresIn: DEVICE_CODE_SECONDS,
    interval: POLL_SECONDS,
  };
}

async function byUserCode(db: Db, userCode: string): Promise<DeviceRow> {
  const code = normaliseUserCode(userCode);
  const [row] = code ? await db.select().from(deviceCodes).where(eq(deviceCodes.userCode, code)) : [];
  if (!row) throw AppError.notFound('sign-in code');
  return row;
}

/** What the signed-in person is asked to approve. */
export async function deviceLoginView(db: Db, userCode: string) {
  const row = await byUserCode(db, userCode);
  return {
    userCode: row.userCode,
    clientName: row.clientName,
    expiresAt: row.expiresAt.toISOString(),
    status: statusOf(row),
  };
}

/** The signed-in person approves or denies a waiting code; approval ties it to them. */
export async function decideDeviceLogin(
  db: Db,
  actor: Actor,
  userCode: string,
  approve: boolean,
): Promise<void> {
  const row = await byUserCode(db, userCode);
  const status = statusOf(row);
  if (status === 'expired')
    throw new AppError('gone', 'this sign-in code has expired: run linchpin login again');
  if (status !== 'pending') throw new AppError('conflict', `this sign-in code was already ${status}`);
  await db
    .update(deviceCodes)
    .set(approve ? { approvedAt: now(), userId: actor.userId } : { deniedAt: now(), userId: actor.userId })
    .where(and(eq(deviceCodes.id, row.id), isNull(deviceCodes.approvedAt), isNull(deviceCodes.deniedAt)));
}

export type DevicePoll = { status: 'pending' } | { status: 'approved'; token: string; name: string };

/**
 * The CLI polls with its device code. Once approved it receives a personal access token named
 * after the client, made at this moment and handed out once (no plain token is ever stored).
 */
export async function pollDeviceLogin(db: Db, deviceCode: string, ip: string | null): Promise<DevicePoll> {
  const [row] = await db
    .select()
    .from(deviceCodes)
    .where(eq(deviceCodes.deviceCodeHash, digest(deviceCode)));
  if (!row || !matchesDigest(deviceCode, row.deviceCodeHash)) throw AppError.notFound('device code');
  if (row.lastPolledAt && now().getTime() - row.lastPolledAt.getTime() < (POLL_SECONDS * 1000) / 2) {
    throw new AppError('rate_limited', `poll every ${POLL_SECONDS} seconds, not faster`);
  }
  await db.update(deviceCodes).set({ lastPolledAt: now() }).where(eq(deviceCodes.id, row.id));
  const status = statusOf(row);
  if (status === 'denied') throw new AppError('forbidden', 'sign-in was denied in the browser');
  if (status === 'expired') throw new AppError('gone', 'the sign-in code expired: run linchpin login again');
  if (status === 'pending') return { status: 'pending' };
  if (row.collectedAt || !row.userId) throw new AppError('gone', 'this sign-in was already completed');
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(deviceCodes)
      .set({ collectedAt: now() })
      .where(and(eq(deviceCodes.id, row.id), isNull(deviceCodes.collectedAt)))
      .returning({ id: deviceCodes.id });
    if (!claimed) throw new AppError('gone', 'this sign-in was already completed');
    const [user] = await tx
      .select({ id: users.id, workspaceId: users.workspaceId, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(eq(users.id, row.userId ?? ''));
    if (!user || user.deactivatedAt)
      throw new AppError('forbidden', 'the person who approved this was deactivated');
    const { token } = await issueToken(tx, user, row.clientName, null);
    await recordAudit(tx, {
      workspaceId: user.workspaceId,
      actorId: user.id,
      action: 'token.created',
      target: `token “${row.clientName}” (device sign-in)`,
      ip,
    });
    return { status: 'approved' as const, token, name: row.clientName };
  });
}
