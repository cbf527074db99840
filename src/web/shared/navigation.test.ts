import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from './navigation.ts';

describe('routes in the URL hash', () => {
  it.each<[string, Route]>([
    ['#/', { page: 'home' }],
    ['#/settings', { page: 'settings' }],
    ['#/settings/people', { page: 'settings', section: 'people' }],
    ['#/settings/audit', { page: 'settings', section: 'audit' }],
    ['#/invite/abc_DEF-123', { page: 'invite', token: 'abc_DEF-123' }],
    ['#/forgot', { page: 'forgot' }],
    ['#/reset/abc_DEF-123', { page: 'reset', token: 'abc_DEF-123' }],
    ['#/device', { page: 'device' }],
    ['#/device/ABCD-EFGH', { page: 'device', code: 'ABCD-EFGH' }],
    ['#/team', { page: 'team' }],
    ['#/team/2026-W47', { page: 'team', week: '2026-W47' }],
    ['#/team/2026-W47/user_1', { page: 'team', week: '2026-W47', leaderId: 'user_1' }],
    ['#/settings/team-privacy', { page: 'settings', section: 'team-privacy' }],
    ['#/settings/leader-view', { page: 'settings', section: 'leader-view' }],
    ['#/settings/notifications', { page: 'settings', section: 'notifications' }],
    ['#/settings/calendar-feed', { page: 'settings', section: 'calendar-feed' }],
    ['#/accounts', { page: 'accounts' }],
    ['#/accounts/acc_1', { page: 'accounts', id: 'acc_1' }],
    ['#/accounts/acc_1/decisions/dec_2', { page: 'accounts', id: 'acc_1', decision: 'dec_2' }],
  ])('%s is read and written back alike', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(hrefOf(route)).toBe(hash);
  });

  it('reads a device code typed in lower case as the code', () => {
    expect(parseRoute('#/device/abcd-efgh')).toEqual({ page: 'device', code: 'ABCD-EFGH' });
  });

  it('shows the profile for a settings section it does not know', () => {
    expect(parseRoute('#/settings/nonsense')).toEqual({ page: 'settings' });
  });

  it('shows the current week of a team page whose week it cannot read', () => {
    expect(parseRoute('#/team/nonsense/user_1')).toEqual({ page: 'team' });
  });

  it('decodes the ids of a link to a decision', () => {
    expect(parseRoute('#/accounts/acc%201/decisions/dec%2F2')).toEqual({
      page: 'accounts',
      id: 'acc 1',
      decision: 'dec/2',
    });
  });

  it('shows the account for a decision link without a decision, or anything else after the account', () => {
    expect(parseRoute('#/accounts/acc_1/decisions')).toEqual({ page: 'accounts', id: 'acc_1' });
    expect(parseRoute('#/accounts/acc_1/nonsense/x')).toEqual({ page: 'accounts', id: 'acc_1' });
  });

  it('reads no address at all as the home', () => {
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(parseRoute('#')).toEqual({ page: 'home' });
  });

  it('sends an invitation or reset link without its token to the week', () => {
    expect(parseRoute('#/invite')).toEqual({ page: 'week' });
    expect(parseRoute('#/reset/')).toEqual({ page: 'week' });
  });
});
