import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * One-time and long-lived secrets (invitation, password reset, device and API tokens): 256 random
 * bits, base64url; only their SHA-256 is ever stored.
 */
export const newSecret = (prefix = ''): string => prefix + randomBytes(32).toString('base64url');

export const digest = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Compares a presented secret with a stored digest in constant time. */
export function matchesDigest(secret: string, storedDigest: string): boolean {
  const presented = Buffer.from(digest(secret), 'hex');
  const stored = Buffer.from(storedDigest, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
