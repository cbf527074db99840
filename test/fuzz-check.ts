import { isDeepStrictEqual } from 'node:util';
import type { App } from '../src/server/app.ts';
import type { Expectation, FuzzCase } from './fuzz.ts';

/** One request the fuzz suite sent, what came back, and what is wrong with it (null: nothing). */
export interface FuzzResult {
  operation: string;
  label: string;
  status: number;
  problem: string | null;
  /** The start of the answer, for the report. */
  answer: string;
}

/** Sends one case to the app in-process, as a client from outside would. */
export async function send(app: App, operation: string, c: FuzzCase): Promise<FuzzResult> {
  const headers: Record<string, string> = {};
  if (c.token) headers.authorization = `Bearer ${c.token}`;
  if (c.contentType) headers['content-type'] = c.contentType;
  const response = await app.request(`/api${c.url}`, { method: c.method, headers, body: c.body });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    operation,
    label: c.label,
    status: response.status,
    problem: problemOf(c.expect, response.status, type, text),
    answer: text.slice(0, 300),
  };
}

const describe = (expect: Expectation) =>
  typeof expect === 'object' ? `400 naming ${expect.invalid ?? 'no field'}` : expect;

/** Why an answer breaks the API's promises for this case, or null when it keeps them. */
export function problemOf(expect: Expectation, status: number, type: string, text: string): string | null {
  if (status >= 500) return `answered ${status}`;
  let error: { code?: unknown; message?: unknown; fields?: unknown } | undefined;
  if (status >= 400) {
    try {
      error = /json/.test(type) ? JSON.parse(text).error : undefined;
    } catch {
      error = undefined;
    }
    if (typeof error?.code !== 'string' || typeof error.message !== 'string')
      return `answered ${status} without the error shape`;
    const fields = error.fields;
    if (
      fields !== undefined &&
      (typeof fields !== 'object' || Object.values(fields as object).some((v) => typeof v !== 'string'))
    )
      return `answered ${status} with malformed fields`;
  }
  const wanted = `wanted ${describe(expect)}, got ${status}`;
  switch (expect) {
    case 'any':
      return null;
    case 'ok':
      return status < 300 ? null : wanted;
    case 'unauthenticated':
      return status === 401 ? null : wanted;
    case 'notFound':
      return status === 404 ? null : wanted;
    case 'refused':
      return status >= 400 ? null : wanted;
    default: {
      if (status !== 400) return wanted;
      const field = expect.invalid;
      if (field === null) return null;
      const named = Object.keys((error?.fields as object | undefined) ?? {});
      const names = (key: string) => key === field || key.startsWith(`${field}.`);
      return named.some(names) ? null : `${wanted} naming ${named.join(', ') || 'no field'}`;
    }
  }
}

/** `200×812 400×2034 …`: how often each status came back. */
export function statusCounts(results: FuzzResult[]): string {
  const counts = new Map<number, number>();
  for (const { status } of results) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
}

/**
 * An empty PATCH is a no-op (core/db/patch.ts): it answers 200 with the resource as it is, as a GET of
 * the same path answered just before (where there is one), and writes nothing, not even `updatedAt`,
 * so a second one answers the same. Three or four requests, as results labelled `empty PATCH …`.
 */
export async function emptyPatchResults(
  app: App,
  operation: string,
  url: string,
  token: string,
  hasGet: boolean,
): Promise<FuzzResult[]> {
  const call = async (method: string, label: string, body?: string) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body) headers['content-type'] = 'application/json';
    const response = await app.request(`/api${url}`, { method, headers, body });
    const text = await response.text();
    const problem = response.status === 200 ? null : `wanted 200, got ${response.status}`;
    return { operation, label, status: response.status, problem, answer: text.slice(0, 300), text };
  };
  const before = hasGet ? await call('GET', 'empty PATCH: the GET before') : undefined;
  const first = await call('PATCH', 'empty PATCH', '{}');
  const again = await call('PATCH', 'empty PATCH again', '{}');
  const same = (a: { text: string }, b: { text: string }) => {
    try {
      return isDeepStrictEqual(JSON.parse(a.text), JSON.parse(b.text));
    } catch {
      return false;
    }
  };
  if (before && !first.problem && !same(before, first))
    first.problem = `answered otherwise than the GET before: ${before.answer}`;
  if (!again.problem && !same(first, again))
    again.problem = `answered otherwise than the first: ${first.answer}`;
  return [before, first, again].flatMap((r) =>
    r ? [{ operation, label: r.label, status: r.status, problem: r.problem, answer: r.answer }] : [],
  );
}
