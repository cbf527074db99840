import { timingSafeEqual } from 'node:crypto';
import { derivedSecret } from '../auth/secrets.ts';
import { DIGEST_KINDS, type DigestKind } from '../db/schema/values.ts';

/**
 * One-click unsubscribe links (RFC 8058): `<user>.<kind>.<mac>`, the mac derived from the instance
 * secret, so a link works without sign-in, cannot be guessed or changed to another person, and
 * nothing is stored. Using it turns that one digest off.
 */
export function unsubscribeToken(secret: string, userId: string, kind: DigestKind): string {
  return `${userId}.${kind}.${derivedSecret(secret, `unsubscribe:${userId}:${kind}`)}`;
}

/** Whose digest the token turns off, or null when it is not one of ours. */
export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; kind: DigestKind } | null {
  const [userId, kind, mac, extra] = token.split('.');
  if (!userId || !kind || !mac || extra !== undefined) return null;
  if (!(DIGEST_KINDS as readonly string[]).includes(kind)) return null;
  const expected = Buffer.from(derivedSecret(secret, `unsubscribe:${userId}:${kind}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, kind: kind as DigestKind };
}
