// What the service worker (service-worker.ts) does with a request, and which caches are its own:
// pure, so it is tested without a worker.

/** Every cache of the app shell is named this plus the build's version. */
export const SHELL_CACHE_PREFIX = 'linchpin-shell-';

export const shellCacheName = (version: string) => `${SHELL_CACHE_PREFIX}${version}`;

/**
 * `network`: not the worker's business (the API above all: answers are a person's own data and
 * are never cached by the worker, so nobody else on the device can be shown them; other origins;
 * anything but GET). `page`: a navigation, answered with this build's index.html. `file`: the
 * build's own files (hashed assets, icons, the manifest), from the cache.
 */
export function handlingOf(
  request: { method: string; mode: string; url: string },
  origin: string,
): 'network' | 'page' | 'file' {
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== origin) return 'network';
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return 'network';
  if (url.pathname === '/sw.js') return 'network';
  return request.mode === 'navigate' ? 'page' : 'file';
}

/** The shell caches of other builds: deleted once this build's worker takes over. */
export const staleShellCaches = (names: string[], version: string) =>
  names.filter((name) => name.startsWith(SHELL_CACHE_PREFIX) && name !== shellCacheName(version));
