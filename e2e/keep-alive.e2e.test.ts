import { Readable } from 'node:stream';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDataDir } from './harness.ts';
import { type RunningServer, startServer } from './server.ts';

// A body over the limit is answered before it is read; the connection it came on must then either
// be kept usable or be closed in the open (`Connection: close`), never dropped under the next request.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ LINCHPIN_DATA_DIR: freshDataDir('keep-alive') });
});
afterAll(() => server?.stop());

const MiB = 1024 * 1024;

/** One keep-alive connection at a time: the second request goes where the first one went. */
const oneConnection = () => new Pool(server.url, { connections: 1, pipelining: 1, keepAliveTimeout: 60_000 });

async function oversizedThenHealth(
  path: string,
  body: Buffer | (() => Readable),
  headers: Record<string, string> = {},
): Promise<void> {
  const pool = oneConnection();
  try {
    const refused = await pool.request({
      path,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'function' ? body() : body,
    });
    expect(refused.statusCode).toBe(413);
    expect(refused.headers.connection).toBe('close');
    expect(await refused.body.json()).toEqual({ error: { code: 'too_large', message: expect.any(String) } });
    // The same client asks again at once: it must be answered, not reset.
    const next = await pool.request({ path: '/api/health', method: 'GET' });
    expect(next.statusCode).toBe(200);
    expect(await next.body.json()).toEqual({ status: 'ok' });
  } finally {
    await pool.close();
  }
}

describe('a 413 on a keep-alive connection', () => {
  it('leaves the next request on the same client answered: the 1 MiB API limit', async () => {
    await oversizedThenHealth('/api/activities', Buffer.alloc(2 * MiB, 'x'));
  });

  it('the same for a body sent in chunks, without a length', async () => {
    const chunks = function* () {
      for (let i = 0; i < 8; i++) yield Buffer.alloc(MiB / 2, 'y');
    };
    await oversizedThenHealth('/api/activities', () => Readable.from(chunks()));
  });

  it('the same for the 50 MB import limit', async () => {
    await oversizedThenHealth('/api/imports', Buffer.alloc(60 * MiB, 'z'), {
      'content-type': 'text/calendar',
    });
  });

  it('the same for a 50 MB import sent in chunks', async () => {
    const chunks = function* () {
      for (let i = 0; i < 60; i++) yield Buffer.alloc(MiB, 'z');
    };
    await oversizedThenHealth('/api/imports', () => Readable.from(chunks()), {
      'content-type': 'text/calendar',
    });
  });

  it('keeps a connection that was answered normally', async () => {
    const pool = oneConnection();
    try {
      for (let i = 0; i < 3; i++) {
        const res = await pool.request({ path: '/api/health', method: 'GET' });
        expect(res.statusCode).toBe(200);
        expect(res.headers.connection).not.toBe('close');
        await res.body.dump();
      }
    } finally {
      await pool.close();
    }
  });
});
