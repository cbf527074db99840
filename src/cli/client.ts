import { type Api, type ApiError, apiErrorOf, createApi, type ErrorBody } from '../client/index.ts';
import { type CliConfig, loadConfig } from './config.ts';

export class CliError extends Error {}

export type ApiErrorBody = ErrorBody;

/** The API's error shape as one readable message, each field's problem on its own line. */
export function errorOf(status: number, payload: ApiErrorBody, statusText = ''): CliError {
  return cliErrorOf(status, payload.error?.message ?? statusText, payload.error?.fields);
}

function cliErrorOf(status: number, message: string, fields: Record<string, string> = {}, cause?: ApiError) {
  const lines = Object.entries(fields)
    .map(([field, problem]) => `\n  ${field}: ${problem}`)
    .join('');
  return new CliError(`${message} (HTTP ${status})${lines}`, { cause });
}

/** A bearer token the server refused (401). */
export class UnauthorizedError extends CliError {}

/** What the CLI says when a server cannot be reached (fetch failed before any answer). */
export const unreachable = (server: string) => (error: unknown) =>
  new CliError(`Cannot reach ${server}: ${(error as Error).cause ?? (error as Error).message}`);

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
    throw unreachable(server)(error);
  }
}

/** The typed API client (src/client) for a server, without a token: for the public routes. */
export function publicApi(server: string, fetchImpl?: (request: Request) => Promise<Response>): Api {
  return createApi({
    baseUrl: new URL('/api', server).href,
    fetch: fetchImpl,
    fallbackMessage: (response) => response.statusText,
    toError: (error) => cliErrorOf(error.status, error.message, error.fields, error),
    unreachable: unreachable(server),
  });
}

/**
 * The CLI's REST client: the typed client of src/client with the saved bearer token (the CLI uses
 * the same API as every other program). Calls resolve with the answer or throw a CliError.
 */
export class ApiClient {
  readonly GET: Api['GET'];
  readonly POST: Api['POST'];
  readonly PUT: Api['PUT'];
  readonly PATCH: Api['PATCH'];
  readonly DELETE: Api['DELETE'];

  /** The server's origin, for links the CLI prints. */
  get server(): string {
    return this.config.server.replace(/\/$/, '');
  }

  constructor(private readonly config: CliConfig) {
    const api = createApi({
      baseUrl: new URL('/api', config.server).href,
      headers: { authorization: `Bearer ${config.token}` },
      fallbackMessage: (response) => response.statusText,
      toError: (error) => this.failure(error),
      unreachable: unreachable(config.server),
    });
    this.GET = api.GET;
    this.POST = api.POST;
    this.PUT = api.PUT;
    this.PATCH = api.PATCH;
    this.DELETE = api.DELETE;
  }

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

  private failure(error: ApiError): CliError {
    if (error.status === 401) {
      return new UnauthorizedError(
        'The saved token is not valid any more (revoked, expired or the person was deactivated). ' +
          `Run \`linchpin login --server ${this.config.server}\` again.`,
        { cause: error },
      );
    }
    return cliErrorOf(error.status, error.message, error.fields, error);
  }

  /**
   * A request whose body is streamed (an upload read as it is sent) and whose answer the caller
   * reads itself (streamed progress): openapi-fetch does not stream request bodies. Errors in the
   * API's shape still become a CliError.
   */
  async stream(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: BodyInit } = {},
  ) {
    const response = await send(this.config.server, path, {
      method,
      headers: { authorization: `Bearer ${this.config.token}`, ...init.headers },
      body: init.body,
      // A streamed upload (a file read as it is sent) needs half-duplex mode in Node's fetch.
      ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => ({}));
      throw this.failure(apiErrorOf(response.status, body, response.statusText));
    }
    return response;
  }
}
