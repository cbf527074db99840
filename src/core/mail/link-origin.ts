import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { instanceSettings } from '../db/schema/index.ts';

const KEY = 'public_origin';

/**
 * Links that leave by mail must point at this server, never at whatever Host an anonymous request
 * claimed (a forged Host would mail a victim a reset link to the attacker's site). Without
 * LINCHPIN_PUBLIC_URL the origin is remembered from first-run setup or an owner's request.
 */
export async function rememberOrigin(db: Db, origin: string): Promise<void> {
  // Called on owners' requests: one insert per database per process, not one per request.
  if (remembered.has(db)) return;
  await db.insert(instanceSettings).values({ key: KEY, value: origin }).onConflictDoNothing();
  remembered.add(db);
}

const remembered = new WeakSet<Db>();

/** LINCHPIN_PUBLIC_URL's origin, else the remembered one, else null (then nothing is mailed). */
export async function trustedOrigin(
  db: Db,
  publicUrl = process.env.LINCHPIN_PUBLIC_URL,
): Promise<string | null> {
  if (publicUrl) return new URL(publicUrl).origin;
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.key, KEY));
  return row?.value ?? null;
}
