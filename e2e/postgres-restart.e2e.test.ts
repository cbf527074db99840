import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { Api, FOUNDER, setUp } from './api.ts';
import {
  canRunPostgresCluster,
  type PostgresCluster,
  type RunningServer,
  startPostgresCluster,
  startServer,
} from './server.ts';

// Issue 14: PostgreSQL restarted under load. A real server process on a PostgreSQL cluster of the
// test's own, under steady load while PostgreSQL is stopped (cleanly, then as a crash) and started
// again: every answer is a success or a quick 503 `unavailable`, never a 500, a reset or a hang;
// the server recovers by itself, keeps every write it acknowledged, and is the same process.

/** Longer than any answer may take: a request past it counts as hung. */
const HANG_MS = 10_000;
/** Each answer, also while PostgreSQL is away, comes within this. */
const ANSWER_MS = 5_000;
/** After PostgreSQL is back, requests succeed again within this, without restarting Linchpin. */
const RECOVERY_MS = 15_000;
const OUTAGE_MS = 2_500;

type Kind = 'write' | 'report' | 'health';
interface Answer {
  kind: Kind;
  startedAt: number;
  endedAt: number;
  status: number;
  /** The error answer's code, or health's status. */
  code?: string;
  shapeOk: boolean;
  retryAfter: string | null;
  /** A socket reset, a refused connection or a hang (no HTTP answer at all). */
  failure?: string;
  id?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isString = (v: unknown): v is string => typeof v === 'string';

/** The API's error shape (src/server/errors.ts `errorSchema`). */
function errorShaped(body: unknown): body is { error: { code: string; message: string } } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return isString(error?.code) && isString(error?.message);
}

const canRun = canRunPostgresCluster();

describe.runIf(canRun)('PostgreSQL stopped and started again under load', () => {
  let cluster: PostgresCluster | undefined;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    server = await startServer({
      DATABASE_URL: cluster.url,
      // Fail fast while PostgreSQL is away: no request waits on a long timeout.
      LINCHPIN_DB_CONNECT_TIMEOUT_MS: '1000',
      LINCHPIN_DB_STATEMENT_TIMEOUT_MS: '3000',
      // The background rhythm runs every second, so it meets the outage too.
      LINCHPIN_RHYTHM_SECONDS: '1',
    });
  });

  afterAll(async () => {
    await server?.kill9().catch(() => {});
    await cluster?.destroy();
  });

  it('answers 503 `unavailable` quickly while it is down, recovers by itself and loses nothing', async () => {
    if (!server || !cluster) throw new Error('not started');
    const { url } = server;
    const pid = server.process.pid;
    const output = server.output;
    onTestFailed(() => console.log(`the server's last words:\n${output().slice(-8_000)}`));
    const cookie = await setUp(url, FOUNDER, 'Europe/London');
    const viaCookie = new Api(url, { cookie });
    const { token } = await viaCookie.post<{ token: string }>('/me/tokens', { name: 'load' });
    const viaToken = new Api(url, { token });

    const answers: Answer[] = [];
    let loading = true;
    let written = 0;

    const ask = async (kind: Kind, api: Api, method: string, path: string, body?: unknown) => {
      const startedAt = performance.now();
      const answer: Answer = { kind, startedAt, endedAt: 0, status: 0, shapeOk: false, retryAfter: null };
      try {
        const res = await fetchWithin(api, method, path, body);
        answer.status = res.status;
        answer.retryAfter = res.headers.get('retry-after');
        const json: unknown = await res.json().catch(() => null);
        if (res.status >= 400) {
          answer.shapeOk = errorShaped(json);
          answer.code = errorShaped(json) ? json.error.code : undefined;
          if (kind === 'health') answer.shapeOk &&= (json as { status?: unknown }).status === 'unavailable';
        } else {
          answer.shapeOk = true;
          answer.code = (json as { status?: string } | null)?.status;
          if (res.status === 201) answer.id = (json as { id: string }).id;
        }
      } catch (error) {
        answer.failure = String((error as Error).cause ?? error);
      }
      answer.endedAt = performance.now();
      answers.push(answer);
      // A server that is gone refuses at once: do not spin on it.
      if (answer.failure) await sleep(50);
      return answer;
    };

    /** The request, with a deadline: a hang is a failure, not a test that never ends. */
    const fetchWithin = (api: Api, method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = { origin: url, 'content-type': 'application/json' };
      if (api === viaCookie) headers.cookie = cookie;
      else headers.authorization = `Bearer ${token}`;
      return fetch(`${url}/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(HANG_MS),
      });
    };

    const writer = async (api: Api, name: string) => {
      while (loading) {
        const n = ++written;
        await ask('write', api, 'POST', '/activities', {
          title: `${name} ${n}`,
          startsAt: '2026-11-18T09:00',
          minutes: 15,
          urgent: n % 2 === 0,
          important: n % 3 === 0,
        });
      }
    };
    const reporter = async () => {
      while (loading) await ask('report', viaToken, 'GET', '/reports/week');
    };
    const healthWatch = async () => {
      while (loading) {
        await ask('health', viaToken, 'GET', '/health');
        await sleep(50);
      }
    };
    const loops = Promise.all([
      writer(viaCookie, 'cookie-a'),
      writer(viaCookie, 'cookie-b'),
      writer(viaToken, 'token-a'),
      writer(viaToken, 'token-b'),
      reporter(),
      healthWatch(),
    ]);

    /** Waits until one write and one health check that began after `since` succeeded. */
    const recovered = async (since: number) => {
      const deadline = since + RECOVERY_MS;
      const ok = (kind: Kind, status: number) =>
        answers.some((a) => a.kind === kind && a.startedAt >= since && a.status === status);
      while (!(ok('write', 201) && ok('health', 200) && ok('report', 200))) {
        if (performance.now() > deadline) return null;
        await sleep(25);
      }
      return Math.max(
        ...(['write', 'health', 'report'] as const).map((kind) => {
          const first = answers.find(
            (a) => a.kind === kind && a.startedAt >= since && a.status === (kind === 'write' ? 201 : 200),
          );
          return (first?.endedAt ?? deadline) - since;
        }),
      );
    };

    const outages: Array<{
      mode: string;
      down: Answer[];
      longestMs: number;
      recoveryMs: number | null;
    }> = [];
    try {
      await sleep(1_500);
      expect(answers.filter((a) => a.status === 201).length).toBeGreaterThan(0);
      for (const mode of ['fast', 'immediate'] as const) {
        const stopping = performance.now();
        await cluster.stop(mode);
        const stopped = performance.now();
        await sleep(OUTAGE_MS);
        const starting = performance.now();
        await cluster.start();
        const started = performance.now();
        const recoveryMs = await recovered(started);
        const down = answers.filter((a) => a.startedAt >= stopped && a.endedAt <= starting);
        const around = answers.filter((a) => a.endedAt >= stopping && a.startedAt <= started);
        outages.push({
          mode,
          down,
          longestMs: Math.max(0, ...around.map((a) => a.endedAt - a.startedAt)),
          recoveryMs,
        });
        await sleep(1_000);
      }
    } finally {
      loading = false;
      await loops;
    }

    const summary = {
      requests: answers.length,
      byStatus: Object.fromEntries(
        [...new Set(answers.map((a) => a.status))].map((s) => [
          s,
          answers.filter((a) => a.status === s).length,
        ]),
      ),
      acknowledged: answers.filter((a) => a.status === 201).length,
      outages: outages.map((o) => ({
        mode: o.mode,
        answersWhileDown: o.down.length,
        unavailableWhileDown: o.down.filter((a) => a.status === 503).length,
        longestAnswerMs: Math.round(o.longestMs),
        recoveryMs: o.recoveryMs === null ? null : Math.round(o.recoveryMs),
      })),
      longestAnswerMs: Math.round(Math.max(...answers.map((a) => a.endedAt - a.startedAt))),
      serverLogLines: output().split('\n').length,
    };
    console.log(`postgres restart under load: ${JSON.stringify(summary)}`);

    /** How many answers fail a rule, with the first few of them (a crashed server fails thousands). */
    const breaking = (rule: (a: Answer) => boolean) => {
      const found = answers.filter(rule);
      return { count: found.length, first: found.slice(0, 3) };
    };
    const none = { count: 0, first: [] };
    // No reset, refused connection or hang; no 500, nor any 5xx but 503; every error in the API's shape.
    expect(breaking((a) => Boolean(a.failure))).toEqual(none);
    expect(breaking((a) => ![200, 201, 503].includes(a.status))).toEqual(none);
    expect(breaking((a) => a.status === 503 && !(a.shapeOk && a.code === 'unavailable'))).toEqual(none);
    expect(breaking((a) => a.status === 503 && a.retryAfter === null)).toEqual(none);
    // Each answer comes quickly, also while PostgreSQL is stopping, away and starting.
    expect(breaking((a) => a.endedAt - a.startedAt > ANSWER_MS)).toEqual(none);

    for (const outage of outages) {
      // While it is down every answer is 503 `unavailable` (health too), and there were answers of each kind.
      for (const kind of ['write', 'report', 'health'] as const) {
        const ofKind = outage.down.filter((a) => a.kind === kind);
        expect(ofKind.length, `${kind} answers while ${outage.mode}-stopped`).toBeGreaterThan(0);
        expect(ofKind.filter((a) => a.status !== 503).slice(0, 3)).toEqual([]);
      }
      // Back by itself within the bound, without restarting Linchpin.
      expect(outage.recoveryMs, `recovery after the ${outage.mode} stop`).not.toBeNull();
    }

    // Every write acknowledged with 201 (before, during and after) is there.
    const ids = answers.map((a) => a.id).filter(isString);
    expect(new Set(ids).size).toBe(ids.length);
    const missing: string[] = [];
    for (let i = 0; i < ids.length; i += 16) {
      const statuses = await Promise.all(
        ids
          .slice(i, i + 16)
          .map(async (id) => [id, (await viaToken.send('GET', `/activities/${id}`)).status] as const),
      );
      missing.push(
        ...statuses.filter(([, status]) => status !== 200).map(([id, status]) => `${id}: ${status}`),
      );
    }
    expect(missing).toEqual([]);

    // The same process served all of it.
    expect(server.process.exitCode).toBeNull();
    expect(server.process.signalCode).toBeNull();
    expect(server.process.pid).toBe(pid);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });
});
