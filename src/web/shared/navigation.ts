import { useSyncExternalStore } from 'react';
import { isIsoWeek } from './dates.ts';

export const SETTINGS_SECTIONS = [
  'profile',
  'notifications',
  'calendar-feed',
  'leader-view',
  'people',
  'team-privacy',
  'sign-in',
  'tokens',
  'password',
  'audit',
] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

const isSettingsSection = (value: string | undefined): value is SettingsSection =>
  (SETTINGS_SECTIONS as readonly (string | undefined)[]).includes(value);

/**
 * The pages, addressed by the URL hash so a reload keeps the place: `#/week/2026-W47`,
 * `#/settings/people`, `#/accounts/<id>`, `#/accounts/<id>/decisions/<decisionId>`.
 */
export type Route =
  /** No page named (`#/`): the home, which is Today on a phone and the Week elsewhere. */
  | { page: 'home' }
  | { page: 'week'; week?: string }
  | { page: 'settings'; section?: SettingsSection }
  | { page: 'import' }
  | { page: 'review' }
  | { page: 'rules' }
  | { page: 'reflections' }
  | { page: 'today' }
  | { page: 'plan'; week?: string }
  /** A leader's team (the owner's: the workspace, or `leaderId`'s team) in a week. */
  | { page: 'team'; week?: string; leaderId?: string }
  /** An account (none: the list); `decision` is one of its decisions, shown highlighted (a notification's link). */
  | { page: 'accounts'; id?: string; decision?: string }
  | { page: 'scorecard'; id: string }
  /** A customer's rating form: public, no sign-in. */
  | { page: 'rate'; token: string }
  /** Public too: joining by an invitation link, asking for and using a password-reset link. */
  | { page: 'invite'; token: string }
  | { page: 'forgot' }
  | { page: 'reset'; token: string }
  /** Approving a device's sign-in (`linchpin login`); needs a session. */
  | { page: 'device'; code?: string };

const SIMPLE_PAGES = ['forgot', 'import', 'review', 'rules', 'reflections', 'today'] as const;
type SimplePage = (typeof SIMPLE_PAGES)[number];

const isSimplePage = (page: string | undefined): page is SimplePage =>
  (SIMPLE_PAGES as readonly (string | undefined)[]).includes(page);

export function parseRoute(hash: string): Route {
  const [page, arg, extra, decision] = hash.replace(/^#\/?/, '').split('/');
  if (!page) return { page: 'home' };
  if (isSimplePage(page)) return { page };
  if (page === 'settings') return isSettingsSection(arg) ? { page, section: arg } : { page };
  if (page === 'accounts') {
    if (!arg) return { page };
    const id = decodeURIComponent(arg);
    return extra === 'decisions' && decision
      ? { page, id, decision: decodeURIComponent(decision) }
      : { page, id };
  }
  if (page === 'plan') return arg && isIsoWeek(arg) ? { page: 'plan', week: arg } : { page: 'plan' };
  if (page === 'team') {
    if (!arg || !isIsoWeek(arg)) return { page: 'team' };
    return extra ? { page, week: arg, leaderId: decodeURIComponent(extra) } : { page, week: arg };
  }
  if (page === 'scorecard' && arg) return { page: 'scorecard', id: decodeURIComponent(arg) };
  if ((page === 'rate' || page === 'invite' || page === 'reset') && arg) return { page, token: arg };
  if (page === 'device') return arg ? { page, code: decodeURIComponent(arg).toUpperCase() } : { page };
  return arg && isIsoWeek(arg) ? { page: 'week', week: arg } : { page: 'week' };
}

export function hrefOf(route: Route): string {
  if (route.page === 'home') return '#/';
  if (route.page === 'accounts') {
    if (!route.id) return '#/accounts';
    const account = `#/accounts/${encodeURIComponent(route.id)}`;
    return route.decision ? `${account}/decisions/${encodeURIComponent(route.decision)}` : account;
  }
  if (route.page === 'week') return route.week ? `#/week/${route.week}` : '#/week';
  if (route.page === 'plan') return route.week ? `#/plan/${route.week}` : '#/plan';
  if (route.page === 'team') {
    if (!route.week) return '#/team';
    return `#/team/${route.week}${route.leaderId ? `/${encodeURIComponent(route.leaderId)}` : ''}`;
  }
  if (route.page === 'scorecard') return `#/scorecard/${encodeURIComponent(route.id)}`;
  if (route.page === 'rate' || route.page === 'invite' || route.page === 'reset')
    return `#/${route.page}/${route.token}`;
  if (route.page === 'settings') return route.section ? `#/settings/${route.section}` : '#/settings';
  if (route.page === 'device') return route.code ? `#/device/${encodeURIComponent(route.code)}` : '#/device';
  return `#/${route.page}`;
}

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
