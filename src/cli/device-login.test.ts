import { describe, expect, it } from 'vitest';
import { deviceLogin } from './device-login.ts';

const code = {
  deviceCode: 'dev-1',
  userCode: 'ABCD-EFGH',
  verificationUri: 'http://lp.test/#/device',
  verificationUriComplete: 'http://lp.test/#/device/ABCD-EFGH',
  expiresIn: 600,
  interval: 2,
};

type Answer = [status: number, body?: unknown, headers?: Record<string, string>];

/** A server that answers the device-code request and then each poll in turn; time passes only in sleep. */
function fakeServer(polls: Answer[], start: Answer = [201, code]) {
  let clock = 0;
  const requests: { path: string; body: unknown }[] = [];
  const waits: number[] = [];
  const lines: string[] = [];
  const answers = [start, ...polls];
  const fetch = async (request: Request) => {
    requests.push({ path: new URL(request.url).pathname, body: await request.json() });
    const [status, body, headers] = answers.shift() ?? [500];
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers });
  };
  const login = () =>
    deviceLogin({
      server: 'http://lp.test',
      clientName: 'linchpin CLI on laptop',
      say: (line) => lines.push(line),
      fetch,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
      now: () => clock,
    });
  return { login, requests, waits, lines };
}

describe('deviceLogin', () => {
  it('shows the code and the page, polls every interval while pending, and returns the token', async () => {
    const server = fakeServer([
      [202, { status: 'pending' }],
      [202, { status: 'pending' }],
      [200, { status: 'approved', token: 'lp_x', name: 'linchpin CLI on laptop' }],
    ]);
    await expect(server.login()).resolves.toEqual({ token: 'lp_x', name: 'linchpin CLI on laptop' });
    expect(server.lines).toEqual([
      'First copy your one-time code: ABCD-EFGH',
      'Then open http://lp.test/#/device/ABCD-EFGH in a browser where you are signed in to Linchpin, and approve.',
    ]);
    expect(server.requests[0]).toEqual({
      path: '/api/public/device-codes',
      body: { clientName: 'linchpin CLI on laptop' },
    });
    expect(server.requests.slice(1)).toEqual(
      Array(3).fill({ path: '/api/public/device-codes/token', body: { deviceCode: 'dev-1' } }),
    );
    expect(server.waits).toEqual([2000, 2000, 2000]);
  });

  it('waits longer after a 429, as long as Retry-After asks if that is longer', async () => {
    const server = fakeServer([
      [429, { error: { code: 'rate_limited', message: 'slow down' } }],
      [429, {}, { 'retry-after': '30' }],
      [200, { token: 'lp_x', name: 'cli' }],
    ]);
    await server.login();
    expect(server.waits).toEqual([2000, 7000, 30_000]);
  });

  it.each([
    [403, 'Sign-in was denied in the browser.'],
    [410, 'The code expired; run linchpin login again.'],
    [404, 'The server does not know this sign-in code any more; run linchpin login again.'],
    [500, 'boom (HTTP 500)'],
  ])('turns a %i into one clear line', async (status, message) => {
    const server = fakeServer([[202], [status, { error: { code: 'x', message: 'boom' } }]]);
    await expect(server.login()).rejects.toThrow(message);
  });

  it('gives up when the code has expired even if the server never says so', async () => {
    const server = fakeServer(Array(400).fill([202, { status: 'pending' }]));
    await expect(server.login()).rejects.toThrow('The code expired');
    expect(server.waits.length).toBe(301);
  });

  it.each([401, 404])('says when a server has no device login (%i)', async (status) => {
    const server = fakeServer([], [status, { error: { code: 'x', message: 'no' } }]);
    await expect(server.login()).rejects.toThrow(
      'http://lp.test does not offer sign-in from the browser; use `linchpin login --server http://lp.test --token TOKEN`.',
    );
  });

  it('says when the server cannot be reached', async () => {
    await expect(
      deviceLogin({
        server: 'http://lp.test',
        clientName: 'x',
        say: () => {},
        fetch: async () => {
          throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
        },
      }),
    ).rejects.toThrow('Cannot reach http://lp.test: Error: connect ECONNREFUSED');
  });
});
