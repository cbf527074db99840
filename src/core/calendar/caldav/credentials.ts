import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../errors.ts';

/**
 * CalDAV passwords are kept sealed with AES-256-GCM under a key that is not in the database, so a
 * leaked database or backup yields no password: LINCHPIN_SECRET_KEY (any string, hashed to 256
 * bits), or a random key written on first use to `secret.key` in the data folder (mode 0600).
 * Each sealed value is bound to its calendar (the id is the associated data): it cannot be moved.
 */

const VERSION = 'v1';

function keyFile(env: NodeJS.ProcessEnv): string {
  const dir = env.LINCHPIN_DATA_DIR ?? './data';
  const file = join(dir, 'secret.key');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw noKey(file, error);
    }
    return readFileSync(file, 'utf8').trim();
  }
}

/** The server's setup, not the request, is at fault: said so, with what to set. */
const noKey = (file: string, error: unknown) =>
  new AppError(
    'busy',
    `this server cannot keep CalDAV passwords: ${file} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'}); set LINCHPIN_SECRET_KEY`,
  );

export function secretKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  return createHash('sha256')
    .update(env.LINCHPIN_SECRET_KEY || keyFile(env))
    .digest();
}

export function seal(plain: string, boundTo: string, key = secretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url')}`;
}

export function unseal(sealed: string, boundTo: string, key = secretKey()): string {
  const [version, payload] = sealed.split('.');
  try {
    if (version !== VERSION || !payload) throw new Error('unknown format');
    const bytes = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError(
      'bad_request',
      "the calendar's password cannot be read with this server's key (was LINCHPIN_SECRET_KEY changed?): remove the calendar and connect it again",
    );
  }
}
