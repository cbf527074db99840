import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

describe('data folder lock', () => {
  it('lets one process hold the folder and tells a second one who has it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linchpin-lock-'));
    // A live process other than us holds the lock.
    writeFileSync(join(dir, 'linchpin.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(
      new RegExp(`in use by another Linchpin process \\(pid ${process.ppid}\\)`),
    );
  });

  it('takes over a lock left by a process that died (kill -9)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'linchpin-lock-'));
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    writeFileSync(join(dir, 'linchpin.lock'), dead);
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, 'linchpin.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'linchpin.lock'))).toBe(false);
  });
});
