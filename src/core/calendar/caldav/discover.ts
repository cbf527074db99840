import type { DAVAccount, DAVCalendar } from 'tsdav';
import { AppError } from '../../errors.ts';
import { subscriptionUrl } from '../remote.ts';
import { type CaldavOptions, type Conversation, conversation, talk } from './conversation.ts';

export interface CaldavLogin {
  url: string;
  username: string;
  password: string;
}

/** A calendar the server has, as the user picks among them. */
export interface DiscoveredCalendar {
  href: string;
  name: string;
  color: string | null;
  /** Holds events (VEVENT); task lists and journals are shown but cannot be picked. */
  supportsEvents: boolean;
}

/** A signed-in view of the server, for one exchange: what discovery found and how to ask it more. */
export interface CaldavSession {
  talking: Conversation;
  headers: Record<string, string>;
  account: DAVAccount;
  calendars: DAVCalendar[];
  /** The calendar the address itself names, when it names one. */
  given: string | null;
}

const withSlash = (href: string) => (href.endsWith('/') ? href : `${href}/`);

/**
 * Signs in and walks principal → calendar home → calendars (tsdav: /.well-known/caldav, then
 * current-user-principal, calendar-home-set, a depth-1 PROPFIND), from whatever address the user
 * had: the server's root, their principal, or one calendar.
 */
export async function openSession(login: CaldavLogin, options: CaldavOptions = {}): Promise<CaldavSession> {
  const serverUrl = subscriptionUrl(login.url);
  if (new URL(serverUrl).username || new URL(serverUrl).password) {
    throw AppError.invalid('url', 'must not hold a username or password: give them in their own fields');
  }
  // tsdav (with its XML parser, ~0.7 MB) is loaded by the first CalDAV conversation, not at start.
  const { createAccount, fetchCalendars, getBasicAuthHeaders } = await import('tsdav');
  const talking = conversation(serverUrl, options);
  const headers = getBasicAuthHeaders({ username: login.username, password: login.password });
  return talk(talking, async () => {
    const account = await createAccount({
      account: { serverUrl, accountType: 'caldav' },
      headers,
      fetch: talking.fetch,
    });
    const calendars = await fetchCalendars({ account, headers, fetch: talking.fetch });
    const given = calendars.find((c) => withSlash(c.url) === withSlash(serverUrl))?.url ?? null;
    return { talking, headers, account, calendars, given };
  });
}

export function describe(calendar: DAVCalendar): DiscoveredCalendar {
  const name = typeof calendar.displayName === 'string' ? calendar.displayName.trim() : '';
  const components = calendar.components ?? [];
  return {
    href: calendar.url,
    name: name || lastSegment(calendar.url),
    color: typeof calendar.calendarColor === 'string' ? calendar.calendarColor : null,
    supportsEvents: components.length === 0 || components.includes('VEVENT'),
  };
}

/** Two addresses of one collection, with or without the closing slash. */
export const sameHref = (a: string, b: string) => a.replace(/\/$/, '') === b.replace(/\/$/, '');

/** A calendar's address named by its last path segment, as written when it is not valid %-encoding. */
function lastSegment(href: string): string {
  const segment = new URL(href).pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** What the server at the address has (the password is only used, never kept). */
export async function discoverCalendars(
  login: CaldavLogin,
  options: CaldavOptions = {},
): Promise<{ calendars: DiscoveredCalendar[]; given: string | null }> {
  const session = await openSession(login, options);
  return { calendars: session.calendars.map(describe), given: session.given };
}
