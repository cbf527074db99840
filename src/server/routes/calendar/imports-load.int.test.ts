// Imports and the rest of the server: one upload at a time per process, and a large import that
// leaves other requests answered.
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { apiClient, importIcs, type TestUser, uploadImport } from '../../../../test/factories.ts';
import { IMPORT_RETRY_SECONDS, takeImportSlot } from '../../../core/calendar/import-slots.ts';
import { calendars } from '../../../core/db/schema/index.ts';
import { amsterdammer as amsterdammerIn, calendar, week } from './import-fixtures.ts';

const { core, app, close } = await testApp();
afterAll(close);
const amsterdammer = () => amsterdammerIn(core);

describe('imports at once', () => {
  it('while this process runs an import, another is 503 busy with Retry-After, other requests are answered, and nothing of it is written', async () => {
    const ann = await amsterdammer();
    const release = takeImportSlot(); // as a running import holds it
    try {
      const second = await importIcs(app, ann, calendar(week(ann), ann), 'second.ics');
      expect(second.status).toBe(503);
      expect(second.headers.get('retry-after')).toBe(String(IMPORT_RETRY_SECONDS));
      const refused = (await second.json()) as { error: { code: string; message: string } };
      expect(refused.error.code).toBe('busy');
      expect(refused.error.message).toMatch(/another import is running/);
      expect((await apiClient(app, ann.token).get('/me')).status).toBe(200);
    } finally {
      release();
    }
    const names = (await core.db.select({ name: calendars.name }).from(calendars)).map((c) => c.name);
    expect(names).not.toContain('second.ics');
    // Given back (also by a streamed import when its answer ends), the slot takes the next one.
    const streamed = await uploadImport(app, ann, calendar(week(ann), ann), {
      query: { fileName: 'streamed.ics' },
      accept: 'application/x-ndjson',
    });
    expect(streamed.status).toBe(200);
    expect(await streamed.text()).toContain('"summary"');
    expect((await importIcs(app, ann, calendar(week(ann), ann), 'second.ics')).status).toBe(200);
  });
});

describe('a large import and the rest of the server', () => {
  /** 12,000 one-hour meetings of the person's past year: a few seconds of reading and writing. */
  const big = (owner: TestUser) =>
    calendar(
      Array.from({ length: 12_000 }, (_, i) => {
        const day = new Date(Date.now() - (1 + (i % 300)) * 86_400_000).toISOString().slice(0, 10);
        const hour = String(7 + (i % 11)).padStart(2, '0');
        const start = `${day.replaceAll('-', '')}T${hour}0000`;
        return { uid: `load-${i}`, summary: `Meeting ${i}`, start, end: start.replace(/00$/, '59') };
      }),
      owner,
    );

  /**
   * Imports with progress lines and asks GET /api/me and /api/health as the first one comes. Before,
   * the whole import ran in one transaction, which on PGlite holds the only connection: they were
   * answered when it ended. Now they must be answered while it is in its first half (reading the
   * file takes a share of the time, writing the rest, so a slower machine only stretches both).
   */
  const importAndAsk = async (owner: TestUser, query: Record<string, string>) => {
    const started = performance.now();
    const response = await uploadImport(app, owner, big(owner), { query, accept: 'application/x-ndjson' });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const text = new TextDecoder();
    const lines: any[] = [];
    let asked: Promise<{ statuses: number[]; at: number }> | undefined;
    for (let rest = ''; ; ) {
      const { done, value } = await reader.read();
      if (done) break;
      const parts = (rest + text.decode(value, { stream: true })).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts.map((part) => JSON.parse(part)));
      asked ??= Promise.all([apiClient(app, owner.token).get('/me'), app.request('/api/health')]).then(
        (answers) => ({ statuses: answers.map((a) => a.status), at: performance.now() - started }),
      );
    }
    return { lines, took: performance.now() - started, asked: await asked };
  };

  it('answers other requests while it runs, a dry run as a real one, and imports all of it', async () => {
    const ann = await amsterdammer();
    for (const dryRun of ['true', 'false']) {
      const { lines, took, asked } = await importAndAsk(ann, { fileName: 'year.ics', dryRun });
      expect(lines.at(-1)).toMatchObject({ summary: { added: 12_000 } });
      expect(asked?.statuses).toEqual([200, 200]);
      expect(asked?.at).toBeLessThan(took / 2);
    }
    const again = await importIcs(app, ann, big(ann), 'year.ics', { dryRun: 'true' });
    expect((await again.json()) as object).toMatchObject({ added: 0, unchanged: 12_000 });
  }, 60_000);

  it('refuses a body over 50 MB with 413 while streaming it, without reading the rest', async () => {
    const ann = await amsterdammer();
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024 * 1024;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(65));
        if (sent >= 200 * 1024 * 1024) controller.close();
      },
    });
    const refused = await app.request('/api/imports?fileName=huge.ics', {
      method: 'POST',
      headers: { authorization: `Bearer ${ann.token}`, 'content-type': 'text/calendar' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(refused.status).toBe(413);
    expect(sent).toBeLessThan(60 * 1024 * 1024);
    // Said up front, the length alone is refused.
    const declared = await app.request('/api/imports?fileName=huge.ics', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ann.token}`,
        'content-type': 'text/calendar',
        'content-length': String(60 * 1024 * 1024),
      },
      body: 'BEGIN:VCALENDAR',
    });
    expect(declared.status).toBe(413);
  });
});
