import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { addressProblem } from './addresses.ts';
import { fetchRemote, type RemoteResponse, type Resolver } from './remote.ts';

/**
 * Two servers on one port: 127.0.0.2 plays "the internet" (the only address the check below
 * lets through), 127.0.0.1 is the server's own network, which must never see a request.
 */
const INTERNET = '127.0.0.2';
const check = (address: string) => (address === INTERNET ? null : addressProblem(address));

let internal: Server;
let internet: Server;
let port = 0;
let internalHits: string[] = [];
let internetHits: string[] = [];
let answer: RequestListener = (_req, res) => res.writeHead(200).end('BEGIN:VCALENDAR');

const listen = (server: Server, host: string, at: number) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at, host, () => resolve());
  });

beforeAll(async () => {
  delete process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS;
  internal = createServer((req, res) => {
    internalHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/calendar' }).end('INTERNAL SECRET');
  });
  await listen(internal, '127.0.0.1', 0);
  port = (internal.address() as AddressInfo).port;
  internet = createServer((req, res) => {
    internetHits.push(req.url ?? '');
    answer(req, res);
  });
  await listen(internet, INTERNET, port);
});
beforeEach(() => {
  internalHits = [];
  internetHits = [];
  answer = (_req, res) => res.writeHead(200).end('BEGIN:VCALENDAR');
});
afterAll(async () => {
  await new Promise((resolve) => internal.close(resolve));
  await new Promise((resolve) => internet.close(resolve));
});

async function text(response: RemoteResponse): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of response.body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The AppError a refused fetch throws. */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('fetchRemote: one lookup, every address checked, connected to exactly that (DNS rebinding)', () => {
  it('connects to the address it checked, though a second lookup would answer 127.0.0.1', async () => {
    const asked: string[] = [];
    // A rebinding name: public on the first answer, the server's own loopback on every later one.
    const rebinding: Resolver = async (hostname) => {
      asked.push(hostname);
      return [{ address: asked.length === 1 ? INTERNET : '127.0.0.1', family: 4 }];
    };
    const response = await fetchRemote(`http://calendar.rebind.test:${port}/x.ics`, {
      resolve: rebinding,
      check,
    });
    expect(await text(response)).toBe('BEGIN:VCALENDAR');
    expect(asked).toEqual(['calendar.rebind.test']);
    expect(internetHits).toEqual(['/x.ics']);
    expect(internalHits).toEqual([]);
  });

  it('refuses a name with any address inside the network, even beside a public one', async () => {
    const mixed: Resolver = async () => [
      { address: INTERNET, family: 4 },
      { address: '::ffff:127.0.0.1', family: 6 },
    ];
    const error = await refusal(fetchRemote(`http://mixed.test:${port}/x.ics`, { resolve: mixed, check }));
    expect(error.status).toBe(400);
    expect(error.fields?.url).toMatch(/mixed\.test, at ::ffff:127\.0\.0\.1, which is loopback/);
    expect([...internalHits, ...internetHits]).toEqual([]);
  });

  it('asks the system resolver by default: localhost is refused before any connection', async () => {
    const error = await refusal(fetchRemote(`http://localhost:${port}/x.ics`));
    expect(error.fields?.url).toMatch(/localhost, at .*, which is loopback/);
    expect(internalHits).toEqual([]);
  });
});

describe('fetchRemote: redirects are checked hop by hop', () => {
  const redirectTo =
    (location: string): RequestListener =>
    (req, res) => {
      if (req.url === '/start.ics') res.writeHead(302, { location }).end();
      else res.writeHead(200).end(`final ${req.url}`);
    };
  const internalName: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];

  it.each([
    ['127.0.0.1', () => `http://127.0.0.1:${port}/x.ics`],
    ['IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${port}/x.ics`],
    ['a name of the internal network', () => `http://intranet.test:${port}/x.ics`],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
  ])('refuses a redirect from an allowed address to %s, fetching nothing there', async (_, location) => {
    answer = redirectTo(location());
    const error = await refusal(
      fetchRemote(`http://${INTERNET}:${port}/start.ics`, { resolve: internalName, check }),
    );
    expect(error.status).toBe(400);
    expect(error.fields?.url).toMatch(/^redirects to .*inside this server's network/);
    expect(internetHits).toEqual(['/start.ics']);
    expect(internalHits).toEqual([]);
  });

  it('refuses a redirect to anything but http(s)', async () => {
    answer = redirectTo('file:///etc/passwd');
    const error = await refusal(fetchRemote(`http://${INTERNET}:${port}/start.ics`, { check }));
    expect(error.fields?.url).toMatch(/redirects to file: address/);
  });

  it('follows redirects that stay on the internet, up to five', async () => {
    answer = redirectTo('/moved.ics');
    const moved = await fetchRemote(`http://${INTERNET}:${port}/start.ics`, { check });
    expect(moved.url).toBe(`http://${INTERNET}:${port}/moved.ics`);
    expect(await text(moved)).toBe('final /moved.ics');
    answer = (_req, res) => res.writeHead(301, { location: '/again' }).end();
    const loop = await refusal(fetchRemote(`http://${INTERNET}:${port}/start.ics`, { check }));
    expect(loop.message).toMatch(/redirected more than 5 times/);
    expect(internetHits).toHaveLength(2 + 6);
  });

  it('sends credentials on a redirect within the origin, never to another origin', async () => {
    const seen: Record<string, string | undefined> = {};
    answer = (req, res) => {
      seen[`${req.headers.host}${req.url}`] = req.headers.authorization;
      if (req.url === '/start.ics') res.writeHead(307, { location: '/same.ics' }).end();
      else if (req.url === '/same.ics')
        res.writeHead(307, { location: `http://elsewhere.test:${port}/other.ics` }).end();
      else res.writeHead(200).end('BEGIN:VCALENDAR');
    };
    const elsewhere: Resolver = async () => [{ address: INTERNET, family: 4 }];
    await fetchRemote(`http://${INTERNET}:${port}/start.ics`, {
      check,
      resolve: elsewhere,
      headers: { Authorization: 'Basic c2VjcmV0' },
    });
    expect(seen).toEqual({
      [`${INTERNET}:${port}/start.ics`]: 'Basic c2VjcmV0',
      [`${INTERNET}:${port}/same.ics`]: 'Basic c2VjcmV0',
      [`elsewhere.test:${port}/other.ics`]: undefined,
    });
  });

  it('decompresses what it reads', async () => {
    answer = (_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('BEGIN:VCALENDAR zipped'));
    const response = await fetchRemote(`http://${INTERNET}:${port}/z.ics`, { check });
    expect(await text(response)).toBe('BEGIN:VCALENDAR zipped');
  });
});
