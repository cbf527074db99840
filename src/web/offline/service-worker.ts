// The service worker, built by worker-build.ts into dist/web/sw.js with the build's file list
// (__SHELL__) and version (__VERSION__). It keeps this build's app shell in a cache of its own so the
// app opens without a connection; a new build's worker waits until the person accepts the update.
import { handlingOf, shellCacheName, staleShellCaches } from './shell-cache.ts';

declare const __SHELL__: string[];
declare const __VERSION__: string;

// The worker's own types (the WebWorker lib cannot sit beside the DOM lib in one program).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const cacheName = shellCacheName(__VERSION__);

worker.addEventListener('install', (event) => {
  // `reload`: straight from the server, never an older copy from the HTTP cache.
  const requests = __SHELL__.map((path) => new Request(path, { cache: 'reload' }));
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(requests)));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(staleShellCaches(names, __VERSION__).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

// The page's update prompt: the person said Reload.
worker.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void worker.skipWaiting();
});

worker.addEventListener('fetch', (event) => {
  const handling = handlingOf(event.request, worker.location.origin);
  if (handling === 'network') return;
  const cached = (cache: Cache) =>
    handling === 'page' ? cache.match('/index.html') : cache.match(event.request);
  event.respondWith(
    caches
      .open(cacheName)
      .then(cached)
      .then((response) => response ?? fetch(event.request)),
  );
});
