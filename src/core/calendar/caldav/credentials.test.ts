import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seal, secretKey, unseal } from './credentials.ts';

const dir = mkdtempSync(join(tmpdir(), 'linchpin-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sealed CalDAV passwords', () => {
  const key = secretKey({ LINCHPIN_SECRET_KEY: 'a key from the environment' });

  it('open again with the same key and calendar, and never hold the password in the clear', () => {
    const sealed = seal('hunter2-app-password', 'calendar-1', key);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('hunter2');
    expect(seal('hunter2-app-password', 'calendar-1', key)).not.toBe(sealed); // a fresh IV each time
    expect(unseal(sealed, 'calendar-1', key)).toBe('hunter2-app-password');
  });

  it('say what to set when the data folder cannot take a key, instead of failing obscurely', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    expect(() => secretKey({ LINCHPIN_DATA_DIR: join(blocker, 'data') })).toThrow(
      /cannot keep CalDAV passwords.*set LINCHPIN_SECRET_KEY/,
    );
  });

  it('refuse another key, another calendar or a changed byte with a clear error', () => {
    const sealed = seal('secret', 'calendar-1', key);
    const other = secretKey({ LINCHPIN_SECRET_KEY: 'another key' });
    expect(() => unseal(sealed, 'calendar-1', other)).toThrow(/LINCHPIN_SECRET_KEY/);
    expect(() => unseal(sealed, 'calendar-2', key)).toThrow(/connect it again/);
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(() => unseal(flipped, 'calendar-1', key)).toThrow(/cannot be read/);
    expect(() => unseal('garbage', 'calendar-1', key)).toThrow(/cannot be read/);
  });

  it('without LINCHPIN_SECRET_KEY, generate one key into the data folder (owner-only) and keep using it', () => {
    const env = { LINCHPIN_DATA_DIR: join(dir, 'data') };
    const first = secretKey(env);
    const file = join(dir, 'data', 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toHaveLength(43);
    expect(secretKey(env).equals(first)).toBe(true);
    expect(unseal(seal('pw', 'c', first), 'c', secretKey(env))).toBe('pw');
  });
});
