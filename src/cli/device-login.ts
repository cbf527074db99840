import { type ApiErrorBody, CliError, errorOf, send } from './client.ts';

/** POST /api/public/device-codes → 201 */
export interface DeviceCode {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  expiresIn: number;
  interval: number;
}

export interface DeviceLoginOptions {
  server: string;
  clientName: string;
  /** Where the code and the link are shown to the person. */
  say: (line: string) => void;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** RFC 8628 §3.5: a client told to slow down waits 5 seconds longer from then on. */
const SLOW_DOWN_MS = 5_000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function postJson(options: DeviceLoginOptions, path: string, body: unknown) {
  const response = await send(
    options.server,
    path,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
    options.fetch,
  );
  const payload = (await response.json().catch(() => ({}))) as ApiErrorBody & Record<string, unknown>;
  return { response, payload };
}

/**
 * Signs in the way `gh auth login` does (RFC 8628): asks the server for a one-time code, shows it
 * with the page where a signed-in person approves it, and polls until a token is handed out.
 */
export async function deviceLogin(options: DeviceLoginOptions): Promise<{ token: string; name: string }> {
  const sleep = options.sleep ?? wait;
  const now = options.now ?? Date.now;
  const started = await postJson(options, '/public/device-codes', { clientName: options.clientName });
  // A server from before device login answers 401 (an unknown path behind sign-in) or 404.
  if (started.response.status === 401 || started.response.status === 404) {
    throw new CliError(
      `${options.server} does not offer sign-in from the browser; use \`linchpin login --server ${options.server} --token TOKEN\`.`,
    );
  }
  if (!started.response.ok) {
    throw errorOf(started.response.status, started.payload, started.response.statusText);
  }
  const code = started.payload as unknown as DeviceCode;
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
    const { response, payload } = await postJson(options, '/public/device-codes/token', {
      deviceCode: code.deviceCode,
    });
    switch (response.status) {
      case 200:
        return { token: String(payload.token), name: String(payload.name) };
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
        throw errorOf(response.status, payload, response.statusText);
    }
  }
}
