import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { getBasicAuthHeaders, makeCalendar } from 'tsdav';

/** A real Radicale CalDAV server (Debian's `radicale`), on a free loopback port with its own storage. */
export interface Radicale {
  /** The server's root, `http://127.0.0.1:PORT/`. */
  url: string;
  username: string;
  password: string;
  /** The user's principal, `…/alice/`. */
  principal: string;
  /** Makes a calendar under the principal and answers its address (ends with `/`). */
  makeCalendar(slug: string, name: string, options?: { color?: string }): Promise<string>;
  /** Writes one event object (`<uid>.ics`) into a calendar; answers its address. */
  putEvent(calendar: string, uid: string, ics: string): Promise<string>;
  deleteEvent(calendar: string, uid: string): Promise<void>;
  /**
   * A way to Radicale that can fail (a flaky network): every request is passed on, except that
   * `cut` may drop the connection before passing one on (`before`: the server never sees it) or
   * after (`after`: the server did it, its answer is lost). Answers its root address.
   */
  proxy(cut: (request: { method: string; path: string }) => 'before' | 'after' | null): Promise<string>;
  /** What Radicale printed (its log: one line per request at info level). */
  log(): string;
  close(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

export async function startRadicale(username = 'alice', password = 'app-password-7Qx'): Promise<Radicale> {
  const dir = mkdtempSync(join(tmpdir(), 'linchpin-radicale-'));
  const users = join(dir, 'users');
  writeFileSync(users, `${username}:${password}\n`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let output = '';
  const child: ChildProcess = spawn(
    'radicale',
    [
      '--config',
      '',
      '--server-hosts',
      `127.0.0.1:${port}`,
      '--storage-filesystem-folder',
      join(dir, 'collections'),
      '--auth-type',
      'htpasswd',
      '--auth-htpasswd-filename',
      users,
      '--auth-htpasswd-encryption',
      'plain',
      '--rights-type',
      'owner_only',
      '--logging-level',
      'info',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const headers = getBasicAuthHeaders({ username, password });
  const ask = (path: string, init: RequestInit = {}) =>
    fetch(new URL(path, url), { ...init, headers: { ...headers, ...(init.headers ?? {}) } });

  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`radicale exited: ${output}`);
    // The first authenticated request also creates the user's principal collection.
    const ready = await ask(`/${username}/`, { method: 'PROPFIND', headers: { depth: '0' } }).catch(
      () => null,
    );
    if (ready && ready.status < 500) break;
    if (tries > 100) throw new Error(`radicale did not start: ${output}`);
    await sleep(100);
  }

  const principal = new URL(`/${username}/`, url).href;
  const proxies: HttpServer[] = [];
  return {
    url,
    username,
    password,
    principal,
    async makeCalendar(slug, name, options = {}) {
      const address = new URL(`${slug}/`, principal).href;
      const [answer] = await makeCalendar({
        url: address,
        props: {
          displayname: name,
          ...(options.color ? { 'ca:calendar-color': options.color } : {}),
        },
        headers,
      });
      if (answer && !answer.ok && answer.status >= 400) throw new Error(`MKCALENDAR ${answer.status}`);
      return address;
    },
    async putEvent(calendar, uid, ics) {
      const address = new URL(`${uid}.ics`, calendar).href;
      const res = await ask(address, {
        method: 'PUT',
        body: ics,
        headers: { 'content-type': 'text/calendar; charset=utf-8' },
      });
      if (!res.ok) throw new Error(`PUT ${address}: ${res.status} ${await res.text()}`);
      return address;
    },
    async deleteEvent(calendar, uid) {
      const res = await ask(new URL(`${uid}.ics`, calendar).href, { method: 'DELETE' });
      if (!res.ok) throw new Error(`DELETE ${uid}: ${res.status}`);
    },
    async proxy(cut) {
      const proxy = createHttpServer(async (req, res) => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const request = { method: req.method ?? 'GET', path: req.url ?? '/' };
        const fault = cut(request);
        if (fault === 'before') return req.socket.destroy();
        const forwarded = Object.entries(req.headers).filter(
          ([name]) => !['host', 'connection', 'content-length', 'accept-encoding'].includes(name),
        );
        const answer = await fetch(new URL(request.path, url), {
          method: request.method,
          headers: forwarded.map(([name, value]): [string, string] => [name, String(value)]),
          body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
          redirect: 'manual',
        }).catch(() => null);
        if (!answer) return req.socket.destroy();
        const body = Buffer.from(await answer.arrayBuffer());
        if (fault === 'after') return req.socket.destroy();
        // fetch has already decoded the body: its encoding and length are told anew.
        const answered = [...answer.headers].filter(
          ([name]) => !['content-encoding', 'content-length'].includes(name),
        );
        res.writeHead(answer.status, Object.fromEntries(answered)).end(body);
      });
      proxies.push(proxy);
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/`;
    },
    log: () => output,
    async close() {
      for (const proxy of proxies) proxy.close();
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
