import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';

/**
 * Requests the first screen does not need (the bell, the quick-add's account list, the Week's trend)
 * wait until the page's own have been answered. On the embedded database the server answers one
 * query at a time: asked together with the board's, they held it up (`npm run bench -- browser`).
 */
let answered = false;
const listeners = new Set<() => void>();

function open() {
  answered = true;
  for (const listener of listeners) listener();
  listeners.clear();
}

/**
 * Rendered after the signed-in page, inside the page's Suspense boundary: its effect runs once the
 * page has mounted and its queries have started (outside, it ran while a page whose chunk was still
 * loading showed its fallback, and opened at once). Opens the gate once nothing is being fetched.
 */
export function FirstScreenGate() {
  const client = useQueryClient();
  useEffect(() => {
    if (answered) return;
    const check = () => {
      if (client.isFetching() > 0) return;
      unsubscribe();
      open();
    };
    const unsubscribe = client.getQueryCache().subscribe(check);
    check();
    return unsubscribe;
  }, [client]);
  return null;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** False until the first screen's requests are answered: a secondary query's `enabled`. */
export function useAfterFirstScreen(): boolean {
  return useSyncExternalStore(subscribe, () => answered);
}
