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

/** A small REST client: the CLI uses the same API as every other program. */
export class ApiClient {
  constructor(private readonly config: CliConfig) {}

  static fromConfig(): ApiClient {
    const config = loadConfig();
    if (!config) {
      throw new CliError(
        'Not logged in. Run `linchpin login --server URL --token TOKEN` (get a token with `linchpin admin create-token --email E`).',
      );
    }
    return new ApiClient(config);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = new URL(`/api${path}`, this.config.server);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${this.config.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new CliError(
        `Cannot reach ${this.config.server}: ${(error as Error).cause ?? (error as Error).message}`,
      );
    }
    if (response.status === 204) return undefined as T;
    const payload = (await response.json().catch(() => ({}))) as T & ApiErrorBody;
    if (!response.ok) throw errorOf(response.status, payload, response.statusText);
    return payload;
  }

  /**
   * A request whose answer the caller reads itself (files, streamed progress). Errors in the API's
   * shape still become a CliError.
   */
  async raw(method: string, path: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) {
    const url = new URL(`/api${path}`, this.config.server);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${this.config.token}`, ...init.headers },
        body: init.body,
        // A streamed upload (a file read as it is sent) needs half-duplex mode in Node's fetch.
        ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      throw new CliError(
        `Cannot reach ${this.config.server}: ${(error as Error).cause ?? (error as Error).message}`,
      );
    }
    if (!response.ok)
      throw errorOf(response.status, await response.json().catch(() => ({})), response.statusText);
    return response;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body ?? {});
  }
}
