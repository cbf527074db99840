/**
 * The typed client of the Linchpin API, shared by the web app and the CLI: openapi-fetch over the
 * types generated from the server's own OpenAPI document (openapi.d.ts, `npm run api:types`).
 * A call resolves with the body of the success answer; an error answer (the API's error shape,
 * `{"error":{"code","message","fields"}}`) or no answer at all is thrown.
 */
import createClient, {
  type Client,
  type ClientOptions,
  type FetchResponse,
  type MaybeOptionalInit,
} from 'openapi-fetch';
import type { components, paths } from './openapi.d.ts';

export type { components, paths } from './openapi.d.ts';

export type FieldErrors = Record<string, string>;

/** An error answer of the API (status 0: no answer, e.g. the network is down). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The API's error shape (the `Error` schema); every part may be missing in an answer not from Linchpin. */
export interface ErrorBody {
  error?: Partial<components['schemas']['Error']['error']>;
}

/** The ApiError an error answer stands for; `fallback` is the message when the body has none. */
export function apiErrorOf(status: number, body: unknown, fallback: string): ApiError {
  const error = typeof body === 'object' && body !== null ? (body as ErrorBody).error : undefined;
  return new ApiError(status, error?.code ?? 'unknown', error?.message ?? fallback, error?.fields);
}

// ---- types of the API's operations, from the generated `paths` -------------------------------

export type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
export type Path = keyof paths;
/** The paths that have an operation for `M`. */
export type PathWith<M extends Method> = {
  [P in Path]: paths[P] extends { [K in M]: { responses: unknown } } ? P : never;
}[Path];
type Operation<P extends Path, M extends Method> = paths[P] extends { [K in M]: infer O } ? O : never;
type Responses<P extends Path, M extends Method> = Operation<P, M> extends { responses: infer R } ? R : never;
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type SuccessStatus = 200 | 201 | 202 | 203 | 206;

/**
 * The JSON body of a success answer of an operation, e.g. `ApiAnswer<'/reports/week', 'get'>`;
 * give `S` for one status only (`ApiAnswer<'/public/device-codes/token', 'post', 200>`).
 */
export type ApiAnswer<
  P extends Path,
  M extends Method,
  S extends keyof Responses<P, M> = Extract<keyof Responses<P, M>, SuccessStatus>,
> = JsonOf<Responses<P, M>[S]>;

/** The JSON request body of an operation, e.g. `ApiBody<'/activities', 'post'>`. */
export type ApiBody<P extends Path, M extends Method> =
  Operation<P, M> extends {
    requestBody?: { content: { 'application/json': infer T } };
  }
    ? T
    : never;

/** The query parameters of an operation, e.g. `ApiQuery<'/activities', 'get'>`. */
export type ApiQuery<P extends Path, M extends Method> =
  Operation<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? NonNullable<Q>
    : never;

// ---- the client -------------------------------------------------------------------------------

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** The second argument (path, query, body…): required exactly when the operation needs one. */
type InitParam<Init> =
  RequiredKeys<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }];
type Media = `${string}/${string}`;
type Data<T> = [Exclude<T, undefined>] extends [never] ? undefined : Exclude<T, undefined>;

/** One HTTP method of the client: resolves with the success answer's body, throws on errors. */
export type ApiMethod<M extends Method> = <
  P extends PathWith<M>,
  Init extends MaybeOptionalInit<paths[P], M>,
>(
  url: P,
  ...init: InitParam<Init>
) => Promise<Data<FetchResponse<Operation<P, M> & Record<string | number, unknown>, Init, Media>['data']>>;

export interface Api {
  GET: ApiMethod<'get'>;
  POST: ApiMethod<'post'>;
  PUT: ApiMethod<'put'>;
  PATCH: ApiMethod<'patch'>;
  DELETE: ApiMethod<'delete'>;
  /** openapi-fetch's own client (answers as `{ data, error, response }`), for callers that read statuses. */
  fetchClient: Client<paths>;
}

export interface ApiOptions extends ClientOptions {
  /** The message of an error answer whose body has none (not Linchpin's, e.g. a proxy's page). */
  fallbackMessage?: (response: Response) => string;
  /** What is thrown for an error answer (default: the ApiError itself), e.g. the CLI's own errors. */
  toError?: (error: ApiError, response: Response) => Error;
  /** What is thrown when no answer came (fetch failed: server down, no network, bad address). */
  unreachable?: (cause: unknown) => Error;
}

const defaultFallback = (response: Response) =>
  `The server answered ${response.status} ${response.statusText}`.trim();

export function createApi(options: ApiOptions = {}): Api {
  const {
    fallbackMessage = defaultFallback,
    toError = (error) => error,
    unreachable,
    ...clientOptions
  } = options;
  const raw = createClient<paths>(clientOptions);
  if (unreachable) raw.use({ onError: ({ error }) => unreachable(error) });
  const call =
    (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') =>
    async (url: string, init?: Record<string, unknown>) => {
      // The generics of openapi-fetch are checked at the call sites (ApiMethod); here any path goes.
      const request = raw.request as unknown as (
        method: string,
        url: string,
        init?: Record<string, unknown>,
      ) => ReturnType<Client<paths>['request']>;
      const { data, error, response } = await request(method, url, init);
      if (!response.ok)
        throw toError(apiErrorOf(response.status, error, fallbackMessage(response)), response);
      return data;
    };
  return {
    GET: call('GET') as ApiMethod<'get'>,
    POST: call('POST') as ApiMethod<'post'>,
    PUT: call('PUT') as ApiMethod<'put'>,
    PATCH: call('PATCH') as ApiMethod<'patch'>,
    DELETE: call('DELETE') as ApiMethod<'delete'>,
    fetchClient: raw,
  };
}
