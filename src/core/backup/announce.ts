import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A PGlite data folder is opened by one process: while the server runs, `linchpin backup` cannot
 * read it and asks the server instead. The server proves nothing to the CLI; the CLI proves it may
 * read the folder by presenting a key the server wrote into it at start (`backup.key`, mode 600),
 * and finds the server by `server.json` ({url, pid}) beside it.
 */
export const BACKUP_KEY_FILE = 'backup.key';
export const SERVER_FILE = 'server.json';
export const BACKUP_KEY_HEADER = 'x-linchpin-backup-key';

interface Announced {
  dataDir: string;
  digest: Buffer;
}

let announced: Announced | undefined;

const digestOf = (key: string) => createHash('sha256').update(key).digest();

/**
 * Called by the server once it listens on a PGlite folder: writes the key and where to reach it.
 * Returns the function that takes both back (on shutdown).
 */
export function announceBackups(dataDir: string, host: string, port: number): () => void {
  const key = randomBytes(32).toString('base64url');
  const reachable = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  const url = `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
  const keyPath = join(dataDir, BACKUP_KEY_FILE);
  const serverPath = join(dataDir, SERVER_FILE);
  rmSync(keyPath, { force: true });
  writeFileSync(keyPath, `${key}\n`, { mode: 0o600 });
  writeFileSync(serverPath, `${JSON.stringify({ url, pid: process.pid })}\n`);
  announced = { dataDir, digest: digestOf(key) };
  return () => {
    announced = undefined;
    try {
      if ((JSON.parse(readFileSync(serverPath, 'utf8')) as { pid?: number }).pid !== process.pid) return;
    } catch {
      return;
    }
    rmSync(serverPath, { force: true });
    rmSync(keyPath, { force: true });
  };
}

/** Whether this process serves backups, and the folder it serves them from. */
export const announcedDataDir = (): string | undefined => announced?.dataDir;

/** Compares a presented key with this process's, in constant time. */
export function backupKeyMatches(presented: string | undefined): boolean {
  if (!announced || !presented) return false;
  return timingSafeEqual(digestOf(presented.trim()), announced.digest);
}

/** What a running server wrote into its folder, for the CLI; undefined when it wrote nothing. */
export function readAnnouncement(dataDir: string): { url: string; pid: number; key: string } | undefined {
  try {
    const server = JSON.parse(readFileSync(join(dataDir, SERVER_FILE), 'utf8')) as {
      url: string;
      pid: number;
    };
    const key = readFileSync(join(dataDir, BACKUP_KEY_FILE), 'utf8').trim();
    return typeof server.url === 'string' && key ? { url: server.url, pid: server.pid, key } : undefined;
  } catch {
    return undefined;
  }
}
