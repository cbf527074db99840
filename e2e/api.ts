/**
 * The REST API as the end-to-end tests call it, to build the state a test starts from (the thing
 * under test is then done in the browser or the CLI). Every call goes to a real server process.
 */

export type Role = 'owner' | 'leader' | 'member';

/** The `name=value` pairs of a response's cookies, as a `cookie` request header. */
export function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body}`);
  }
}

/**
 * One caller of the API: a session cookie (writes then carry the same-origin `Origin` the CSRF
 * check wants) or a bearer token, or nobody (the public routes).
 */
export class Api {
  constructor(
    readonly url: string,
    private readonly auth: { cookie?: string; token?: string } = {},
  ) {}

  /** The raw response; `body` is sent as JSON unless it is a string (then with `contentType`). */
  send(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { origin: this.url };
    if (this.auth.cookie) headers.cookie = this.auth.cookie;
    if (this.auth.token) headers.authorization = `Bearer ${this.auth.token}`;
    if (body !== undefined) headers['content-type'] = contentType;
    return fetch(`${this.url}/api${path}`, {
      method,
      headers,
      body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** The JSON answer (undefined when empty); anything but 2xx throws with the status and body. */
  async call<T = any>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
    const res = await this.send(method, path, body, contentType);
    const text = await res.text();
    if (!res.ok) throw new ApiError(res.status, text, `${method} ${path}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get = <T = any>(path: string) => this.call<T>('GET', path);
  post = <T = any>(path: string, body: unknown = {}) => this.call<T>('POST', path, body);
  put = <T = any>(path: string, body: unknown) => this.call<T>('PUT', path, body);
  patch = <T = any>(path: string, body: unknown) => this.call<T>('PATCH', path, body);
  delete = (path: string) => this.call('DELETE', path);
}

export interface Founder {
  workspace: string;
  name: string;
  email: string;
  password: string;
}

export const PASSWORD = 'correct horse battery';
export const FOUNDER: Founder = {
  workspace: 'Acme Supplies',
  name: 'Ann Owner',
  email: 'ann@acme.test',
  password: PASSWORD,
};
/** The zone the browser runs in (it is the test process's): what the web app would send. */
export const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** First-run setup through `POST /api/setup`; answers the owner's session cookie. */
export async function setUp(url: string, founder: Founder = FOUNDER, timeZone = LOCAL_ZONE): Promise<string> {
  const res = await new Api(url).send('POST', '/setup', {
    workspaceName: founder.workspace,
    name: founder.name,
    email: founder.email,
    password: founder.password,
    timeZone,
  });
  if (res.status !== 201) throw new ApiError(res.status, await res.text(), 'setup');
  return cookieOf(res);
}

/** Signs in with e-mail and password, as the sign-in form does; answers the session cookie. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await new Api(url).send('POST', '/auth/sign-in/email', { email, password });
  if (!res.ok) throw new ApiError(res.status, await res.text(), `sign-in of ${email}`);
  return cookieOf(res);
}

/** The one-time token in an invitation (or reset) link: the part after `#/invite/`. */
export const tokenOf = (link: string) => link.slice(link.lastIndexOf('/') + 1);

/** Joins by an invitation link as the invitee would; answers the new person's session cookie. */
export async function acceptInvitation(
  url: string,
  link: string,
  person: { name: string; password: string; timeZone: string },
): Promise<string> {
  const res = await new Api(url).send('POST', `/public/invitations/${tokenOf(link)}`, person);
  if (res.status !== 201) throw new ApiError(res.status, await res.text(), 'accepting an invitation');
  return cookieOf(res);
}
