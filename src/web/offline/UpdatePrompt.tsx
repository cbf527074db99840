import { useSyncExternalStore } from 'react';

/**
 * The service worker's side in the page: registers /sw.js (built apps only) and says when a new
 * version's worker is installed and waiting. Accepting tells it to take over; the page reloads once
 * it has, so the app on screen is always the one the worker serves.
 */
let waiting: ServiceWorker | null = null;
let accepted = false;
const listeners = new Set<() => void>();

function found(worker: ServiceWorker | null) {
  // Without a controller this is the first install: nothing older is on screen.
  if (!worker || !navigator.serviceWorker.controller) return;
  waiting = worker;
  for (const listener of listeners) listener();
}

export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) window.location.reload();
  });
  void navigator.serviceWorker.register('/sw.js').then((registration) => {
    found(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') found(installing);
      });
    });
    // A phone keeps the app open for days: look for a new version whenever it comes back to view.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void registration.update().catch(() => undefined);
    });
  });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** "A new version of Linchpin is ready — Reload", while a new version waits. */
export function UpdatePrompt() {
  const worker = useSyncExternalStore(subscribe, () => waiting);
  if (!worker) return null;
  const reload = () => {
    accepted = true;
    worker.postMessage('skip-waiting');
  };
  return (
    <div className="update-prompt" role="status" data-testid="update-prompt">
      <p>A new version of Linchpin is ready</p>
      <button type="button" className="button button--primary button--small" onClick={reload}>
        Reload
      </button>
    </div>
  );
}
