import { AppError } from '../../errors.ts';
import { fetchRemote, type RemoteOptions, readLimited } from '../remote.ts';

/** How a CalDAV server is reached: tests pass a resolver and an address check; the whole talk has 30 s. */
export type CaldavOptions = Pick<RemoteOptions, 'resolve' | 'check'> & { timeoutMs?: number };

/** What a server's answer becomes: a `fetch` Response, its body read whole (within the import limit). */
const EMPTY_BODY = new Set([204, 205, 304]);

/**
 * One exchange with a CalDAV server (discovery, or one sync): tsdav is handed `fetch`, which goes
 * through `fetchRemote` (every hop's addresses checked against the private-network rules, the
 * socket pinned to them), under one deadline for the whole exchange. tsdav swallows some errors
 * while it probes (service discovery) and words others its own way, so what went wrong is noted
 * here as it happens and `explain` turns any failure into a clear AppError.
 */
export function conversation(serverUrl: string, options: CaldavOptions = {}) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const signal = AbortSignal.timeout(timeoutMs);
  const host = new URL(serverUrl).host;
  let refusal: AppError | null = null;
  let unauthorized = false;

  // A name lookup cannot be aborted: the deadline ends the wait for it all the same.
  const withinDeadline = <T>(work: Promise<T>) =>
    Promise.race([
      work,
      new Promise<never>((_, reject) => {
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
    ]);

  const guardedFetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = input instanceof Request ? input.url : String(input);
    try {
      const response = await withinDeadline(
        fetchRemote(url, {
          method: init.method ?? 'GET',
          body: typeof init.body === 'string' ? init.body : undefined,
          headers: headersOf(init.headers),
          signal,
          resolve: options.resolve,
          check: options.check,
          manualRedirects: init.redirect === 'manual',
        }),
      );
      if (response.status === 401) unauthorized = true;
      if (response.status < 200 || response.status > 599) {
        response.cancel();
        throw new AppError('bad_request', `${host} answered with status ${response.status}`);
      }
      const body = EMPTY_BODY.has(response.status) ? null : await readLimited(response);
      return new Response(body as BodyInit | null, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      if (error instanceof AppError) refusal ??= error;
      throw error;
    }
  };

  /** The clear error for a failed exchange. */
  const explain = (error: unknown): AppError => {
    if (refusal) return refusal;
    if (signal.aborted) {
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      return new AppError(
        'bad_request',
        `${host} did not answer within ${seconds} second${seconds === 1 ? '' : 's'}`,
      );
    }
    if (unauthorized) {
      return AppError.invalid(
        'password',
        `was refused by ${host} (with this username): check both, and use an app password where the provider asks for one`,
      );
    }
    if (error instanceof AppError) return error;
    const message = error instanceof Error ? error.message : String(error);
    if (/cannot find (principalUrl|homeUrl)/.test(message)) {
      return AppError.invalid(
        'url',
        `has no CalDAV calendars that ${host} would show: check the address (the server's, your principal's or a calendar's)`,
      );
    }
    if (causeCode(error)) return new AppError('bad_request', `${host} could not be reached`);
    return new AppError('bad_request', `${host} did not answer as a CalDAV server (${message})`);
  };

  return { fetch: guardedFetch as typeof fetch, explain, signal };
}

export type Conversation = ReturnType<typeof conversation>;

/** tsdav passes headers as an object that may hold `undefined` (an If-Match without an ETag): left out. */
function headersOf(headers: HeadersInit | undefined): Record<string, string> {
  if (!headers || headers instanceof Headers || Array.isArray(headers)) {
    return Object.fromEntries(new Headers(headers).entries());
  }
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => value != null));
}

/** A network error's code (ECONNREFUSED, ECONNRESET, …), wherever it sits in the causes. */
function causeCode(error: unknown): string | null {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  }
  return null;
}

/** Runs one exchange: any failure comes out as the clear AppError of `explain`. */
export async function talk<T>(talking: Conversation, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw talking.explain(error);
  }
}
