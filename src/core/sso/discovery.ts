import { discoveryUrlOf, type SsoConfig } from './config.ts';

const DISCOVERY_DEADLINE_MS = 5_000;

/**
 * Whether the provider's discovery document can be asked for without hanging. better-auth fetches
 * it while it starts, with no deadline, and every sign-in and session check waits for that start: a
 * provider that takes the connection and never answers would stall the whole server. A quick "no"
 * (refused, 404) is fine: better-auth then retries on each SSO start, with its own 10 s limit.
 */
export async function discoveryAnswersInTime(
  config: SsoConfig,
  deadlineMs = DISCOVERY_DEADLINE_MS,
): Promise<boolean> {
  try {
    const response = await fetch(discoveryUrlOf(config), {
      signal: AbortSignal.timeout(deadlineMs),
      headers: { accept: 'application/json' },
    });
    await response.body?.cancel();
    return true;
  } catch (error) {
    return !(error instanceof DOMException && error.name === 'TimeoutError');
  }
}
