import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

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

/**
 * A 256-bit secret derived from the instance secret for one purpose (`calendar-feed:<user>:<nonce>`,
 * `customer-link:<id>`, `unsubscribe:<user>:<kind>`): it can be made again to show or mail a link,
 * so it is never stored; only its digest is, where a lookup needs one.
 */
export const derivedSecret = (instanceSecret: string, purpose: string): string =>
  createHmac('sha256', instanceSecret).update(purpose).digest('base64url');
