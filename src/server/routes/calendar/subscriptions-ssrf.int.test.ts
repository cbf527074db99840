import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { apiClient, buildPerson } from '../../../../test/factories.ts';
import { icsCalendar } from '../../../../test/ics.ts';
import { addressProblem } from '../../../core/calendar/addresses.ts';
import { addSubscription, listCalendars, syncSubscription } from '../../../core/calendar/subscriptions.ts';

const { core, app, close } = await testApp();
afterAll(close);

/** A calendar server on this machine's loopback, counting every request it gets. */
let server: Server;
let port = 0;
let requests: string[] = [];
const ICS = icsCalendar([
  { uid: 'internal-1', summary: 'Internal', start: '20261124T090000', end: '20261124T100000' },
]);

beforeAll(async () => {
  delete process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS;
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/calendar' }).end(ICS);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
beforeEach(() => {
  requests = [];
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('subscriptions never reach the server’s own network (SSRF)', () => {
  // Every one of these reaches the loopback server above (or this machine) if it is fetched.
  const disguises = [
    ['IPv4-mapped IPv6, dotted', (p: number) => `http://[::ffff:127.0.0.1]:${p}/x.ics`],
    ['IPv4-mapped IPv6, hex', (p: number) => `http://[::ffff:7f00:1]:${p}/x.ics`],
    ['IPv4-mapped IPv6, long form', (p: number) => `http://[0:0:0:0:0:ffff:127.0.0.1]:${p}/x.ics`],
    ['NAT64 of loopback', (p: number) => `http://[64:ff9b::127.0.0.1]:${p}/x.ics`],
    ['IPv4-compatible IPv6', (p: number) => `http://[::127.0.0.1]:${p}/x.ics`],
    ['the unspecified IPv4 address', (p: number) => `http://0.0.0.0:${p}/x.ics`],
    ['the unspecified IPv6 address', (p: number) => `http://[::]:${p}/x.ics`],
    ['IPv6 loopback', (p: number) => `http://[::1]:${p}/x.ics`],
    ['short IPv4', (p: number) => `http://127.1:${p}/x.ics`],
    ['decimal IPv4', (p: number) => `http://2130706433:${p}/x.ics`],
    ['hex IPv4', (p: number) => `http://0x7f.0.0.1:${p}/x.ics`],
    ['localhost by name', (p: number) => `http://localhost:${p}/x.ics`],
    ['webcal to loopback', (p: number) => `webcal://127.0.0.1:${p}/x.ics`],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['private network', () => 'http://10.0.0.1/x.ics'],
  ] as const;

  it.each(disguises)('refuses %s with a 400 naming url, fetching nothing', async (_, address) => {
    const dave = await buildPerson(core);
    const api = apiClient(app, dave.token);
    const res = await api.post('/calendars', { name: 'Internal', url: address(port) });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('url');
    expect(res.body.error.message).toMatch(/inside this server's network/);
    expect(res.body.error.message).toMatch(/LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS/);
    expect(requests).toEqual([]);
    expect((await api.get('/calendars')).body.items).toEqual([]);
  });

  it('says why: which address the name reached and what kind of network it is', async () => {
    const api = apiClient(app, (await buildPerson(core)).token);
    const res = await api.post('/calendars', { name: 'Mapped', url: `http://[::ffff:127.0.0.1]:${port}/x` });
    expect(res.body.error.fields.url).toMatch(/127\.0\.0\.1/);
    expect(res.body.error.fields.url).toMatch(/loopback/);
    const meta = await api.post('/calendars', { name: 'Meta', url: 'http://169.254.169.254/' });
    expect(meta.body.error.fields.url).toMatch(/link-local/);
  });

  it('refuses a redirect from an allowed-looking address to 127.0.0.1, and says so on the calendar', async () => {
    // 127.0.0.2 plays a public calendar host that redirects into the server's own network.
    const host = createServer((_req, res) =>
      res.writeHead(302, { location: `http://127.0.0.1:${port}/x.ics` }).end(),
    );
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.2', resolve));
    try {
      const erin = await buildPerson(core);
      const url = `http://127.0.0.2:${(host.address() as AddressInfo).port}/cal.ics`;
      const id = await addSubscription(core.db, erin.actor, { name: 'Moved', url });
      const check = (address: string) => (address === '127.0.0.2' ? null : addressProblem(address));
      const sync = syncSubscription(core.db, erin.actor, id, { check });
      await expect(sync).rejects.toMatchObject({
        status: 400,
        fields: { url: expect.stringMatching(/^redirects to http:\/\/127\.0\.0\.1:\d+\/x\.ics: .*loopback/) },
      });
      expect(requests).toEqual([]);
      const [calendar] = await listCalendars(core.db, erin.actor);
      expect(calendar?.lastError).toMatch(/inside this server's network/);
    } finally {
      await new Promise((resolve) => host.close(resolve));
    }
  });

  it('still reaches internal calendars when the admin allows them', async () => {
    process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS = '1';
    try {
      const api = apiClient(app, (await buildPerson(core)).token);
      const res = await api.post('/calendars', {
        name: 'Intranet',
        url: `http://[::ffff:127.0.0.1]:${port}/x.ics`,
      });
      expect(res.status).toBe(201);
      expect(requests).toEqual(['/x.ics']);
    } finally {
      delete process.env.LINCHPIN_ALLOW_PRIVATE_SUBSCRIPTIONS;
    }
  });
});
