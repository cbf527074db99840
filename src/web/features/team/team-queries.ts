import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Person, TeamPrivacy } from '../../api/types.ts';
import { useRefreshingMutation } from '../../shared/query-client.ts';

/** Every team figure hangs under this key: a change of roles or privacy makes all of it stale. */
export const TEAM_KEY = ['team'] as const;
const PRIVACY_KEY = ['team', 'privacy'] as const;

/** The team page of a week (the owner's: the whole workspace unless `leaderId`). */
export function useTeam(week: string, leaderId: string | undefined) {
  return useQuery({
    queryKey: [...TEAM_KEY, 'view', week, leaderId ?? 'all'],
    queryFn: () => api.GET('/team', { params: { query: { week, leaderId } } }),
    // Moving a week (or clicking the heatmap) keeps the page in place while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** Your own row exactly as your leader (and the owner) see it. */
export function useLeaderView(week: string) {
  return useQuery({
    queryKey: [...TEAM_KEY, 'leader-view', week],
    queryFn: () => api.GET('/me/leader-view', { params: { query: { week } } }),
  });
}

/** The workspace's setting, as the owner edits it. */
export function useTeamPrivacy() {
  return useQuery({ queryKey: PRIVACY_KEY, queryFn: () => api.GET('/workspace/team-privacy') });
}

/** The owner sets the mode; every team page and leader view changes with it. */
export function useSetTeamPrivacy() {
  return useRefreshingMutation(
    (body: TeamPrivacy) => api.PUT('/workspace/team-privacy', { body }),
    (queryClient, privacy) => {
      queryClient.setQueryData(PRIVACY_KEY, privacy);
      return queryClient.invalidateQueries({ queryKey: TEAM_KEY });
    },
  );
}

/** The CSV download of one table of the team page, as the page shows it. */
export function exportHref(table: 'people' | 'accounts', week: string, leaderId: string | undefined): string {
  const query = new URLSearchParams({ week, table });
  if (leaderId) query.set('leaderId', leaderId);
  return `/api/team/export?${query}`;
}

/**
 * Whose team the viewer may pick besides their default: the owner, every active leader and owner
 * (themselves included: the people reporting to them); a leader, the leaders below them.
 */
export function pickableLeaders(people: Person[], me: { id: string; role: Person['role'] }): Person[] {
  const leaders = people.filter((p) => p.role !== 'member' && p.status !== 'deactivated');
  if (me.role === 'owner') return leaders;
  const byId = new Map(people.map((p) => [p.id, p]));
  /** Whether `me` is above `person`: walk up their reporting line (it never loops; stop anyway). */
  const isBelowMe = (person: Person) => {
    const seen = new Set<string>();
    let up = person.leaderId;
    while (up && !seen.has(up)) {
      if (up === me.id) return true;
      seen.add(up);
      up = byId.get(up)?.leaderId ?? null;
    }
    return false;
  };
  return leaders.filter((p) => p.id !== me.id && isBelowMe(p));
}
