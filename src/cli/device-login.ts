import { CliError, errorOf, publicApi } from './client.ts';

export interface DeviceLoginOptions {
  server: string;
  clientName: string;
  /** Where the code and the link are shown to the person. */
  say: (line: string) => void;
  /** openapi-fetch's fetch (one Request): tests answer without a server. */
  fetch?: (request: Request) => Promise<Response>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** RFC 8628 §3.5: a client told to slow down waits 5 seconds longer from then on. */
const SLOW_DOWN_MS = 5_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Signs in the way `gh auth login` does (RFC 8628): asks the server for a one-time code, shows it
 * with the page where a signed-in person approves it, and polls until a token is handed out.
 */
export async function deviceLogin(options: DeviceLoginOptions): Promise<{ token: string; name: string }> {
  const sleep = options.sleep ?? wait;
  const now = options.now ?? Date.now;
  // The public routes, read by status (openapi-fetch's `{ data, error, response }`).
  const api = publicApi(options.server, options.fetch).fetchClient;
  const started = await api.POST('/public/device-codes', { body: { clientName: options.clientName } });
  // A server from before device login answers 401 (an unknown path behind sign-in) or 404.
  if (started.response.status === 401 || started.response.status === 404) {
    throw new CliError(
      `${options.server} does not offer sign-in from the browser; use \`linchpin login --server ${options.server} --token TOKEN\`.`,
    );
  }
  if (!started.data) {
    throw errorOf(started.response.status, started.error ?? {}, started.response.statusText);
  }
  const code = started.data;
  options.say(`First copy your one-time code: ${code.userCode}`);
  options.say(
    `Then open ${code.verificationUriComplete} in a browser where you are signed in to Linchpin, and approve.`,
  );

  const expired = new CliError('The code expired; run linchpin login again.');
  const deadline = now() + code.expiresIn * 1000;
  let interval = code.interval * 1000;
  while (true) {
    await sleep(interval);
    if (now() > deadline) throw expired;
    const { data, error, response } = await api.POST('/public/device-codes/token', {
      body: { deviceCode: code.deviceCode },
    });
    switch (response.status) {
      case 200:
        if (data && 'token' in data) return { token: data.token, name: data.name };
        break;
      case 202:
        continue;
      case 429: {
        const retryAfter = Number(response.headers.get('retry-after')) * 1000;
        interval = Math.max(interval + SLOW_DOWN_MS, Number.isFinite(retryAfter) ? retryAfter : 0);
        continue;
      }
      case 403:
        throw new CliError('Sign-in was denied in the browser.');
      case 410:
        throw expired;
      case 404:
        throw new CliError('The server does not know this sign-in code any more; run linchpin login again.');
      default:
        throw errorOf(response.status, error ?? {}, response.statusText);
    }
    throw errorOf(response.status, {}, 'the server answered without a token');
  }
}
