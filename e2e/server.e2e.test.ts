import { describe, expect, it } from 'vitest';
import { icsCalendar } from '../test/ics.ts';
import { createScratchDatabase } from '../test/postgres.ts';
import { Api, setUp } from './api.ts';
import { tempDir } from './harness.ts';
import { runCli, startServer } from './server.ts';

const owner = {
  workspace: 'Acme',
  name: 'Ann',
  email: 'ann@acme.test',
  password: 'correct horse',
};

/** Logs a half-hour activity through the API; answers its id. */
async function logActivity(api: Api, title: string): Promise<string> {
  const created = await api.send('POST', '/activities', {
    title,
    startsAt: '2026-11-18T09:00',
    minutes: 30,
    urgent: false,
    important: true,
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

describe('the server process on a PGlite data folder', () => {
  const dataDir = tempDir('e2e');

  it('keeps acknowledged writes and sessions through kill -9, and refuses a second process', async () => {
    const first = await startServer({ LINCHPIN_DATA_DIR: dataDir });
    const cookie = await setUp(first.url, owner, 'Europe/London');
    const id = await logActivity(new Api(first.url, { cookie }), 'Survives a crash');

    const second = await runCli(['serve'], { LINCHPIN_DATA_DIR: dataDir, PORT: '0' });
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/in use by another Linchpin process/);

    await first.kill9();
    const restarted = await startServer({ LINCHPIN_DATA_DIR: dataDir });
    console.log(
      `server start to first 200 on /api/health with an existing data folder: ${restarted.startupMs.toFixed(0)} ms`,
    );
    const again = await new Api(restarted.url, { cookie }).send('GET', `/activities/${id}`);
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
      const cookie = await setUp(a.url, owner, 'Europe/London');
      await logActivity(new Api(a.url, { cookie }), 'Seen by both');
      const viaB = await new Api(b.url, { cookie }).send('GET', '/activities');
      expect(viaB.status).toBe(200);
      expect(JSON.stringify(await viaB.json())).toContain('Seen by both');
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await scratch.drop();
    }
  });
});

describe('stopping the server process during an import', () => {
  /** A calendar big enough to take the server a few seconds (20,000 meetings over 2026). */
  const bigCalendar = icsCalendar(
    Array.from({ length: 20_000 }, (_, i) => {
      const day = new Date(Date.UTC(2026, 0, 1) + (i % 360) * 86_400_000)
        .toISOString()
        .slice(0, 10)
        .replaceAll('-', '');
      const hour = String(7 + (i % 12)).padStart(2, '0');
      return {
        uid: `load-${i}@test`,
        summary: `Meeting ${i}`,
        start: `${day}T${hour}0000Z`,
        end: `${day}T${hour}3000Z`,
      };
    }),
  );
  const countOf = async (api: Api) => (await api.get<{ items: unknown[] }>('/calendars')).items.length;

  it('SIGTERM answers the import in flight before the process exits, and it is kept', async () => {
    const dataDir = tempDir('e2e-drain');
    const first = await startServer({ LINCHPIN_DATA_DIR: dataDir });
    const cookie = await setUp(first.url, owner, 'Europe/London');
    const api = new Api(first.url, { cookie });
    const answer = api.send('POST', '/imports?fileName=big.ics', bigCalendar, 'text/calendar');
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) =>
      first.process.once('exit', (code) => resolve(code)),
    );
    first.process.kill('SIGTERM');
    const response = await answer;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { added: number }).added).toBe(20_000);
    expect(await exited).toBe(0);
    const again = await startServer({ LINCHPIN_DATA_DIR: dataDir });
    expect(await countOf(new Api(again.url, { cookie }))).toBe(1);
    await again.stop();
  }, 120_000);

  it('kill -9 during an import leaves nothing of it: no calendar, no activities', async () => {
    const dataDir = tempDir('e2e-kill-import');
    const first = await startServer({ LINCHPIN_DATA_DIR: dataDir });
    const cookie = await setUp(first.url, owner, 'Europe/London');
    const answer = new Api(first.url, { cookie })
      .send('POST', '/imports?fileName=big.ics', bigCalendar, 'text/calendar')
      .catch(() => null);
    await new Promise((r) => setTimeout(r, 800));
    await first.kill9();
    expect(await answer).toBeNull();
    const again = await startServer({ LINCHPIN_DATA_DIR: dataDir });
    const api = new Api(again.url, { cookie });
    expect(await countOf(api)).toBe(0);
    expect((await api.get<{ items: unknown[] }>('/activities')).items).toHaveLength(0);
    await again.stop();
  }, 120_000);
});
