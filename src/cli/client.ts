import { type CliConfig, loadConfig } from './config.ts';

export class CliError extends Error {}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

/** The API's error shape as one readable message, each field's problem on its own line. */
export function errorOf(status: number, payload: ApiErrorBody, statusText = ''): CliError {
  const fields = payload.error?.fields
    ? Object.entries(payload.error.fields)
        .map(([field, problem]) => `\n  ${field}: ${problem}`)
        .join('')
    : '';
  return new CliError(`${payload.error?.message ?? statusText} (HTTP ${status})${fields}`);
}

/** A bearer token the server refused (401). */
export class UnauthorizedError extends CliError {}

/** `fetch` of `/api<path>` on a server; a server that cannot be reached is a CliError. */
export async function send(
  server: string,
  path: string,
  init: RequestInit,
  fetchImpl: typeof fetch = fetch,
): Promise<Response> {
  try {
    return await fetchImpl(new URL(`/api${path}`, server), init);
  } catch (error) {
    throw new CliError(`Cannot reach ${server}: ${(error as Error).cause ?? (error as Error).message}`);
  }
}

/** A small REST client: the CLI uses the same API as every other program. */
export class ApiClient {
  constructor(private readonly config: CliConfig) {}

  static fromConfig(): ApiClient {
    const config = loadConfig();
    if (!config) {
      throw new CliError(
        'Not logged in. Run `linchpin login --server URL` and approve the sign-in in your browser ' +
          '(or add `--token TOKEN`, e.g. from `linchpin admin create-token --email E`).',
      );
    }
    return new ApiClient(config);
  }

  private async failure(response: Response): Promise<CliError> {
    if (response.status === 401) {
      return new UnauthorizedError(
        'The saved token is not valid any more (revoked, expired or the person was deactivated). ' +
          `Run \`linchpin login --server ${this.config.server}\` again.`,
      );
    }
    return errorOf(response.status, await response.json().catch(() => ({})), response.statusText);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await send(this.config.server, path, {
      method,
      headers: {
        authorization: `Bearer ${this.config.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw await this.failure(response);
    if (response.status === 204) return undefined as T;
    return (await response.json().catch(() => ({}))) as T;
  }

  /**
   * A request whose answer the caller reads itself (files, streamed progress). Errors in the API's
   * shape still become a CliError.
   */
  async raw(method: string, path: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) {
    const response = await send(this.config.server, path, {
      method,
      headers: { authorization: `Bearer ${this.config.token}`, ...init.headers },
      body: init.body,
      // A streamed upload (a file read as it is sent) needs half-duplex mode in Node's fetch.
      ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    if (!response.ok) throw await this.failure(response);
    return response;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }
}
