// The load bench's people: each simulated person opens a page (its requests sent together, as the
// web app does), reads it for a while (think time: exponential around a mean, so people drift apart
// instead of clicking in step), and opens the next page of their session. Autocannon keeps a fixed
// number of connections busy back to back, which is how the bench measures capacity; it cannot pause
// a connection between pages, so a team of people is played here with undici's client.
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import type { LoadPage, LoadPerson, LoadRequest } from './load-workload.ts';

export interface Outcome {
  seconds: number;
  endpoints: Map<string, { latencies: number[]; errors: number }>;
  /** Socket errors, timeouts and 5xx, by kind. */
  failures: Map<string, number>;
}

export const newOutcome = (seconds: number): Outcome => ({
  seconds,
  endpoints: new Map(),
  failures: new Map(),
});

export function countFailure(outcome: Outcome, kind: string, n = 1): void {
  outcome.failures.set(kind, (outcome.failures.get(kind) ?? 0) + n);
}

/** One answer: its time under its endpoint's name; 4xx and 5xx count as errors, 5xx also as a failure. */
export function recordAnswer(outcome: Outcome, name: string, ms: number, status: number): void {
  const endpoint = outcome.endpoints.get(name) ?? { latencies: [], errors: 0 };
  endpoint.latencies.push(ms);
  if (status >= 400) endpoint.errors += 1;
  if (status >= 500) countFailure(outcome, String(status));
  outcome.endpoints.set(name, endpoint);
}

/** A request the server never answered counts as a timeout, like autocannon's. */
export const TIMEOUT_MS = 10_000;

export const requestOf = (step: LoadRequest, person: LoadPerson, turn: number) => ({
  path: step.path(person, turn),
  method: step.method,
  headers: { authorization: `Bearer ${person.token}`, 'content-type': 'application/json' },
  body: step.body ? JSON.stringify(step.body(person, turn)) : undefined,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Player {
  person: LoadPerson;
  pages: LoadPage[];
}

/**
 * Plays `players` against `url` for `seconds`: each starts within the first think time, at a random
 * page of its session. Requests still in flight at the end are waited for and counted.
 */
export async function playPeople(url: string, players: Player[], seconds: number, thinkMs: number) {
  const outcome = newOutcome(seconds);
  const until = performance.now() + seconds * 1000;
  const play = async ({ person, pages }: Player) => {
    // As many connections as a page has requests: the browser's HTTP/2 sends them all at once, so
    // the times measured are the server's, not a queue in front of six sockets.
    const pool = new Pool(url, {
      connections: Math.max(...pages.map((page) => page.requests.length)),
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
    });
    const send = async (step: LoadRequest, turn: number) => {
      const started = performance.now();
      try {
        const answer = await pool.request(requestOf(step, person, turn));
        await answer.body.dump();
        recordAnswer(outcome, step.name, performance.now() - started, answer.statusCode);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).name;
        countFailure(outcome, code?.includes('TIMEOUT') ? 'timeout' : code);
      }
    };
    let turn = Math.floor(Math.random() * 1000);
    await sleep(Math.random() * thinkMs);
    while (performance.now() < until) {
      const page = pages[turn % pages.length] as LoadPage;
      if (page.sequential) for (const step of page.requests) await send(step, turn);
      else await Promise.all(page.requests.map((step) => send(step, turn)));
      turn += 1;
      await sleep(Math.min(-Math.log(1 - Math.random()) * thinkMs, Math.max(0, until - performance.now())));
    }
    await pool.close();
  };
  await Promise.all(players.map(play));
  return outcome;
}

/** The machine's CPU counters (all cores), to tell how busy it was during a run. */
function cpuTimes() {
  const [, ...fields] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
  const values = fields.map(Number);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { idle, total: values.reduce((sum, value) => sum + value, 0) };
}

/** Runs `work` and tells what share of the machine's CPU time was busy meanwhile (0–1). */
export async function withCpuBusy<T>(work: () => Promise<T>): Promise<{ result: T; busy: number }> {
  const before = cpuTimes();
  const result = await work();
  const after = cpuTimes();
  return { result, busy: 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total) };
}
