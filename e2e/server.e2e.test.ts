import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../test/postgres.ts';
import { runCli, startServer } from './server.ts';

const json = { 'content-type': 'application/json' };
const owner = {
  workspaceName: 'Acme',
  name: 'Ann',
  email: 'ann@acme.test',
  password: 'correct horse',
  timeZone: 'Europe/London',
};

async function setUp(url: string): Promise<string> {
  const res = await fetch(`${url}/api/setup`, { method: 'POST', headers: json, body: JSON.stringify(owner) });
  expect(res.status).toBe(201);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

describe('the server process on a PGlite data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'linchpin-e2e-'));

  it('keeps acknowledged writes and sessions through kill -9, and refuses a second process', async () => {
    const first = await startServer({ LINCHPIN_DATA_DIR: dataDir });
    const cookie = await setUp(first.url);
    const created = await fetch(`${first.url}/api/activities`, {
      method: 'POST',
      headers: { ...json, cookie, origin: first.url },
      body: JSON.stringify({
        title: 'Survives a crash',
        startsAt: '2026-11-18T09:00',
        minutes: 30,
        urgent: true,
        important: true,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const second = await runCli(['serve'], { LINCHPIN_DATA_DIR: dataDir, PORT: '0' });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/in use by another Linchpin process/);

    await first.kill9();
    const restarted = await startServer({ LINCHPIN_DATA_DIR: dataDir });
    console.log(
      `server start to first 200 on /api/health with an existing data folder: ${restarted.startupMs.toFixed(0)} ms`,
    );
    const again = await fetch(`${restarted.url}/api/activities/${id}`, { headers: { cookie } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { title: string }).title).toBe('Survives a crash');
    await restarted.stop();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('two server processes on one PostgreSQL database', () => {
  it('serve the same data and the same sessions', async () => {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL ?? '', {
      prefix: 'linchpin_e2e',
    });
    const databaseUrl = scratch.url;
    try {
      // Started together: migrations are serialised by an advisory lock.
      const [a, b] = await Promise.all([
        startServer({ DATABASE_URL: databaseUrl }),
        startServer({ DATABASE_URL: databaseUrl }),
      ]);
      const cookie = await setUp(a.url);
      const created = await fetch(`${a.url}/api/activities`, {
        method: 'POST',
        headers: { ...json, cookie, origin: a.url },
        body: JSON.stringify({
          title: 'Seen by both',
          startsAt: '2026-11-18T09:00',
          minutes: 30,
          urgent: false,
          important: true,
        }),
      });
      expect(created.status).toBe(201);
      const viaB = await fetch(`${b.url}/api/activities`, { headers: { cookie } });
      expect(viaB.status).toBe(200);
      expect(JSON.stringify(await viaB.json())).toContain('Seen by both');
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await scratch.drop();
    }
  });
});
