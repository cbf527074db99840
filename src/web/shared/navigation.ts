import { useSyncExternalStore } from 'react';
import { isIsoWeek } from './dates.ts';

/** The pages, addressed by the URL hash so a reload keeps the place: `#/week/2026-W47`, `#/settings`. */
export type Route = { page: 'week'; week?: string } | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const [page, arg] = hash.replace(/^#\/?/, '').split('/');
  if (page === 'settings') return { page: 'settings' };
  return arg && isIsoWeek(arg) ? { page: 'week', week: arg } : { page: 'week' };
}

export const hrefOf = (route: Route) =>
  route.page === 'settings' ? '#/settings' : route.week ? `#/week/${route.week}` : '#/week';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(route: Route, options: { replace?: boolean } = {}) {
  const href = hrefOf(route);
  if (options.replace) {
    window.history.replaceState(null, '', href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}
