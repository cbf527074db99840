import { useEffect } from 'react';
import { navigate, type Route, useRoute } from '../../shared/navigation.ts';

/** Up to this width the app is laid out for a phone: keep in step with the CSS's `@media (max-width: 720px)`. */
export const PHONE_QUERY = '(max-width: 720px)';

/**
 * The page the address names. With none (`#/`) a phone opens on Today, and the address says so
 * (a rotated phone stays there); a wider screen opens on the Week, whose page names its week.
 */
export function useAppRoute(): Route {
  const named = useRoute();
  const home = named.page === 'home';
  const phone = home && window.matchMedia(PHONE_QUERY).matches;
  useEffect(() => {
    if (phone) navigate({ page: 'today' }, { replace: true });
  }, [phone]);
  if (!home) return named;
  return phone ? { page: 'today' } : { page: 'week' };
}
